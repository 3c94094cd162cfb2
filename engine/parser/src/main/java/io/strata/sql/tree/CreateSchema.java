package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CREATE SCHEMA [IF NOT EXISTS] [catalog.]schema [WITH (property = value, ...)]}.
 */
public record CreateSchema(
        Optional<Location> location,
        QualifiedName schemaName,
        boolean notExists,
        List<Property> properties)
        implements Statement
{
    public CreateSchema
    {
        requireNonNull(location, "location is null");
        requireNonNull(schemaName, "schemaName is null");
        properties = List.copyOf(requireNonNull(properties, "properties is null"));
    }

    public CreateSchema(QualifiedName schemaName, boolean notExists, List<Property> properties)
    {
        this(Optional.empty(), schemaName, notExists, properties);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCreateSchema(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(properties);
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
