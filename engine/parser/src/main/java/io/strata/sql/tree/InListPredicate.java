package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value IN (item, ...)}.
 */
public record InListPredicate(Optional<Location> location, Expression value, List<Expression> valueList)
        implements Expression
{
    public InListPredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        valueList = List.copyOf(requireNonNull(valueList, "valueList is null"));
    }

    public InListPredicate(Expression value, List<Expression> valueList)
    {
        this(Optional.empty(), value, valueList);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitInListPredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(value);
        children.addAll(valueList);
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
