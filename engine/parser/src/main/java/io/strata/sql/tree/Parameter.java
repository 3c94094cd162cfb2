package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@code ?} parameter; {@code position} counts them from 0 in the order they are written.
 */
public record Parameter(Optional<Location> location, int position)
        implements Expression
{
    public Parameter
    {
        requireNonNull(location, "location is null");
        if (position < 0) {
            throw new IllegalArgumentException("position is negative");
        }
    }

    public Parameter(int position)
    {
        this(Optional.empty(), position);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitParameter(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of();
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
