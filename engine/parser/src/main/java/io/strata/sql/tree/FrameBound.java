package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A bound of a window frame; {@code value} is present exactly for PRECEDING and FOLLOWING.
 */
public record FrameBound(Optional<Location> location, Type type, Optional<Expression> value)
        implements Node
{
    public FrameBound
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
        if ((type == Type.PRECEDING || type == Type.FOLLOWING) != value.isPresent()) {
            throw new IllegalArgumentException(type + " frame bound " + (value.isPresent() ? "must not have" : "needs") + " a value");
        }
    }

    public FrameBound(Type type, Optional<Expression> value)
    {
        this(Optional.empty(), type, value);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitFrameBound(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        value.ifPresent(children::add);
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
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }
}
