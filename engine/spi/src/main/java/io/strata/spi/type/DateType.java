package io.strata.spi.type;

import java.util.List;

public record DateType()
        implements Type
{
    public static final DateType DATE = new DateType();

    @Override
    public String baseName()
    {
        return "date";
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
