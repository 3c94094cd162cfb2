package io.strata.core.metadata;

import io.strata.spi.connector.ConnectorTableHandle;

import static java.util.Objects.requireNonNull;

/**
 * A connector's table handle together with the catalog that issued it.
 */
public record TableHandle(String catalogName, ConnectorTableHandle connectorHandle)
{
    public TableHandle
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(connectorHandle, "connectorHandle is null");
    }
}
