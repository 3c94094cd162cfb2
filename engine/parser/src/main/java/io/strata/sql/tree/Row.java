package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ROW(item, ...)} or {@code (item, item, ...)}.
 */
public record Row(Optional<Location> location, List<Expression> items)
        implements Expression
{
    public Row
    {
        requireNonNull(location, "location is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    public Row(List<Expression> items)
    {
        this(Optional.empty(), items);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitRow(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(items);
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
