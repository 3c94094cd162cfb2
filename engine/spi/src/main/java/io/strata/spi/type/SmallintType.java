package io.strata.spi.type;

import java.util.List;

/** {@code smallint}: 16-bit signed integers, held in the {@code int} layout (arithmetic checks the narrower range). */
public record SmallintType()
        implements Type
{
    public static final SmallintType SMALLINT = new SmallintType();

    @Override
    public String baseName()
    {
        return "smallint";
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
