package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value LIKE pattern [ESCAPE escape]}.
 */
public record LikePredicate(
        Optional<Location> location,
        Expression value,
        Expression pattern,
        Optional<Expression> escape)
        implements Expression
{
    public LikePredicate
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(pattern, "pattern is null");
        requireNonNull(escape, "escape is null");
    }

    public LikePredicate(Expression value, Expression pattern, Optional<Expression> escape)
    {
        this(Optional.empty(), value, pattern, escape);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitLikePredicate(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(value);
        children.add(pattern);
        escape.ifPresent(children::add);
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
