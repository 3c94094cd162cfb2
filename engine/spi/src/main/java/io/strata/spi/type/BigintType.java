package io.strata.spi.type;

import java.util.List;

public record BigintType()
        implements Type
{
    public static final BigintType BIGINT = new BigintType();

    @Override
    public String baseName()
    {
        return "bigint";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
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
