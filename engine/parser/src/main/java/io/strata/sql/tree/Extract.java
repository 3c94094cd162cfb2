package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXTRACT(field FROM expression)}.
 */
public record Extract(Optional<Location> location, Expression expression, Field field)
        implements Expression
{
    public Extract
    {
        requireNonNull(location, "location is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(field, "field is null");
    }

    public Extract(Expression expression, Field field)
    {
        this(Optional.empty(), expression, field);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitExtract(this, context);
    }

    @Override
    public List<Node> children()
    {
        return List.of(expression);
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

    public enum Field
    {
        YEAR, QUARTER, MONTH, WEEK, DAY, DAY_OF_MONTH, DAY_OF_WEEK, DOW, DAY_OF_YEAR, DOY, YEAR_OF_WEEK, YOW,
        HOUR, MINUTE, SECOND, TIMEZONE_MINUTE, TIMEZONE_HOUR
    }
}
