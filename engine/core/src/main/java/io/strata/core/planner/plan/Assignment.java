package io.strata.core.planner.plan;

import io.strata.core.expression.RowExpression;

import static java.util.Objects.requireNonNull;

/**
 * {@code symbol := expression}, one output of a {@link ProjectNode}.
 */
public record Assignment(Symbol symbol, RowExpression expression)
{
    public Assignment
    {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(expression, "expression is null");
    }
}
