package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code coalesce(a, b, ...)}, with two or more operands.
 */
public record CoalesceExpression(Optional<Location> location, List<Expression> operands)
        implements Expression
{
    public CoalesceExpression
    {
        requireNonNull(location, "location is null");
        operands = List.copyOf(requireNonNull(operands, "operands is null"));
        if (operands.size() < 2) {
            throw new IllegalArgumentException("coalesce needs at least two operands");
        }
    }

    public CoalesceExpression(List<Expression> operands)
    {
        this(Optional.empty(), operands);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCoalesceExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(operands);
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
