package io.strata.core.analyzer;

import io.strata.core.metadata.ResolvedTable;

import static java.util.Objects.requireNonNull;

/**
 * A table read whole: field {@code i} is column {@code i} of {@code table}.
 */
public record BoundTable(ResolvedTable table, RelationType type)
        implements BoundRelation
{
    public BoundTable
    {
        requireNonNull(table, "table is null");
        requireNonNull(type, "type is null");
        if (type.size() != table.columns().size()) {
            throw new IllegalArgumentException("a table's relation has one field per column");
        }
    }
}
