package io.strata.spi.block;

import java.util.Arrays;

public final class ByteBlockBuilder
        extends BlockBuilder
{
    private byte[] values;

    public ByteBlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.values = new byte[Math.max(expectedPositions, 1)];
    }

    public void appendByte(byte value)
    {
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        positionCount++;
    }

    public void appendBoolean(boolean value)
    {
        appendByte((byte) (value ? 1 : 0));
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        appendByte(((ByteArrayBlock) block).getByte(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        appendByte((byte) (((Boolean) value) ? 1 : 0));
    }

    @Override
    public Block build()
    {
        return new ByteArrayBlock(positionCount, nullsForBuild(), values);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) values.length * 1 + nulls.length;
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
