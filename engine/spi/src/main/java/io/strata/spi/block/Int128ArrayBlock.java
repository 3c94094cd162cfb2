package io.strata.spi.block;

import io.strata.spi.type.Int128;

import java.util.Arrays;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A flat block of 128-bit values (long decimals): position {@code p} is {@code values[2p]} (high, with the
 * sign) and {@code values[2p + 1]} (low).
 */
public final class Int128ArrayBlock
        implements Block
{
    private final int positionCount;
    private final boolean[] nulls;
    private final long[] values;

    /**
     * Wraps the arrays without copying: the caller hands them over and must not write them again.
     *
     * @param nulls one flag per position, or {@code null} when no position is null
     */
    public Int128ArrayBlock(int positionCount, boolean[] nulls, long[] values)
    {
        this.values = requireNonNull(values, "values is null");
        if (positionCount < 0 || values.length < positionCount * 2 || (nulls != null && nulls.length < positionCount)) {
            throw new IllegalArgumentException("arrays are shorter than the position count " + positionCount);
        }
        this.positionCount = positionCount;
        this.nulls = hasNull(nulls, positionCount) ? nulls : null;
    }

    @Override
    public int positionCount()
    {
        return positionCount;
    }

    @Override
    public boolean mayHaveNull()
    {
        return nulls != null;
    }

    @Override
    public boolean isNull(int position)
    {
        return nulls != null && nulls[position];
    }

    public long getHigh(int position)
    {
        return values[position * 2];
    }

    public long getLow(int position)
    {
        return values[position * 2 + 1];
    }

    /** High and low words interleaved, for kernels. Do not write. */
    public long[] rawValues()
    {
        return values;
    }

    /** The null flags, for kernels, or {@code null} when no position is null. Do not write. */
    public boolean[] rawNulls()
    {
        return nulls;
    }

    @Override
    public long sizeInBytes()
    {
        return (long) positionCount * (16 + (nulls == null ? 0 : 1));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return 16L + (long) values.length * 8 + (nulls == null ? 0 : nulls.length);
    }

    @Override
    public Block region(int offset, int length)
    {
        checkRegion(positionCount, offset, length);
        return new Int128ArrayBlock(length, copyNullsForRegion(nulls, offset, length), Arrays.copyOfRange(values, offset * 2, (offset + length) * 2));
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        long[] copy = new long[length * 2];
        for (int i = 0; i < length; i++) {
            int position = positions[offset + i];
            copy[i * 2] = values[position * 2];
            copy[i * 2 + 1] = values[position * 2 + 1];
        }
        return new Int128ArrayBlock(length, copyNullsForPositions(nulls, positions, offset, length), copy);
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        return new Int128(getHigh(position), getLow(position));
    }

    @Override
    public String toString()
    {
        return "Int128ArrayBlock{positionCount=" + positionCount + "}";
    }
}
