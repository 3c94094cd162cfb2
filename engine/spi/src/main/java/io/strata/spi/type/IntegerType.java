package io.strata.spi.type;

import java.util.List;

public record IntegerType()
        implements Type
{
    public static final IntegerType INTEGER = new IntegerType();

    @Override
    public String baseName()
    {
        return "integer";
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
