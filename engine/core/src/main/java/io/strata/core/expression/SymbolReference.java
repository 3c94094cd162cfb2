package io.strata.core.expression;

import io.strata.core.planner.plan.Symbol;
import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a symbol of the plan: how expressions in plan nodes name their inputs.
 */
public record SymbolReference(Symbol symbol)
        implements RowExpression
{
    public SymbolReference
    {
        requireNonNull(symbol, "symbol is null");
    }

    @Override
    public Type type()
    {
        return symbol.type();
    }

    @Override
    public List<RowExpression> children()
    {
        return List.of();
    }

    @Override
    public <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitSymbolReference(this, context);
    }

    @Override
    public String toString()
    {
        return symbol.name();
    }
}
