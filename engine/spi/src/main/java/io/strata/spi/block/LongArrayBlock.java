package io.strata.spi.block;

import java.util.Arrays;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A flat block of {@code long} values. {@code nulls} is {@code null} when no position is null: kernels test
 * that once per block instead of once per row.
 */
public final class LongArrayBlock
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
    public LongArrayBlock(int positionCount, boolean[] nulls, long[] values)
    {
        this.values = requireNonNull(values, "values is null");
        if (positionCount < 0 || values.length < positionCount || (nulls != null && nulls.length < positionCount)) {
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

    public long getLong(int position)
    {
        return values[position];
    }

    /** The values array, for kernels; positions {@code [0, positionCount)} are this block's. Do not write. */
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
        return (long) positionCount * (8 + (nulls == null ? 0 : 1));
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
        return new LongArrayBlock(length, copyNullsForRegion(nulls, offset, length), Arrays.copyOfRange(values, offset, offset + length));
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        long[] copy = new long[length];
        for (int i = 0; i < length; i++) {
            copy[i] = values[positions[offset + i]];
        }
        return new LongArrayBlock(length, copyNullsForPositions(nulls, positions, offset, length), copy);
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        return values[position];
    }

    @Override
    public String toString()
    {
        return "LongArrayBlock{positionCount=" + positionCount + "}";
    }
}
