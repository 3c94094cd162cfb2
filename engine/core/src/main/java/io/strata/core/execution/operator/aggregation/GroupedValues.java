package io.strata.core.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.expression.Int128Math;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;

/**
 * One nullable value of a fixed layout per group, for aggregates whose state is a value of the argument's type
 * ({@code arbitrary}, {@code max_by}). A group's value is null until {@link #set} gives it one. Values are
 * copied out of the input blocks (a state must not keep a page alive). Not thread-safe.
 */
abstract class GroupedValues
{
    /** Whether the group holds a non-null value. */
    protected boolean[] present = new boolean[16];

    static GroupedValues create(ValueLayout layout)
    {
        switch (layout) {
            case BYTE:
            case INT:
            case LONG:
                return new LongValues(layout);
            case DOUBLE:
                return new DoubleValues();
            case INT128:
                return new Int128Values();
            case VARIABLE_WIDTH:
                return new SliceValues();
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "arbitrary, max_by and min_by of an array, map or row are not supported yet");
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    final void ensureCapacity(int groupCount)
    {
        if (present.length < groupCount) {
            int capacity = Math.max(groupCount, present.length * 2);
            present = Arrays.copyOf(present, capacity);
            grow(capacity);
        }
    }

    final boolean isPresent(int group)
    {
        return present[group];
    }

    protected abstract void grow(int capacity);

    /** Gives the group the value at {@code position} of {@code block} (of this layout), or null. */
    abstract void set(int group, Block block, int position);

    /**
     * Keeps, for each group, the greatest ({@code max}) or least non-null value of the rows, in row order, and
     * writes the rows that replaced their group's value (ties keep the earlier value) to {@code replacingRows}.
     *
     * @return how many rows replaced a value
     */
    abstract int keepExtremes(int[] groupIds, Block block, int positionCount, boolean max, int[] replacingRows);

    /** The values of groups {@code [fromGroup, toGroup)}, null where a group has none. */
    abstract Block build(int fromGroup, int toGroup);

    abstract long retainedSizeInBytes();

    protected final boolean[] nulls(int fromGroup, int toGroup)
    {
        boolean[] nulls = new boolean[toGroup - fromGroup];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = !present[fromGroup + i];
        }
        return nulls;
    }

    /** Bytes, ints and longs, kept as longs; blocks are built in the layout's own class. */
    private static final class LongValues
            extends GroupedValues
    {
        private final ValueLayout layout;
        private long[] values = new long[16];

        LongValues(ValueLayout layout)
        {
            this.layout = layout;
        }

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        private static long[] asLongs(Block block, int positionCount)
        {
            if (block instanceof LongArrayBlock) {
                return ((LongArrayBlock) block).rawValues();
            }
            long[] longs = new long[positionCount];
            if (block instanceof IntArrayBlock) {
                int[] ints = ((IntArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    longs[i] = ints[i];
                }
                return longs;
            }
            byte[] bytes = ((ByteArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                longs[i] = bytes[i];
            }
            return longs;
        }

        @Override
        void set(int group, Block block, int position)
        {
            if (block.isNull(position)) {
                present[group] = false;
                return;
            }
            if (block instanceof LongArrayBlock) {
                values[group] = ((LongArrayBlock) block).rawValues()[position];
            }
            else if (block instanceof IntArrayBlock) {
                values[group] = ((IntArrayBlock) block).rawValues()[position];
            }
            else {
                values[group] = ((ByteArrayBlock) block).rawValues()[position];
            }
            present[group] = true;
        }

        @Override
        int keepExtremes(int[] groupIds, Block block, int positionCount, boolean max, int[] replacingRows)
        {
            long[] input = asLongs(block, positionCount);
            boolean[] nulls = Blocks.rawNulls(block);
            int replaced = 0;
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                long value = input[i];
                if (!present[group] || (max ? value > values[group] : value < values[group])) {
                    values[group] = value;
                    present[group] = true;
                    replacingRows[replaced++] = i;
                }
            }
            return replaced;
        }

        @Override
        Block build(int fromGroup, int toGroup)
        {
            int count = toGroup - fromGroup;
            boolean[] nulls = nulls(fromGroup, toGroup);
            if (layout == ValueLayout.LONG) {
                return new LongArrayBlock(count, nulls, Arrays.copyOfRange(values, fromGroup, toGroup));
            }
            if (layout == ValueLayout.INT) {
                int[] out = new int[count];
                for (int i = 0; i < count; i++) {
                    out[i] = (int) values[fromGroup + i];
                }
                return new IntArrayBlock(count, nulls, out);
            }
            byte[] out = new byte[count];
            for (int i = 0; i < count; i++) {
                out[i] = (byte) values[fromGroup + i];
            }
            return new ByteArrayBlock(count, nulls, out);
        }

        @Override
        long retainedSizeInBytes()
        {
            return (long) values.length * (Long.BYTES + 1);
        }
    }

    private static final class DoubleValues
            extends GroupedValues
    {
        private double[] values = new double[16];

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void set(int group, Block block, int position)
        {
            present[group] = !block.isNull(position);
            values[group] = ((DoubleArrayBlock) block).rawValues()[position];
        }

        @Override
        int keepExtremes(int[] groupIds, Block block, int positionCount, boolean max, int[] replacingRows)
        {
            double[] input = ((DoubleArrayBlock) block).rawValues();
            boolean[] nulls = Blocks.rawNulls(block);
            int replaced = 0;
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                double value = input[i];
                if (!present[group] || (max ? value > values[group] : value < values[group])) {
                    values[group] = value;
                    present[group] = true;
                    replacingRows[replaced++] = i;
                }
            }
            return replaced;
        }

        @Override
        Block build(int fromGroup, int toGroup)
        {
            return new DoubleArrayBlock(toGroup - fromGroup, nulls(fromGroup, toGroup), Arrays.copyOfRange(values, fromGroup, toGroup));
        }

        @Override
        long retainedSizeInBytes()
        {
            return (long) values.length * (Double.BYTES + 1);
        }
    }

    /** Long decimals: high and low word of group {@code g} at {@code 2g} and {@code 2g + 1}, as the blocks keep them. */
    private static final class Int128Values
            extends GroupedValues
    {
        private long[] values = new long[32];

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity * 2);
        }

        @Override
        void set(int group, Block block, int position)
        {
            long[] input = ((Int128ArrayBlock) block).rawValues();
            present[group] = !block.isNull(position);
            values[2 * group] = input[2 * position];
            values[2 * group + 1] = input[2 * position + 1];
        }

        @Override
        int keepExtremes(int[] groupIds, Block block, int positionCount, boolean max, int[] replacingRows)
        {
            long[] input = ((Int128ArrayBlock) block).rawValues();
            boolean[] nulls = Blocks.rawNulls(block);
            int replaced = 0;
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                int comparison = Int128Math.compare(input[2 * i], input[2 * i + 1], values[2 * group], values[2 * group + 1]);
                if (!present[group] || (max ? comparison > 0 : comparison < 0)) {
                    values[2 * group] = input[2 * i];
                    values[2 * group + 1] = input[2 * i + 1];
                    present[group] = true;
                    replacingRows[replaced++] = i;
                }
            }
            return replaced;
        }

        @Override
        Block build(int fromGroup, int toGroup)
        {
            return new Int128ArrayBlock(toGroup - fromGroup, nulls(fromGroup, toGroup), Arrays.copyOfRange(values, fromGroup * 2, toGroup * 2));
        }

        @Override
        long retainedSizeInBytes()
        {
            return (long) values.length * Long.BYTES + present.length;
        }
    }

    /** Varchar: each group's value in its own byte array, compared bytewise (code point order). */
    private static final class SliceValues
            extends GroupedValues
    {
        private byte[][] values = new byte[16][];
        private long valueBytes;

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        void set(int group, Block block, int position)
        {
            byte[] previous = values[group];
            if (previous != null) {
                valueBytes -= previous.length;
            }
            if (block.isNull(position)) {
                values[group] = null;
                present[group] = false;
                return;
            }
            VariableWidthBlock variableWidth = (VariableWidthBlock) block;
            Slice slice = variableWidth.rawSlice();
            int[] offsets = variableWidth.rawOffsets();
            int start = slice.byteArrayOffset() + offsets[position];
            int end = slice.byteArrayOffset() + offsets[position + 1];
            values[group] = Arrays.copyOfRange(slice.byteArray(), start, end);
            valueBytes += end - start;
            present[group] = true;
        }

        @Override
        int keepExtremes(int[] groupIds, Block block, int positionCount, boolean max, int[] replacingRows)
        {
            VariableWidthBlock variableWidth = (VariableWidthBlock) block;
            Slice slice = variableWidth.rawSlice();
            byte[] data = slice.byteArray();
            int base = slice.byteArrayOffset();
            int[] offsets = variableWidth.rawOffsets();
            boolean[] nulls = variableWidth.rawNulls();
            int replaced = 0;
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                byte[] current = values[group];
                if (current != null) {
                    int comparison = Arrays.compareUnsigned(data, base + offsets[i], base + offsets[i + 1], current, 0, current.length);
                    if (max ? comparison <= 0 : comparison >= 0) {
                        continue;
                    }
                }
                set(group, block, i);
                replacingRows[replaced++] = i;
            }
            return replaced;
        }

        @Override
        Block build(int fromGroup, int toGroup)
        {
            int count = toGroup - fromGroup;
            int[] offsets = new int[count + 1];
            for (int i = 0; i < count; i++) {
                byte[] value = values[fromGroup + i];
                offsets[i + 1] = offsets[i] + (value == null ? 0 : value.length);
            }
            byte[] data = new byte[offsets[count]];
            for (int i = 0; i < count; i++) {
                byte[] value = values[fromGroup + i];
                if (value != null) {
                    System.arraycopy(value, 0, data, offsets[i], value.length);
                }
            }
            return new VariableWidthBlock(count, nulls(fromGroup, toGroup), Slices.wrappedBuffer(data), offsets);
        }

        @Override
        long retainedSizeInBytes()
        {
            return (long) values.length * (Long.BYTES + 1) + valueBytes + 16L * values.length;
        }
    }
}
