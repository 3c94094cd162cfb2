package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right}; {@code distinct} is true unless ALL was written.
 * INTERSECT binds tighter than UNION and EXCEPT; operators of the same level associate to the left.
 */
public record SetOperation(
        Optional<Location> location,
        Type type,
        boolean distinct,
        QueryBody left,
        QueryBody right)
        implements QueryBody
{
    public SetOperation
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    public SetOperation(Type type, boolean distinct, QueryBody left, QueryBody right)
    {
        this(Optional.empty(), type, distinct, left, right);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSetOperation(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(left, right);
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
        UNION, INTERSECT, EXCEPT
    }
}
