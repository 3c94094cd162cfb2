package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The grouping of a query specification: keys and aggregates over the fields of its FROM relation. The
 * grouped relation has the keys' values as its first fields and the aggregates' after them; HAVING, the
 * SELECT list and ORDER BY of a grouped query are expressions over that relation.
 */
public record BoundAggregation(List<RowExpression> groupingKeys, List<BoundAggregate> aggregates, List<List<Integer>> groupingSets)
{
    /** The {@code grouping(...)} operation, carried as an aggregate whose arguments are grouping keys. */
    public static final String GROUPING = "grouping";

    public BoundAggregation(List<RowExpression> groupingKeys, List<BoundAggregate> aggregates)
    {
        this(groupingKeys, aggregates, List.of());
    }

    /**
     * @param groupingSets for GROUPING SETS, ROLLUP and CUBE: the sets, as indexes into {@code groupingKeys};
     * empty for a plain GROUP BY (one set of all keys). A key outside a row's set is NULL in that row.
     */
    public BoundAggregation
    {
        groupingKeys = List.copyOf(requireNonNull(groupingKeys, "groupingKeys is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
        groupingSets = requireNonNull(groupingSets, "groupingSets is null").stream().map(List::copyOf).toList();
    }

    /** The fields of the grouped relation, unnamed: keys, then aggregates. */
    public RelationType outputType()
    {
        List<Field> fields = new ArrayList<>();
        groupingKeys.forEach(key -> fields.add(Field.unqualified(Optional.empty(), key.type())));
        aggregates.forEach(aggregate -> fields.add(Field.unqualified(Optional.empty(), aggregate.type())));
        return new RelationType(fields);
    }
}
