package io.strata.spi.block;

import io.strata.spi.type.Int128;

import java.util.Arrays;

public final class Int128BlockBuilder
        extends BlockBuilder
{
    private long[] values;

    public Int128BlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.values = new long[Math.max(expectedPositions, 1) * 2];
    }

    public void appendInt128(long high, long low)
    {
        ensureCapacity(positionCount + 1);
        values[positionCount * 2] = high;
        values[positionCount * 2 + 1] = low;
        positionCount++;
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        Int128ArrayBlock int128Block = (Int128ArrayBlock) block;
        appendInt128(int128Block.getHigh(position), int128Block.getLow(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        Int128 int128 = (Int128) value;
        appendInt128(int128.high(), int128.low());
    }

    @Override
    public Block build()
    {
        return new Int128ArrayBlock(positionCount, nullsForBuild(), values);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) values.length * 8 + nulls.length;
    }

    @Override
    protected void growValues(int capacity)
    {
        values = Arrays.copyOf(values, capacity * 2);
    }

    @Override
    protected void appendZero()
    {
        values[positionCount * 2] = 0;
        values[positionCount * 2 + 1] = 0;
    }
}
