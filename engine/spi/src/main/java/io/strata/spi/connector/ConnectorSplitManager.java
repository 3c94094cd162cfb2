package io.strata.spi.connector;

public interface ConnectorSplitManager
{
    ConnectorSplitSource getSplits(ConnectorSession session, ConnectorTableHandle table);
}
