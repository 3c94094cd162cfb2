package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CAST(expression AS type)}, or {@code TRY_CAST} when {@code safe}.
 */
public record Cast(Optional<Location> location, Expression expression, DataType type, boolean safe)
        implements Expression
{
    public Cast
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(type, "type is null");
    }

    public Cast(Expression expression, DataType type, boolean safe)
    {
        this(Optional.empty(), expression, type, safe);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCast(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(expression, type);
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
