package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code ROWS|RANGE start} or {@code ROWS|RANGE BETWEEN start AND end}.
 */
public record WindowFrame(
        Optional<Location> location,
        Type type,
        FrameBound start,
        Optional<FrameBound> end)
        implements Node
{
    public WindowFrame
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
    }

    public WindowFrame(Type type, FrameBound start, Optional<FrameBound> end)
    {
        this(Optional.empty(), type, start, end);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitWindowFrame(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        children.add(start);
        end.ifPresent(children::add);
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

    public enum Type
    {
        RANGE, ROWS
    }
}
