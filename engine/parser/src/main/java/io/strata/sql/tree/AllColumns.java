package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code *} or {@code prefix.*}.
 */
public record AllColumns(Optional<Location> location, Optional<QualifiedName> prefix)
        implements SelectItem
{
    public AllColumns
    {
        requireNonNull(location, "location is null");
        requireNonNull(prefix, "prefix is null");
    }

    public AllColumns(Optional<QualifiedName> prefix)
    {
        this(Optional.empty(), prefix);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitAllColumns(this, context);
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
