package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW TABLES [FROM [catalog.]schema] [LIKE pattern [ESCAPE escape]]}.
 */
public record ShowTables(
        Optional<Location> location,
        Optional<QualifiedName> schema,
        Optional<String> likePattern,
        Optional<String> escape)
        implements Statement
{
    public ShowTables
    {
        requireNonNull(location, "location is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(likePattern, "likePattern is null");
        requireNonNull(escape, "escape is null");
    }

    public ShowTables(
            Optional<QualifiedName> schema,
            Optional<String> likePattern,
            Optional<String> escape)
    {
        this(Optional.empty(), schema, likePattern, escape);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitShowTables(this, context);
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
