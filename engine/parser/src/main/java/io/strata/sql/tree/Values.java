package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code VALUES row, ...}. A row of several columns is a {@link Row}; any other expression is a row of
 * one column.
 */
public record Values(Optional<Location> location, List<Expression> rows)
        implements QueryBody
{
    public Values
    {
        requireNonNull(location, "location is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    public Values(List<Expression> rows)
    {
        this(Optional.empty(), rows);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitValues(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(rows);
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
