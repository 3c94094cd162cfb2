package io.strata.core.connector.system;

import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.TupleDomain;

import static java.util.Objects.requireNonNull;

/**
 * A system table, narrowed by the filter pushed into it (domains over its {@link SystemColumnHandle}s), which
 * only prunes: the engine evaluates the filter again.
 */
public record SystemTableHandle(String schemaName, String tableName, TupleDomain constraint)
        implements ConnectorTableHandle
{
    public SystemTableHandle
    {
        requireNonNull(schemaName, "schemaName is null");
        requireNonNull(tableName, "tableName is null");
        requireNonNull(constraint, "constraint is null");
    }
}
