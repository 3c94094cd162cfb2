package io.strata.core.planner.plan;

import static java.util.Objects.requireNonNull;

public record Ordering(Symbol symbol, SortOrder sortOrder)
{
    public Ordering
    {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(sortOrder, "sortOrder is null");
    }
}
