package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code GROUP BY element, ...}.
 */
public record GroupBy(Optional<Location> location, List<GroupingElement> groupingElements)
        implements Node
{
    public GroupBy
    {
        requireNonNull(location, "location is null");
        groupingElements = List.copyOf(requireNonNull(groupingElements, "groupingElements is null"));
    }

    public GroupBy(List<GroupingElement> groupingElements)
    {
        this(Optional.empty(), groupingElements);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitGroupBy(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(groupingElements);
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
