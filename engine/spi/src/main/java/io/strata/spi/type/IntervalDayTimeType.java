package io.strata.spi.type;

import java.util.List;

/**
 * {@code interval day to second}: a duration in milliseconds ({@code long}).
 */
public record IntervalDayTimeType()
        implements Type
{
    public static final IntervalDayTimeType INTERVAL_DAY_TIME = new IntervalDayTimeType();

    @Override
    public String baseName()
    {
        return "interval day to second";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.LONG;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
