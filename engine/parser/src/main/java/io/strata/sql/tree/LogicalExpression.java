package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code term AND term AND ...} or {@code term OR term OR ...}, with two or more terms. The parser flattens
 * nested operations of the same operator, so {@code a AND (b AND c)} has three terms.
 */
public record LogicalExpression(Optional<Location> location, Operator operator, List<Expression> terms)
        implements Expression
{
    public LogicalExpression
    {
        requireNonNull(location, "location is null");
        requireNonNull(operator, "operator is null");
        terms = List.copyOf(requireNonNull(terms, "terms is null"));
        if (terms.size() < 2) {
            throw new IllegalArgumentException("a logical expression needs at least two terms");
        }
    }

    public LogicalExpression(Operator operator, List<Expression> terms)
    {
        this(Optional.empty(), operator, terms);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitLogicalExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(terms);
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
        AND, OR
    }
}
