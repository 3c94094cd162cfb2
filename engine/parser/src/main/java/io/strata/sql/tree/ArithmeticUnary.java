package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code -value} or {@code +value}.
 */
public record ArithmeticUnary(Optional<Location> location, Sign sign, Expression value)
        implements Expression
{
    public ArithmeticUnary
    {
        requireNonNull(location, "location is null");
        requireNonNull(sign, "sign is null");
        requireNonNull(value, "value is null");
    }

    public ArithmeticUnary(Sign sign, Expression value)
    {
        this(Optional.empty(), sign, value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitArithmeticUnary(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(value);
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

    public enum Sign
    {
        PLUS, MINUS
    }
}
