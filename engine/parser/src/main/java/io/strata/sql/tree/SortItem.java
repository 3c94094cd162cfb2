package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code key [ASC|DESC] [NULLS FIRST|LAST]}; ordering defaults to ASCENDING, null ordering to UNDEFINED.
 */
public record SortItem(
        Optional<Location> location,
        Expression sortKey,
        Ordering ordering,
        NullOrdering nullOrdering)
        implements Node
{
    public SortItem
    {
        requireNonNull(location, "location is null");
        requireNonNull(sortKey, "sortKey is null");
        requireNonNull(ordering, "ordering is null");
        requireNonNull(nullOrdering, "nullOrdering is null");
    }

    public SortItem(Expression sortKey, Ordering ordering, NullOrdering nullOrdering)
    {
        this(Optional.empty(), sortKey, ordering, nullOrdering);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSortItem(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(sortKey);
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

    public enum Ordering
    {
        ASCENDING, DESCENDING
    }

    public enum NullOrdering
    {
        FIRST, LAST, UNDEFINED
    }
}
