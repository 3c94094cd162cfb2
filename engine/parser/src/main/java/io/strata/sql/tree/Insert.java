package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code INSERT INTO table [(column, ...)] query}; {@code columns} is empty when no column list was written.
 */
public record Insert(
        Optional<Location> location,
        QualifiedName target,
        List<Identifier> columns,
        Query query)
        implements Statement
{
    public Insert
    {
        requireNonNull(location, "location is null");
        requireNonNull(target, "target is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
    }

    public Insert(QualifiedName target, List<Identifier> columns, Query query)
    {
        this(Optional.empty(), target, columns, query);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitInsert(this, context);
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
