package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CUBE (a, b, ...)}.
 */
public record Cube(Optional<Location> location, List<Expression> expressions)
        implements GroupingElement
{
    public Cube
    {
        requireNonNull(location, "location is null");
        expressions = List.copyOf(requireNonNull(expressions, "expressions is null"));
    }

    public Cube(List<Expression> expressions)
    {
        this(Optional.empty(), expressions);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCube(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(expressions);
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
