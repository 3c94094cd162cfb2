package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name [(column, ...)] [WITH (...)] AS query [WITH [NO] DATA]}.
 * {@code columnAliases} is empty when no column list was written.
 */
public record CreateTableAsSelect(
        Optional<Location> location,
        QualifiedName name,
        Query query,
        boolean notExists,
        List<Property> properties,
        boolean withData,
        List<Identifier> columnAliases)
        implements Statement
{
    public CreateTableAsSelect
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
        columnAliases = List.copyOf(requireNonNull(columnAliases, "columnAliases is null"));
    }

    public CreateTableAsSelect(
            QualifiedName name,
            Query query,
            boolean notExists,
            List<Property> properties,
            boolean withData,
            List<Identifier> columnAliases)
    {
        this(Optional.empty(), name, query, notExists, properties, withData, columnAliases);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCreateTableAsSelect(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(query);
        children.addAll(properties);
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
