package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code nullif(first, second)}.
 */
public record NullIfExpression(Optional<Location> location, Expression first, Expression second)
        implements Expression
{
    public NullIfExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(first, "first is null");
        requireNonNull(second, "second is null");
    }

    public NullIfExpression(Expression first, Expression second)
    {
        this(Optional.empty(), first, second);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitNullIfExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(first, second);
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
