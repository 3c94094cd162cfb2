package io.strata.spi.type;

import java.util.List;

/**
 * {@code time(p)}, p from 0 to 6 (3 when not given): a time of day without a time zone, held as microseconds
 * since midnight in the {@code long} layout whatever the precision.
 */
public record TimeType(int precision)
        implements Type
{
    public static final int MAX_PRECISION = 6;
    public static final int DEFAULT_PRECISION = 3;
    public static final TimeType TIME = new TimeType(DEFAULT_PRECISION);

    public TimeType
    {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("time precision must be between 0 and " + MAX_PRECISION + ": " + precision);
        }
    }

    public static TimeType createTimeType(int precision)
    {
        return new TimeType(precision);
    }

    @Override
    public String baseName()
    {
        return "time";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of((long) precision);
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
