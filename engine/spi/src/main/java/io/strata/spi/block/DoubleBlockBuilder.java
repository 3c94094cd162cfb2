package io.strata.spi.block;

import java.util.Arrays;

public final class DoubleBlockBuilder
        extends BlockBuilder
{
    private double[] values;

    public DoubleBlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.values = new double[Math.max(expectedPositions, 1)];
    }

    public void appendDouble(double value)
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
        appendDouble(((DoubleArrayBlock) block).getDouble(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        appendDouble((Double) value);
    }

    @Override
    public Block build()
    {
        return new DoubleArrayBlock(positionCount, nullsForBuild(), values);
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
