package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code OVER ([PARTITION BY ...] [ORDER BY ...] [frame])}.
 */
public record WindowSpecification(
        Optional<Location> location,
        List<Expression> partitionBy,
        Optional<OrderBy> orderBy,
        Optional<WindowFrame> frame)
        implements Node
{
    public WindowSpecification
    {
        requireNonNull(location, "location is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        requireNonNull(orderBy, "orderBy is null");
        requireNonNull(frame, "frame is null");
    }

    public WindowSpecification(
            List<Expression> partitionBy,
            Optional<OrderBy> orderBy,
            Optional<WindowFrame> frame)
    {
        this(Optional.empty(), partitionBy, orderBy, frame);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitWindowSpecification(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.addAll(partitionBy);
        orderBy.ifPresent(children::add);
        frame.ifPresent(children::add);
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
