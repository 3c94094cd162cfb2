package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Analysis only: in a correlated subquery, a reference to field {@code channel} of the relation that the clause
 * holding the subquery reads (the enclosing query's scope). The planner turns it into a reference to that
 * field's symbol, and decorrelation then turns the subquery into a join; no plan holds one.
 */
public record OuterReference(int channel, Type type)
        implements RowExpression
{
    public OuterReference
    {
        requireNonNull(type, "type is null");
        if (channel < 0) {
            throw new IllegalArgumentException("channel is negative: " + channel);
        }
    }

    @Override
    public List<RowExpression> children()
    {
        return List.of();
    }

    @Override
    public <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitOuterReference(this, context);
    }

    @Override
    public String toString()
    {
        return "outer#" + channel;
    }
}
