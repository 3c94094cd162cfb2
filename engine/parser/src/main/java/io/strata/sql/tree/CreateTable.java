package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (column type, ...) [WITH (property = value, ...)]}.
 */
public record CreateTable(
        Optional<Location> location,
        QualifiedName name,
        List<ColumnDefinition> columns,
        boolean notExists,
        List<Property> properties)
        implements Statement
{
    public CreateTable
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
    }

    public CreateTable(
            QualifiedName name,
            List<ColumnDefinition> columns,
            boolean notExists,
            List<Property> properties)
    {
        this(Optional.empty(), name, columns, notExists, properties);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCreateTable(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.addAll(columns);
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
