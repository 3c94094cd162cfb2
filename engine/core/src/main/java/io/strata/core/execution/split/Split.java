package io.strata.core.execution.split;

import io.strata.spi.connector.ConnectorSplit;

import static java.util.Objects.requireNonNull;

/**
 * A connector's split and the catalog whose connector reads it.
 */
public record Split(String catalogName, ConnectorSplit connectorSplit)
{
    public Split
    {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(connectorSplit, "connectorSplit is null");
    }
}
