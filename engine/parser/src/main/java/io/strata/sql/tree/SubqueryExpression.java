package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A scalar subquery {@code (query)}.
 */
public record SubqueryExpression(Optional<Location> location, Query query)
        implements Expression
{
    public SubqueryExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(query, "query is null");
    }

    public SubqueryExpression(Query query)
    {
        this(Optional.empty(), query);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSubqueryExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(query);
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
