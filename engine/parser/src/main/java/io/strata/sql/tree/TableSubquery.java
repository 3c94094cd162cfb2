package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A parenthesized query used as a relation or as an operand of a set operation.
 */
public record TableSubquery(Optional<Location> location, Query query)
        implements QueryBody
{
    public TableSubquery
    {
        requireNonNull(location, "location is null");
        requireNonNull(query, "query is null");
    }

    public TableSubquery(Query query)
    {
        this(Optional.empty(), query);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitTableSubquery(this, context);
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
