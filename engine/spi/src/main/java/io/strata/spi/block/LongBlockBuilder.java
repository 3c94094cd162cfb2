package io.strata.spi.block;

import java.util.Arrays;

public final class LongBlockBuilder
        extends BlockBuilder
{
    private long[] values;

    public LongBlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.values = new long[Math.max(expectedPositions, 1)];
    }

    public void appendLong(long value)
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
        appendLong(((LongArrayBlock) block).getLong(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        appendLong((Long) value);
    }

    @Override
    public Block build()
    {
        return new LongArrayBlock(positionCount, nullsForBuild(), values);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) values.length * 8 + nulls.length;
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
