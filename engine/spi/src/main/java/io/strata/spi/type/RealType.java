package io.strata.spi.type;

import java.util.List;

/** {@code real}: IEEE 754 single precision, held in the {@code double} layout as the double equal to the float value, so that comparison, hashing and sorting are the double ones; every operation rounds its result to float. */
public record RealType()
        implements Type
{
    public static final RealType REAL = new RealType();

    @Override
    public String baseName()
    {
        return "real";
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
