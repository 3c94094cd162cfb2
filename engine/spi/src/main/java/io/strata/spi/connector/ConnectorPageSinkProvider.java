package io.strata.spi.connector;

public interface ConnectorPageSinkProvider
{
    ConnectorPageSink createPageSink(ConnectorSession session, ConnectorInsertTableHandle insert);
}
