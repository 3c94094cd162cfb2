package io.strata.spi.type;

import java.util.List;

/**
 * {@code interval year to month}: a number of months ({@code int}).
 */
public record IntervalYearMonthType()
        implements Type
{
    public static final IntervalYearMonthType INTERVAL_YEAR_MONTH = new IntervalYearMonthType();

    @Override
    public String baseName()
    {
        return "interval year to month";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.INT;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
