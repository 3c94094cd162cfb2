package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value BETWEEN min AND max}.
 */
public record BetweenPredicate(
        Optional<Location> location,
        Expression value,
        Expression min,
        Expression max)
        implements Expression
{
    public BetweenPredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
    }

    public BetweenPredicate(Expression value, Expression min, Expression max)
    {
        this(Optional.empty(), value, min, max);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitBetweenPredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(value, min, max);
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
