package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code name = value} in a {@code WITH (...)} property list.
 */
public record Property(Optional<Location> location, Identifier name, Expression value)
        implements Node
{
    public Property
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }

    public Property(Identifier name, Expression value)
    {
        this(Optional.empty(), name, value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitProperty(this, context);
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
