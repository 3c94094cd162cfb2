package io.strata.connector.memory;

import io.strata.spi.connector.ConnectorTableHandle;

import static java.util.Objects.requireNonNull;

/**
 * A table by name and by the id its data is stored under: a table dropped and created again under the same
 * name is another table.
 */
public record MemoryTableHandle(String schemaName, String tableName, long tableId)
        implements ConnectorTableHandle
{
    public MemoryTableHandle
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
    }
}
