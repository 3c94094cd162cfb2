package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Literal rows, each with one input-free expression per field, of the field's type. The relation of a query
 * without FROM is one row of no fields.
 */
public record BoundValues(List<List<RowExpression>> rows, RelationType type)
        implements BoundRelation
{
    /** One row, no fields: what {@code SELECT 1} reads. */
    public static final BoundValues SINGLE_ROW = new BoundValues(List.of(List.of()), RelationType.EMPTY);

    public BoundValues
    {
        rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        requireNonNull(type, "type is null");
        for (List<RowExpression> row : rows) {
            if (row.size() != type.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + type.size());
            }
        }
    }
}
