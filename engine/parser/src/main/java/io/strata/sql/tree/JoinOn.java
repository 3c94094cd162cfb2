package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ON condition}.
 */
public record JoinOn(Optional<Location> location, Expression expression)
        implements JoinCriteria
{
    public JoinOn
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
    }

    public JoinOn(Expression expression)
    {
        this(Optional.empty(), expression);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitJoinOn(this, context);
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
