package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CASE operand WHEN value THEN result ... [ELSE default] END}.
 */
public record SimpleCaseExpression(
        Optional<Location> location,
        Expression operand,
        List<WhenClause> whenClauses,
        Optional<Expression> defaultValue)
        implements Expression
{
    public SimpleCaseExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(operand, "operand is null");
        whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
        requireNonNull(defaultValue, "defaultValue is null");
    }

    public SimpleCaseExpression(
            Expression operand,
            List<WhenClause> whenClauses,
            Optional<Expression> defaultValue)
    {
        this(Optional.empty(), operand, whenClauses, defaultValue);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSimpleCaseExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(operand);
        children.addAll(whenClauses);
        defaultValue.ifPresent(children::add);
        return List.copyOf(children);
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
