package io.strata.core.analyzer;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A query: its bound relation and the names of the columns it returns (one per field of the relation).
 */
public record QueryAnalysis(BoundRelation relation, List<String> columnNames, List<BoundSubquery> subqueries)
        implements Analysis
{
    /** A query without subqueries in its expressions. */
    public QueryAnalysis(BoundRelation relation, List<String> columnNames)
    {
        this(relation, columnNames, List.of());
    }

    /**
     * @param subqueries the subqueries in the query's expressions, by the id of the
     * {@link io.strata.core.expression.SubqueryReference}s that stand for them
     */
    public QueryAnalysis
    {
        requireNonNull(relation, "relation is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        subqueries = List.copyOf(requireNonNull(subqueries, "subqueries is null"));
        if (columnNames.size() != relation.type().size()) {
            throw new IllegalArgumentException("one column name per field");
        }
    }
}
