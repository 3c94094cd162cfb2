package io.strata.spi.connector;

public interface Connector
{
    ConnectorMetadata metadata();

    ConnectorSplitManager splitManager();

    ConnectorPageSourceProvider pageSourceProvider();

    default void shutdown() {}
}
