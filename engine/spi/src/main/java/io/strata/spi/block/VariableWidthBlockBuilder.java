package io.strata.spi.block;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;

import java.util.Arrays;

public final class VariableWidthBlockBuilder
        extends BlockBuilder
{
    private int[] offsets;
    private byte[] bytes;
    private int byteCount;

    public VariableWidthBlockBuilder(int expectedPositions)
    {
        super(expectedPositions);
        this.offsets = new int[Math.max(expectedPositions, 1) + 1];
        this.bytes = new byte[Math.max(expectedPositions, 1) * 16];
    }

    public void appendSlice(Slice value)
    {
        appendSlice(value, 0, value.length());
    }

    public void appendSlice(Slice value, int offset, int length)
    {
        ensureCapacity(positionCount + 1);
        ensureBytes(length);
        value.getBytes(offset, bytes, byteCount, length);
        byteCount += length;
        positionCount++;
        offsets[positionCount] = byteCount;
    }

    public void appendBytes(byte[] value, int offset, int length)
    {
        ensureCapacity(positionCount + 1);
        ensureBytes(length);
        System.arraycopy(value, offset, bytes, byteCount, length);
        byteCount += length;
        positionCount++;
        offsets[positionCount] = byteCount;
    }

    @Override
    public void appendFrom(Block block, int position)
    {
        if (block.isNull(position)) {
            appendNull();
            return;
        }
        VariableWidthBlock variableWidthBlock = (VariableWidthBlock) block;
        int start = variableWidthBlock.rawOffsets()[position];
        appendSlice(variableWidthBlock.rawSlice(), start, variableWidthBlock.getLength(position));
    }

    @Override
    public void appendValue(Object value)
    {
        if (value == null) {
            appendNull();
            return;
        }
        appendSlice((Slice) value);
    }

    @Override
    public Block build()
    {
        return new VariableWidthBlock(positionCount, nullsForBuild(), Slices.wrappedBuffer(bytes, 0, byteCount), offsets);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) offsets.length * 4 + bytes.length + nulls.length;
    }

    @Override
    protected void growValues(int capacity)
    {
        offsets = Arrays.copyOf(offsets, capacity + 1);
    }

    @Override
    protected void appendZero()
    {
        offsets[positionCount + 1] = byteCount;
    }

    private void ensureBytes(int length)
    {
        if (byteCount + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(byteCount + length, bytes.length * 2));
        }
    }
}
