package io.strata.spi.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.strata.spi.block.BlockUtil.checkPositions;
import static io.strata.spi.block.BlockUtil.checkRegion;
import static io.strata.spi.block.BlockUtil.copyNullsForPositions;
import static io.strata.spi.block.BlockUtil.copyNullsForRegion;
import static io.strata.spi.block.BlockUtil.hasNull;
import static java.util.Objects.requireNonNull;

/**
 * A block of arrays, as Presto lays them out: position {@code p} is the elements
 * {@code [offsets[p], offsets[p + 1])} of one child block holding the elements of all positions in order.
 * A null array has no elements.
 */
public final class ArrayBlock
        implements Block
{
    private final int positionCount;
    private final boolean[] nulls;
    private final int[] offsets;
    private final Block elements;

    /**
     * Wraps the arrays without copying: the caller hands them over and must not write them again.
     *
     * @param offsets {@code positionCount + 1} non-decreasing offsets into {@code elements}
     * @param nulls one flag per position, or {@code null} when no position is null
     */
    public ArrayBlock(int positionCount, boolean[] nulls, int[] offsets, Block elements)
    {
        this.offsets = requireNonNull(offsets, "offsets is null");
        this.elements = requireNonNull(elements, "elements is null");
        if (positionCount < 0 || offsets.length < positionCount + 1 || (nulls != null && nulls.length < positionCount)) {
            throw new IllegalArgumentException("arrays are shorter than the position count " + positionCount);
        }
        if (offsets[positionCount] > elements.positionCount()) {
            throw new IllegalArgumentException("offsets reach past the " + elements.positionCount() + " elements");
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

    /** The number of elements of the array at a position (0 for a null array). */
    public int getLength(int position)
    {
        return offsets[position + 1] - offsets[position];
    }

    /** The position in {@link #rawElements()} of the first element of the array at a position. */
    public int getOffset(int position)
    {
        return offsets[position];
    }

    /** The elements of all positions, for kernels. */
    public Block rawElements()
    {
        return elements;
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
        return elements.sizeInBytes() + (long) positionCount * (4 + (nulls == null ? 0 : 1));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return 32L + elements.retainedSizeInBytes() + (long) offsets.length * 4 + (nulls == null ? 0 : nulls.length);
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
        return new ArrayBlock(length, copyNullsForRegion(nulls, offset, length), newOffsets, elements.region(start, end - start));
    }

    @Override
    public Block copyPositions(int[] positions, int offset, int length)
    {
        checkPositions(positions, offset, length);
        int[] newOffsets = new int[length + 1];
        for (int i = 0; i < length; i++) {
            newOffsets[i + 1] = newOffsets[i] + getLength(positions[offset + i]);
        }
        int[] elementPositions = new int[newOffsets[length]];
        int cursor = 0;
        for (int i = 0; i < length; i++) {
            int position = positions[offset + i];
            for (int element = offsets[position]; element < offsets[position + 1]; element++) {
                elementPositions[cursor++] = element;
            }
        }
        return new ArrayBlock(length, copyNullsForPositions(nulls, positions, offset, length), newOffsets,
                elements.copyPositions(elementPositions, 0, elementPositions.length));
    }

    @Override
    public Object getValue(int position)
    {
        if (isNull(position)) {
            return null;
        }
        List<Object> values = new ArrayList<>(getLength(position));
        for (int element = offsets[position]; element < offsets[position + 1]; element++) {
            values.add(elements.getValue(element));
        }
        return Collections.unmodifiableList(values);
    }

    @Override
    public String toString()
    {
        return "ArrayBlock{positionCount=" + positionCount + "}";
    }
}
