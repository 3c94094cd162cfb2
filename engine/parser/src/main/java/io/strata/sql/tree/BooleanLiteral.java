package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code TRUE} or {@code FALSE}.
 */
public record BooleanLiteral(Optional<Location> location, boolean value)
        implements Literal
{
    public BooleanLiteral
    {
        requireNonNull(location, "location is null");
    }

    public BooleanLiteral(boolean value)
    {
        this(Optional.empty(), value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitBooleanLiteral(this, context);
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
