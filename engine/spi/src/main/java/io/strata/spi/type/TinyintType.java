package io.strata.spi.type;

import java.util.List;

/** {@code tinyint}: 8-bit signed integers, held in the {@code int} layout (arithmetic checks the narrower range). */
public record TinyintType()
        implements Type
{
    public static final TinyintType TINYINT = new TinyintType();

    @Override
    public String baseName()
    {
        return "tinyint";
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
