package io.strata.spi.block;

import java.util.Arrays;

public final class IntBlockBuilder
        extends BlockBuilder
{
    private int[] values;

    public IntBlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.values = new int[Math.max(expectedPositions, 1)];
    }

    public void appendInt(int value)
    {
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        positionCount++;
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        appendInt(((IntArrayBlock) block).getInt(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        appendInt((Integer) value);
    }

    @Override
    public Block build()
    {
        return new IntArrayBlock(positionCount, nullsForBuild(), values);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) values.length * 4 + nulls.length;
    }

    @Override
    protected void growValues(int capacity)
    {
        values = Arrays.copyOf(values, capacity);
    }

    @Override
    protected void appendZero()
    {
        values[positionCount] = 0;
    }
}
