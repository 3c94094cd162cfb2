package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code name [(column, ...)] AS (query)}; {@code columnNames} is empty when no column list was written.
 */
public record WithQuery(
        Optional<Location> location,
        Identifier name,
        Query query,
        List<Identifier> columnNames)
        implements Node
{
    public WithQuery
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
    }

    public WithQuery(Identifier name, Query query, List<Identifier> columnNames)
    {
        this(Optional.empty(), name, query, columnNames);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitWithQuery(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(query);
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
