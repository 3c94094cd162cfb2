package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code if(condition, trueValue [, falseValue])}.
 */
public record IfExpression(
        Optional<Location> location,
        Expression condition,
        Expression trueValue,
        Optional<Expression> falseValue)
        implements Expression
{
    public IfExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(condition, "condition is null");
        requireNonNull(trueValue, "trueValue is null");
        requireNonNull(falseValue, "falseValue is null");
    }

    public IfExpression(Expression condition, Expression trueValue, Optional<Expression> falseValue)
    {
        this(Optional.empty(), condition, trueValue, falseValue);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitIfExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(condition);
        children.add(trueValue);
        falseValue.ifPresent(children::add);
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
