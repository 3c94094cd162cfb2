package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code USING (column, ...)}.
 */
public record JoinUsing(Optional<Location> location, List<Identifier> columns)
        implements JoinCriteria
{
    public JoinUsing
    {
        requireNonNull(location, "location is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    public JoinUsing(List<Identifier> columns)
    {
        this(Optional.empty(), columns);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitJoinUsing(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of();
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
