package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SET SESSION name = value}; the name is {@code property} or {@code catalog.property}.
 */
public record SetSession(Optional<Location> location, QualifiedName name, Expression value)
        implements Statement
{
    public SetSession
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }

    public SetSession(QualifiedName name, Expression value)
    {
        this(Optional.empty(), name, value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSetSession(this, context);
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
