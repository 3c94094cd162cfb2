package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A literal with an exponent ({@code 1e3}, {@code 2.5E-2}): a double.
 */
public record DoubleLiteral(Optional<Location> location, double value)
        implements Literal
{
    public DoubleLiteral
    {
        requireNonNull(location, "location is null");
    }

    public DoubleLiteral(double value)
    {
        this(Optional.empty(), value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDoubleLiteral(this, context);
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
