package io.strata.core.metadata;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table found in a catalog: its name, handle and columns in the connector's order.
 */
public record ResolvedTable(QualifiedObjectName name, TableHandle handle, List<TableColumn> columns)
{
    public ResolvedTable
    {
        requireNonNull(name, "name is null");
        requireNonNull(handle, "handle is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
