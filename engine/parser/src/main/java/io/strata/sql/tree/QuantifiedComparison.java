package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code value op ALL|ANY|SOME (subquery)}.
 */
public record QuantifiedComparison(
        Optional<Location> location,
        ComparisonExpression.Operator operator,
        Quantifier quantifier,
        Expression value,
        Query subquery)
        implements Expression
{
    public QuantifiedComparison
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        requireNonNull(quantifier, "quantifier is null");
        requireNonNull(value, "value is null");
        requireNonNull(subquery, "subquery is null");
    }

    public QuantifiedComparison(
            ComparisonExpression.Operator operator,
            Quantifier quantifier,
            Expression value,
            Query subquery)
    {
        this(Optional.empty(), operator, quantifier, value, subquery);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitQuantifiedComparison(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(value, subquery);
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

    public enum Quantifier
    {
        ALL, ANY, SOME
    }
}
