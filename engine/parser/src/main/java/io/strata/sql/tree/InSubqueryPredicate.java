package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value IN (subquery)}.
 */
public record InSubqueryPredicate(Optional<Location> location, Expression value, Query subquery)
        implements Expression
{
    public InSubqueryPredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(subquery, "subquery is null");
    }

    public InSubqueryPredicate(Expression value, Query subquery)
    {
        this(Optional.empty(), value, subquery);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitInSubqueryPredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(value, subquery);
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
