package io.strata.spi.type;

import java.util.List;

/** {@code varbinary}: byte strings, ordered byte by byte as unsigned values. */
public record VarbinaryType()
        implements Type
{
    public static final VarbinaryType VARBINARY = new VarbinaryType();

    @Override
    public String baseName()
    {
        return "varbinary";
    }

    @Override
    public List<Long> parameters()
    {
        return List.of();
    }

    @Override
    public ValueLayout layout()
    {
        return ValueLayout.VARIABLE_WIDTH;
    }

    @Override
    public String toString()
    {
        return displayName();
    }
}
