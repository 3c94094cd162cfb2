package io.strata.connector.memory;

import io.strata.spi.connector.ConnectorInsertTableHandle;

/**
 * One INSERT into table {@code tableId}: its sinks' pages wait under {@code insertId} until it finishes.
 */
public record MemoryInsertTableHandle(long tableId, long insertId)
        implements ConnectorInsertTableHandle
{
}
