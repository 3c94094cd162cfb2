package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code left + - * / % right}; located at the operator.
 */
public record ArithmeticBinary(
        Optional<Location> location,
        Operator operator,
        Expression left,
        Expression right)
        implements Expression
{
    public ArithmeticBinary
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    public ArithmeticBinary(Operator operator, Expression left, Expression right)
    {
        this(Optional.empty(), operator, left, right);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitArithmeticBinary(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(left, right);
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

    public enum Operator
    {
        ADD("+"),
        SUBTRACT("-"),
        MULTIPLY("*"),
        DIVIDE("/"),
        MODULUS("%");

        private final String symbol;

        Operator(String symbol)
        {
            this.symbol = symbol;
        }

        public String symbol()
        {
            return symbol;
        }
    }
}
