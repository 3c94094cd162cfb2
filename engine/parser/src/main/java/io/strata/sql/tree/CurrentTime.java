package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code CURRENT_DATE}, {@code CURRENT_TIME[(p)]}, {@code CURRENT_TIMESTAMP[(p)]}, {@code LOCALTIME[(p)]}, {@code LOCALTIMESTAMP[(p)]}.
 */
public record CurrentTime(Optional<Location> location, Function function, Optional<Integer> precision)
        implements Expression
{
    public CurrentTime
    {
        requireNonNull(location, "location is null");
        requireNonNull(function, "function is null");
        requireNonNull(precision, "precision is null");
    }

    public CurrentTime(Function function, Optional<Integer> precision)
    {
        this(Optional.empty(), function, precision);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitCurrentTime(this, context);
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

    public enum Function
    {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP
    }
}
