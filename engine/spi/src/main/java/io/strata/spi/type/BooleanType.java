package io.strata.spi.type;

import java.util.List;

public record BooleanType()
        implements Type
{
    public static final BooleanType BOOLEAN = new BooleanType();

    @Override
    public String baseName()
    {
        return "boolean";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.BYTE;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
