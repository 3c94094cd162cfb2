package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ARRAY[value, ...]}.
 */
public record ArrayConstructor(Optional<Location> location, List<Expression> values)
        implements Expression
{
    public ArrayConstructor
    {
        requireNonNull(location, "location is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
    }

    public ArrayConstructor(List<Expression> values)
    {
        this(Optional.empty(), values);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitArrayConstructor(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(values);
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
