package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXISTS (subquery)}.
 */
public record ExistsPredicate(Optional<Location> location, Query subquery)
        implements Expression
{
    public ExistsPredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(subquery, "subquery is null");
    }

    public ExistsPredicate(Query subquery)
    {
        this(Optional.empty(), subquery);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitExistsPredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(subquery);
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
