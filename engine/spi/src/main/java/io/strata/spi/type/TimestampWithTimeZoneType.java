package io.strata.spi.type;

import java.util.List;

/**
 * {@code timestamp(p) with time zone}, p from 0 to 3 (3 when not given): an instant and the zone it is shown
 * in, packed into the {@code long} layout as {@code utcMillis << 12 | zoneKey} (see {@link TimeZoneKey}).
 * Comparisons and sorting look at the instant only.
 */
public record TimestampWithTimeZoneType(int precision)
        implements Type
{
    public static final int MAX_PRECISION = 3;
    public static final int DEFAULT_PRECISION = 3;
    public static final TimestampWithTimeZoneType TIMESTAMP_WITH_TIME_ZONE = new TimestampWithTimeZoneType(DEFAULT_PRECISION);

    public TimestampWithTimeZoneType
    {
        if (precision < 0 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("timestamp with time zone precision must be between 0 and " + MAX_PRECISION + ": " + precision);
        }
    }

    public static TimestampWithTimeZoneType createTimestampWithTimeZoneType(int precision)
    {
        return new TimestampWithTimeZoneType(precision);
    }

    @Override
    public String baseName()
    {
        return "timestamp with time zone";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of((long) precision);
    }

    @Override
    public String displayName()
    {
        return "timestamp(" + precision + ") with time zone";
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
