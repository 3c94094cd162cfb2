package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW SCHEMAS [FROM catalog] [LIKE pattern [ESCAPE escape]]}.
 */
public record ShowSchemas(
        Optional<Location> location,
        Optional<Identifier> catalog,
        Optional<String> likePattern,
        Optional<String> escape)
        implements Statement
{
    public ShowSchemas
    {
        requireNonNull(location, "location is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(likePattern, "likePattern is null");
        requireNonNull(escape, "escape is null");
    }

    public ShowSchemas(
            Optional<Identifier> catalog,
            Optional<String> likePattern,
            Optional<String> escape)
    {
        this(Optional.empty(), catalog, likePattern, escape);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitShowSchemas(this, context);
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
