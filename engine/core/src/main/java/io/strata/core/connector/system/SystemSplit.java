package io.strata.core.connector.system;

import io.strata.spi.connector.ConnectorSplit;

import static java.util.Objects.requireNonNull;

/**
 * The whole of a system table: its rows are computed in one go on the coordinator.
 */
public record SystemSplit(String schemaName, String tableName)
        implements ConnectorSplit
{
    public SystemSplit
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
    }
}
