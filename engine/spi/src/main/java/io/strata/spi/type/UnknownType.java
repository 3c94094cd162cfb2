package io.strata.spi.type;

import java.util.List;

/**
 * The type of a bare {@code NULL} literal, as Presto calls it: every position is null; it coerces to any type.
 */
public record UnknownType()
        implements Type
{
    public static final UnknownType UNKNOWN = new UnknownType();

    @Override
    public String baseName()
    {
        return "unknown";
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
