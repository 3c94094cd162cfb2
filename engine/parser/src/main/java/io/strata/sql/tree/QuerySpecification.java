package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code SELECT ... [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...]}, with the ORDER BY, OFFSET and
 * LIMIT of the query it is the body of (see {@link Query}). Several relations in FROM arrive as
 * {@link Join}s of type {@link Join.Type#IMPLICIT}.
 */
public record QuerySpecification(
        Optional<Location> location,
        Select select,
        Optional<Relation> from,
        Optional<Expression> where,
        Optional<GroupBy> groupBy,
        Optional<Expression> having,
        Optional<OrderBy> orderBy,
        Optional<Offset> offset,
        Optional<Limit> limit)
        implements QueryBody
{
    public QuerySpecification
    {
        requireNonNull(location, "location is null");
        requireNonNull(select, "select is null");
        requireNonNull(from, "from is null");
        requireNonNull(where, "where is null");
        requireNonNull(groupBy, "groupBy is null");
        requireNonNull(having, "having is null");
        requireNonNull(orderBy, "orderBy is null");
        requireNonNull(offset, "offset is null");
        requireNonNull(limit, "limit is null");
    }

    public QuerySpecification(
            Select select,
            Optional<Relation> from,
            Optional<Expression> where,
            Optional<GroupBy> groupBy,
            Optional<Expression> having,
            Optional<OrderBy> orderBy,
            Optional<Offset> offset,
            Optional<Limit> limit)
    {
        this(Optional.empty(), select, from, where, groupBy, having, orderBy, offset, limit);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitQuerySpecification(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(select);
        from.ifPresent(children::add);
        where.ifPresent(children::add);
        groupBy.ifPresent(children::add);
        having.ifPresent(children::add);
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
