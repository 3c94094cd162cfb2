package io.strata.spi.type;

import java.util.List;

/**
 * {@code timestamp(p)}, p from 0 to 6 (3 when not given): a date and time of day without a time zone, held as
 * microseconds since 1970-01-01 00:00:00 in the {@code long} layout whatever the precision, so that
 * timestamps of different precisions compare and hash alike; a value never has digits beyond its precision.
 */
public record TimestampType(int precision)
        implements Type
{
    public static final int MAX_PRECISION = 6;
    public static final int DEFAULT_PRECISION = 3;
    public static final TimestampType TIMESTAMP = new TimestampType(DEFAULT_PRECISION);

    public TimestampType
    {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("timestamp precision must be between 0 and " + MAX_PRECISION + ": " + precision);
        }
    }

    public static TimestampType createTimestampType(int precision)
    {
        return new TimestampType(precision);
    }

    @Override
    public String baseName()
    {
        return "timestamp";
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
