package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code expression [[AS] alias]}.
 */
public record SingleColumn(Optional<Location> location, Expression expression, Optional<Identifier> alias)
        implements SelectItem
{
    public SingleColumn
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(alias, "alias is null");
    }

    public SingleColumn(Expression expression, Optional<Identifier> alias)
    {
        this(Optional.empty(), expression, alias);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitSingleColumn(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(expression);
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
