package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code DEALLOCATE PREPARE name}.
 */
public record Deallocate(Optional<Location> location, Identifier name)
        implements Statement
{
    public Deallocate
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
    }

    public Deallocate(Identifier name)
    {
        this(Optional.empty(), name);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDeallocate(this, context);
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
