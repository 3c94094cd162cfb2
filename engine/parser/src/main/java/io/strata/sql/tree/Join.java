package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A join. {@link Type#IMPLICIT} is the comma of {@code FROM a, b}; CROSS and IMPLICIT joins have no
 * criteria, the others always have one.
 */
public record Join(
        Optional<Location> location,
        Type type,
        Relation left,
        Relation right,
        Optional<JoinCriteria> criteria)
        implements Relation
{
    public Join
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(criteria, "criteria is null");
        if ((type == Type.CROSS || type == Type.IMPLICIT) == criteria.isPresent()) {
            throw new IllegalArgumentException(type + " join " + (criteria.isPresent() ? "must not have" : "needs") + " criteria");
        }
    }

    public Join(Type type, Relation left, Relation right, Optional<JoinCriteria> criteria)
    {
        this(Optional.empty(), type, left, right, criteria);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitJoin(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(left);
        children.add(right);
        criteria.ifPresent(children::add);
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

    public enum Type
    {
        CROSS, INNER, LEFT, RIGHT, FULL, IMPLICIT
    }
}
