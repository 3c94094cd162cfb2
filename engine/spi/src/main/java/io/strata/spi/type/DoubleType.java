package io.strata.spi.type;

import java.util.List;

public record DoubleType()
        implements Type
{
    public static final DoubleType DOUBLE = new DoubleType();

    @Override
    public String baseName()
    {
        return "double";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.DOUBLE;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
