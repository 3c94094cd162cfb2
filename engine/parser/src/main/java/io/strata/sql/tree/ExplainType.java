package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code TYPE LOGICAL|DISTRIBUTED|VALIDATE|IO}.
 */
public record ExplainType(Optional<Location> location, Type type)
        implements ExplainOption
{
    public ExplainType
    {
        requireNonNull(location, "location is null");
        requireNonNull(type, "type is null");
    }

    public ExplainType(Type type)
    {
        this(Optional.empty(), type);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitExplainType(this, context);
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

    public enum Type
    {
        LOGICAL, DISTRIBUTED, VALIDATE, IO
    }
}
