package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code base[index]}.
 */
public record SubscriptExpression(Optional<Location> location, Expression base, Expression index)
        implements Expression
{
    public SubscriptExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(base, "base is null");
        requireNonNull(index, "index is null");
    }

    public SubscriptExpression(Expression base, Expression index)
    {
        this(Optional.empty(), base, index);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSubscriptExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(base, index);
    }

    @Override
    public boolean equals(Object other)
    {
        return NodeEquality.equals(this, other);
    }

    @Override
    public int hashCode()
    {
        return NodeEquality.hashCode(this);
    }
}
