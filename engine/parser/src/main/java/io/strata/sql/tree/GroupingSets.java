package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.toUnmodifiableList;

/**
 * {@code GROUPING SETS ((a, b), (a), ())}: each inner list is one set, possibly empty.
 */
public record GroupingSets(Optional<Location> location, List<List<Expression>> sets)
        implements GroupingElement
{
    public GroupingSets
    {
        requireNonNull(location, "location is null");
        sets = requireNonNull(sets, "sets is null").stream()
                .map(List::copyOf)
                .collect(toUnmodifiableList());
    }

    public GroupingSets(List<List<Expression>> sets)
    {
        this(Optional.empty(), sets);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitGroupingSets(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        sets.forEach(children::addAll);
        return List.copyOf(children);
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
