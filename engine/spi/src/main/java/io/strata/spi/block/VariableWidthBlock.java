package io.strata.spi.block;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A flat block of byte strings (varchar as UTF-8): position {@code p} is the bytes
 * {@code [offsets[p], offsets[p + 1])} of {@code data}.
 */
public final class VariableWidthBlock
        implements Block
{
    private final int positionCount;
    private final boolean[] nulls;
    private final Slice data;
    private final int[] offsets;

    /**
     * Wraps the arrays without copying: the caller hands them over and must not write them again.
     *
     * @param offsets {@code positionCount + 1} offsets into {@code data}, starting at 0
     * @param nulls one flag per position, or {@code null} when no position is null
     */
    public VariableWidthBlock(int positionCount, boolean[] nulls, Slice data, int[] offsets)
    {
        this.data = requireNonNull(data, "data is null");
        this.offsets = requireNonNull(offsets, "offsets is null");
        if (positionCount < 0 || offsets.length < positionCount + 1 || (nulls != null && nulls.length < positionCount)) {
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

    public int getLength(int position)
    {
        return offsets[position + 1] - offsets[position];
    }

    /** A view of the bytes at a position (allocates a small Slice: not for hot loops). */
    public Slice getSlice(int position)
    {
        return data.slice(offsets[position], getLength(position));
    }

    /** The backing bytes, for kernels. Do not write. */
    public Slice rawSlice()
    {
        return data;
    }

    /** The offsets, for kernels: {@code positionCount + 1} entries. Do not write. */
    public int[] rawOffsets()
    {
        return offsets;
    }

    /** The null flags, for kernels, or {@code null} when no position is null. Do not write. */
    public boolean[] rawNulls()
    {
        return nulls;
    }

    @Override
    public long sizeInBytes()
    {
        return (offsets[positionCount] - offsets[0]) + (long) positionCount * (4 + (nulls == null ? 0 : 1));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return 32L + data.getRetainedSize() + (long) offsets.length * 4 + (nulls == null ? 0 : nulls.length);
    }

    @Override
    public Block region(int offset, int length)
    {
        checkRegion(positionCount, offset, length);
        int start = offsets[offset];
        int end = offsets[offset + length];
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            newOffsets[i] = offsets[offset + i] - start;
        }
        return new VariableWidthBlock(length, copyNullsForRegion(nulls, offset, length), data.copy(start, end - start), newOffsets);
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        int totalBytes = 0;
        for (int i = 0; i < length; i++) {
            totalBytes += getLength(positions[offset + i]);
        }
        byte[] bytes = new byte[totalBytes];
        int[] newOffsets = new int[length + 1];
        int cursor = 0;
        for (int i = 0; i < length; i++) {
            int position = positions[offset + i];
            int valueLength = getLength(position);
            data.getBytes(offsets[position], bytes, cursor, valueLength);
            cursor += valueLength;
            newOffsets[i + 1] = cursor;
        }
        return new VariableWidthBlock(length, copyNullsForPositions(nulls, positions, offset, length), Slices.wrappedBuffer(bytes), newOffsets);
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        return data.copy(offsets[position], getLength(position));
    }

    @Override
    public String toString()
    {
        return "VariableWidthBlock{positionCount=" + positionCount + "}";
    }
}
