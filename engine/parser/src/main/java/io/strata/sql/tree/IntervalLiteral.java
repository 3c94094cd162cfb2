package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code INTERVAL [+|-] 'value' startField [TO endField]}, such as {@code INTERVAL '90' DAY} or
 * {@code INTERVAL '1-2' YEAR TO MONTH}; {@code value} is the text between the quotes, not yet checked.
 */
public record IntervalLiteral(
        Optional<Location> location,
        String value,
        Sign sign,
        IntervalField startField,
        Optional<IntervalField> endField)
        implements Literal
{
    public IntervalLiteral
    {
        requireNonNull(location, "location is null");
        requireNonNull(value, "value is null");
        requireNonNull(sign, "sign is null");
        requireNonNull(startField, "startField is null");
        requireNonNull(endField, "endField is null");
    }

    public IntervalLiteral(
            String value,
            Sign sign,
            IntervalField startField,
            Optional<IntervalField> endField)
    {
        this(Optional.empty(), value, sign, startField, endField);
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitIntervalLiteral(this, context);
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

    public enum Sign
    {
        POSITIVE, NEGATIVE
    }

    public enum IntervalField
    {
        YEAR, MONTH, DAY, HOUR, MINUTE, SECOND
    }
}
