package io.strata.core.analyzer;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * {@code OFFSET offset ROWS [LIMIT limit]} over a relation, in the relation's order (its ORDER BY, if any, is
 * applied first).
 */
public record BoundOffset(BoundRelation source, long offset, OptionalLong limit)
        implements BoundRelation
{
    public BoundOffset
    {
        requireNonNull(source, "source is null");
        requireNonNull(limit, "limit is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative");
        }
    }

    @Override
    public RelationType type()
    {
        return source.type();
    }
}
