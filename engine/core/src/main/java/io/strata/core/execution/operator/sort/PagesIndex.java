package io.strata.core.execution.operator.sort;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Input pages kept for sorting, with rows addressed as {@code (page << 32) | position} and output gathered
 * column by column, one typed loop per column.
 */
public final class PagesIndex
{
    private final List<Type> types;
    private final List<Page> pages = new ArrayList<>();
    private long retainedBytes;
    private long positionCount;

    public PagesIndex(List<Type> types)
    {
        this.types = List.copyOf(types);
    }

    public static long address(int page, int position)
    {
        return ((long) page << 32) | position;
    }

    static int page(long address)
    {
        return (int) (address >>> 32);
    }

    static int position(long address)
    {
        return (int) address;
    }

    /** Adds a page; returns its index. */
    public int addPage(Page page)
    {
        pages.add(page);
        retainedBytes += page.retainedSizeInBytes();
        positionCount += page.positionCount();
        return pages.size() - 1;
    }

    /** Forgets a page whose rows are no longer addressed (its index stays taken). */
    void releasePage(int index)
    {
        Page page = pages.get(index);
        if (page != null) {
            retainedBytes -= page.retainedSizeInBytes();
            positionCount -= page.positionCount();
            pages.set(index, null);
        }
    }

    public void clear()
    {
        pages.clear();
        retainedBytes = 0;
        positionCount = 0;
    }

    Page page(int index)
    {
        return pages.get(index);
    }

    int pageCount()
    {
        return pages.size();
    }

    public long retainedSizeInBytes()
    {
        return retainedBytes;
    }

    long positionCount()
    {
        return positionCount;
    }

    /** Addresses of every row, in arrival order. */
    public long[] addresses()
    {
        long[] addresses = new long[(int) positionCount];
        int next = 0;
        for (int page = 0; page < pages.size(); page++) {
            Page current = pages.get(page);
            if (current == null) {
                continue;
            }
            for (int position = 0; position < current.positionCount(); position++) {
                addresses[next++] = address(page, position);
            }
        }
        return addresses;
    }

    /** The rows at {@code addresses[from, to)} as a page of all channels. */
    public Page gather(long[] addresses, int from, int to)
    {
        Block[] blocks = new Block[types.size()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = gatherColumn(channel, addresses, from, to);
        }
        return new Page(to - from, blocks);
    }

    private Block gatherColumn(int channel, long[] addresses, int from, int to)
    {
        int count = to - from;
        Block[] source = new Block[pages.size()];
        boolean anyNull = false;
        for (int page = 0; page < source.length; page++) {
            if (pages.get(page) != null) {
                source[page] = pages.get(page).getBlock(channel);
                anyNull |= source[page].mayHaveNull();
            }
        }
        boolean[] nulls = null;
        if (anyNull) {
            nulls = new boolean[count];
            for (int i = 0; i < count; i++) {
                long address = addresses[from + i];
                boolean[] pageNulls = Blocks.rawNulls(source[page(address)]);
                nulls[i] = pageNulls != null && pageNulls[position(address)];
            }
        }
        switch (types.get(channel).layout()) {
            case ARRAY:
            case MAP:
            case ROW: {
                // nested values have no fixed width: copy them one position at a time through the type's builder
                BlockBuilder builder = types.get(channel).createBlockBuilder(count);
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    builder.appendFrom(source[page(address)], position(address));
                }
                return builder.build();
            }
            case BYTE: {
                byte[] values = new byte[count];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    values[i] = ((ByteArrayBlock) source[page(address)]).rawValues()[position(address)];
                }
                return new ByteArrayBlock(count, nulls, values);
            }
            case INT: {
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    values[i] = ((IntArrayBlock) source[page(address)]).rawValues()[position(address)];
                }
                return new IntArrayBlock(count, nulls, values);
            }
            case LONG: {
                long[] values = new long[count];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    values[i] = ((LongArrayBlock) source[page(address)]).rawValues()[position(address)];
                }
                return new LongArrayBlock(count, nulls, values);
            }
            case DOUBLE: {
                double[] values = new double[count];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    values[i] = ((DoubleArrayBlock) source[page(address)]).rawValues()[position(address)];
                }
                return new DoubleArrayBlock(count, nulls, values);
            }
            case INT128: {
                long[] values = new long[count * 2];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    long[] pageValues = ((Int128ArrayBlock) source[page(address)]).rawValues();
                    int position = position(address);
                    values[2 * i] = pageValues[2 * position];
                    values[2 * i + 1] = pageValues[2 * position + 1];
                }
                return new Int128ArrayBlock(count, nulls, values);
            }
            case VARIABLE_WIDTH: {
                int[] offsets = new int[count + 1];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    offsets[i + 1] = offsets[i] + ((VariableWidthBlock) source[page(address)]).getLength(position(address));
                }
                byte[] data = new byte[offsets[count]];
                for (int i = 0; i < count; i++) {
                    long address = addresses[from + i];
                    VariableWidthBlock block = (VariableWidthBlock) source[page(address)];
                    Slice slice = block.rawSlice();
                    int position = position(address);
                    System.arraycopy(slice.byteArray(), slice.byteArrayOffset() + block.rawOffsets()[position], data, offsets[i], offsets[i + 1] - offsets[i]);
                }
                return new VariableWidthBlock(count, nulls, Slices.wrappedBuffer(data), offsets);
            }
        }
        throw new IllegalArgumentException("unknown layout " + types.get(channel).layout());
    }
}
