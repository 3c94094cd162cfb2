package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code name type [NOT NULL] [COMMENT 'text']} in CREATE TABLE.
 */
public record ColumnDefinition(
        Optional<Location> location,
        Identifier name,
        DataType type,
        boolean nullable,
        Optional<String> comment)
        implements Node
{
    public ColumnDefinition
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }

    public ColumnDefinition(Identifier name, DataType type, boolean nullable, Optional<String> comment)
    {
        this(Optional.empty(), name, type, nullable, comment);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitColumnDefinition(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(type);
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
