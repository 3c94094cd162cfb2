package io.strata.core.analyzer;

import io.strata.core.planner.plan.SortOrder;

import static java.util.Objects.requireNonNull;

/**
 * One ORDER BY key: a field of the projection it sorts (see {@link BoundQuerySpecification#projections()}).
 */
public record BoundSortItem(int field, SortOrder order)
{
    public BoundSortItem
    {
        requireNonNull(order, "order is null");
        if (field < 0) {
            throw new IllegalArgumentException("field is negative");
        }
    }
}
