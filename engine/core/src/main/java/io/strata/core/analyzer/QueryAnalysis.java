package io.strata.core.analyzer;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A query: its bound relation and the names of the columns it returns (one per field of the relation).
 */
public record QueryAnalysis(BoundRelation relation, List<String> columnNames)
        implements Analysis
{
    public QueryAnalysis
    {
        requireNonNull(relation, "relation is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        if (columnNames.size() != relation.type().size()) {
            throw new IllegalArgumentException("one column name per field");
        }
    }
}
