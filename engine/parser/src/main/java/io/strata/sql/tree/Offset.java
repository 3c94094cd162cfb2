package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code OFFSET n [ROWS]}.
 */
public record Offset(Optional<Location> location, long rowCount)
        implements Node
{
    public Offset
    {
        requireNonNull(location, "location is null");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount is negative");
        }
    }

    public Offset(long rowCount)
    {
        this(Optional.empty(), rowCount);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitOffset(this, context);
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
