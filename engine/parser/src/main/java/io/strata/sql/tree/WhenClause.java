package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code WHEN operand THEN result} of a CASE expression.
 */
public record WhenClause(Optional<Location> location, Expression operand, Expression result)
        implements Node
{
    public WhenClause
    {
        requireNonNull(location, "location is null");
        requireNonNull(operand, "operand is null");
        requireNonNull(result, "result is null");
    }

    public WhenClause(Expression operand, Expression result)
    {
        this(Optional.empty(), operand, result);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitWhenClause(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(operand, result);
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
