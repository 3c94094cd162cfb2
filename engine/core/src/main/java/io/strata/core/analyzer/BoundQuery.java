package io.strata.core.analyzer;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * ORDER BY and LIMIT over a query body that is not a query specification (VALUES, later set operations):
 * the sort keys are fields of the body.
 */
public record BoundQuery(BoundRelation body, List<BoundSortItem> orderBy, OptionalLong limit)
        implements BoundRelation
{
    public BoundQuery
    {
        requireNonNull(body, "body is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(limit, "limit is null");
    }

    @Override
    public RelationType type()
    {
        return body.type();
    }
}
