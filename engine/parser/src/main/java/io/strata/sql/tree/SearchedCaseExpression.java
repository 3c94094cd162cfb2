package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CASE WHEN condition THEN result ... [ELSE default] END}.
 */
public record SearchedCaseExpression(
        Optional<Location> location,
        List<WhenClause> whenClauses,
        Optional<Expression> defaultValue)
        implements Expression
{
    public SearchedCaseExpression
    {
        requireNonNull(location, "location is null");
        whenClauses = List.copyOf(requireNonNull(whenClauses, "whenClauses is null"));
        requireNonNull(defaultValue, "defaultValue is null");
    }

    public SearchedCaseExpression(List<WhenClause> whenClauses, Optional<Expression> defaultValue)
    {
        this(Optional.empty(), whenClauses, defaultValue);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSearchedCaseExpression(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
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
