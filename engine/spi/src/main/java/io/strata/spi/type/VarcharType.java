package io.strata.spi.type;

import java.util.List;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * {@code varchar(n)} or unbounded {@code varchar}; values are UTF-8 slices. Clients see the unbounded length
 * as 2147483647, as Presto's type signatures carry it.
 */
public record VarcharType(OptionalInt length)
        implements Type
{
    public static final int UNBOUNDED_LENGTH = Integer.MAX_VALUE;
    public static final VarcharType VARCHAR = new VarcharType(OptionalInt.empty());

    public VarcharType
    {
        requireNonNull(length, "length is null");
        if (length.isPresent() && length.getAsInt() < 0) {
            throw new IllegalArgumentException("varchar length must not be negative: " + length.getAsInt());
        }
    }

    public static VarcharType createVarcharType(int length)
    {
        return new VarcharType(OptionalInt.of(length));
    }

    public boolean isUnbounded()
    {
        return length.isEmpty();
    }

    /** The length as a type signature carries it: {@link #UNBOUNDED_LENGTH} when unbounded. */
    public int lengthOrUnbounded()
    {
        return length.orElse(UNBOUNDED_LENGTH);
    }

    @Override
    public String baseName()
    {
        return "varchar";
    }

    @Override
    public List<Long> parameters()
    {
        return length.isPresent() ? List.of((long) length.getAsInt()) : List.of();
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
