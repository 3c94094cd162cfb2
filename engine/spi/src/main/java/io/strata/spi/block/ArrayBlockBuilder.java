package io.strata.spi.block;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds an {@link ArrayBlock}: append the elements of an array to {@link #elementBuilder()}, then
 * {@link #closeEntry()}; or append whole values with {@link #appendFrom} and {@link #appendValue}.
 */
public final class ArrayBlockBuilder
        extends BlockBuilder
{
    private final BlockBuilder elementBuilder;
    private int[] offsets;

    public ArrayBlockBuilder(BlockBuilder elementBuilder, int expectedPositions)
    {
        super(expectedPositions);
        this.elementBuilder = requireNonNull(elementBuilder, "elementBuilder is null");
        this.offsets = new int[Math.max(expectedPositions, 1) + 1];
        this.offsets[0] = elementBuilder.positionCount();
    }

    /** Where the elements of the array being built go. */
    public BlockBuilder elementBuilder()
    {
        return elementBuilder;
    }

    /** Ends the array whose elements were appended to {@link #elementBuilder()} since the last position. */
    public void closeEntry()
    {
        ensureCapacity(positionCount + 1);
        positionCount++;
        offsets[positionCount] = elementBuilder.positionCount();
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        ArrayBlock arrays = (ArrayBlock) block;
        Block elements = arrays.rawElements();
        int start = arrays.getOffset(position);
        int end = start + arrays.getLength(position);
        for (int element = start; element < end; element++) {
            elementBuilder.appendFrom(elements, element);
        }
        closeEntry();
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        for (Object element : (List<?>) value) {
            elementBuilder.appendValue(element);
        }
        closeEntry();
    }

    @Override
    public Block build()
    {
        return new ArrayBlock(positionCount, nullsForBuild(), offsets, elementBuilder.build());
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) offsets.length * 4 + nulls.length + elementBuilder.retainedSizeInBytes();
    }

    @Override
    protected void growValues(int capacity)
    {
        offsets = Arrays.copyOf(offsets, capacity + 1);
    }

    @Override
    protected void appendZero()
    {
        offsets[positionCount + 1] = elementBuilder.positionCount();
    }
}
