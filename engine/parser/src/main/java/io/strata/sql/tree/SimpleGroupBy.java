package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One expression (or ordinal) in GROUP BY.
 */
public record SimpleGroupBy(Optional<Location> location, Expression expression)
        implements GroupingElement
{
    public SimpleGroupBy
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
    }

    public SimpleGroupBy(Expression expression)
    {
        this(Optional.empty(), expression);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSimpleGroupBy(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(expression);
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
