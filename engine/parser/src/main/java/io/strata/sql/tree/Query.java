package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A query: {@code [WITH ...] body [ORDER BY ...] [OFFSET n] [LIMIT n]}.
 * <p>
 * When the body is a {@link QuerySpecification}, the parser stores ORDER BY, OFFSET and LIMIT on the
 * specification (they can see its FROM clause) and leaves them empty here; they are set here only for
 * set operations, VALUES and parenthesized bodies. The constructor enforces this.
 */
public record Query(
        Optional<Location> location,
        Optional<With> with,
        QueryBody queryBody,
        Optional<OrderBy> orderBy,
        Optional<Offset> offset,
        Optional<Limit> limit)
        implements Statement
{
    public Query
    {
        requireNonNull(location, "location is null");
        requireNonNull(with, "with is null");
        requireNonNull(queryBody, "queryBody is null");
        requireNonNull(orderBy, "orderBy is null");
        requireNonNull(offset, "offset is null");
        requireNonNull(limit, "limit is null");
        if (queryBody instanceof QuerySpecification && (orderBy.isPresent() || offset.isPresent() || limit.isPresent())) {
            throw new IllegalArgumentException("ORDER BY, OFFSET and LIMIT of a query specification belong to the QuerySpecification");
        }
    }

    public Query(
            Optional<With> with,
            QueryBody queryBody,
            Optional<OrderBy> orderBy,
            Optional<Offset> offset,
            Optional<Limit> limit)
    {
        this(Optional.empty(), with, queryBody, orderBy, offset, limit);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitQuery(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        with.ifPresent(children::add);
        children.add(queryBody);
        orderBy.ifPresent(children::add);
        offset.ifPresent(children::add);
        limit.ifPresent(children::add);
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
