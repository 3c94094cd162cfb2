package io.strata.spi.type;

import java.util.List;

/**
 * {@code decimal(p, s)}: exact. Precision up to 18 is a short decimal (unscaled value in a {@code long}),
 * above that a long decimal (unscaled value in an {@link Int128}), as Presto stores them.
 */
public record DecimalType(int precision, int scale)
        implements Type
{
    public static final int MAX_PRECISION = 38;
    public static final int MAX_SHORT_PRECISION = 18;

    public DecimalType
    {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("decimal precision must be in [1, 38]: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("decimal scale must be in [0, precision]: " + scale);
        }
    }

    public static DecimalType createDecimalType(int precision, int scale)
    {
        return new DecimalType(precision, scale);
    }

    public boolean isShort()
    {
        return precision <= MAX_SHORT_PRECISION;
    }

    @Override
    public String baseName()
    {
        return "decimal";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of((long) precision, (long) scale);
    }

    @Override
    public ValueLayout layout()
    {
        return isShort() ? ValueLayout.LONG : ValueLayout.INT128;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
