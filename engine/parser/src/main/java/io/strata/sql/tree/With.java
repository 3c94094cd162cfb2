package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code WITH name AS (query), ...}.
 */
public record With(Optional<Location> location, List<WithQuery> queries)
        implements Node
{
    public With
    {
        requireNonNull(location, "location is null");
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
    }

    public With(List<WithQuery> queries)
    {
        this(Optional.empty(), queries);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitWith(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.copyOf(queries);
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
