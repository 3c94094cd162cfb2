package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ORDER BY item, ...}.
 */
public record OrderBy(Optional<Location> location, List<SortItem> sortItems)
        implements Node
{
    public OrderBy
    {
        requireNonNull(location, "location is null");
        sortItems = List.copyOf(requireNonNull(sortItems, "sortItems is null"));
    }

    public OrderBy(List<SortItem> sortItems)
    {
        this(Optional.empty(), sortItems);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitOrderBy(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(sortItems);
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
