package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A reference to a channel of the input page: what {@link SymbolReference}s become when execution lays a
 * node's inputs out as channels.
 */
public record InputReference(int channel, Type type)
        implements RowExpression
{
    public InputReference
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
        return visitor.visitInputReference(this, context);
    }

    @Override
    public String toString()
    {
        return "#" + channel;
    }
}
