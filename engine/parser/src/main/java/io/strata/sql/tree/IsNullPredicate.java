package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value IS NULL}.
 */
public record IsNullPredicate(Optional<Location> location, Expression value)
        implements Expression
{
    public IsNullPredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
    }

    public IsNullPredicate(Expression value)
    {
        this(Optional.empty(), value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitIsNullPredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(value);
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
