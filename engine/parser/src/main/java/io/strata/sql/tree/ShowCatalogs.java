package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SHOW CATALOGS [LIKE pattern [ESCAPE escape]]}.
 */
public record ShowCatalogs(
        Optional<Location> location,
        Optional<String> likePattern,
        Optional<String> escape)
        implements Statement
{
    public ShowCatalogs
    {
        requireNonNull(location, "location is null");
        requireNonNull(likePattern, "likePattern is null");
        requireNonNull(escape, "escape is null");
    }

    public ShowCatalogs(Optional<String> likePattern, Optional<String> escape)
    {
        this(Optional.empty(), likePattern, escape);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitShowCatalogs(this, context);
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
