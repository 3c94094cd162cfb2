package io.strata.spi.connector;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

public interface Connector
{
    ConnectorMetadata metadata();

    ConnectorSplitManager splitManager();

    ConnectorPageSourceProvider pageSourceProvider();

    /** Writes the rows of INSERT and CREATE TABLE AS; a read-only connector keeps the default. */
    default ConnectorPageSinkProvider pageSinkProvider()
    {
        throw new StrataException(ErrorCode.NOT_SUPPORTED, "This connector does not support writes");
    }

    default void shutdown() {}
}
