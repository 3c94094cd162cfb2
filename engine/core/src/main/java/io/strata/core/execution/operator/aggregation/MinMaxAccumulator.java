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
import io.strata.spi.type.Type;
import io.strata.spi.type.ValueLayout;

import java.util.Arrays;

/**
 * {@code min} and {@code max} of any orderable type, one state array per layout: signed order for numbers
 * and dates, false before true, bytewise (code point) order for varchar. Null for a group without a non-null
 * value. The intermediate state is the value itself.
 */
abstract class MinMaxAccumulator
        implements GroupedAccumulator
{
    protected final boolean max;
    protected boolean[] present = new boolean[16];

    MinMaxAccumulator(boolean max)
    {
        this.max = max;
    }

    static MinMaxAccumulator create(Type type, boolean max)
    {
        switch (type.layout()) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE:
            case INT:
            case LONG:
                return new LongMinMax(max, type.layout());
            case DOUBLE:
                return new DoubleMinMax(max);
            case INT128:
                return new Int128MinMax(max);
            case VARIABLE_WIDTH:
                return new SliceMinMax(max);
        }
        throw new IllegalArgumentException("unknown layout " + type.layout());
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (present.length < groupCount) {
            int capacity = Math.max(groupCount, present.length * 2);
            present = Arrays.copyOf(present, capacity);
            grow(capacity);
        }
    }

    protected abstract void grow(int capacity);

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        addInput(groupIds, intermediate, positionCount);
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        return new Block[] {evaluateFinal(fromGroup, toGroup)};
    }

    protected boolean[] nulls(int fromGroup, int toGroup)
    {
        boolean[] nulls = new boolean[toGroup - fromGroup];
        for (int i = 0; i < nulls.length; i++) {
            nulls[i] = !present[fromGroup + i];
        }
        return nulls;
    }

    /** Bytes, ints and longs, kept as longs; the output block has the input's layout. */
    private static final class LongMinMax
            extends MinMaxAccumulator
    {
        private final ValueLayout layout;
        private long[] values = new long[16];

        LongMinMax(boolean max, ValueLayout layout)
        {
            super(max);
            this.layout = layout;
        }

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int positionCount)
        {
            Block block = arguments[0];
            boolean[] nulls = Blocks.rawNulls(block);
            if (block instanceof LongArrayBlock) {
                long[] input = ((LongArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    if (nulls == null || !nulls[i]) {
                        update(groupIds[i], input[i]);
                    }
                }
            }
            else if (block instanceof IntArrayBlock) {
                int[] input = ((IntArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    if (nulls == null || !nulls[i]) {
                        update(groupIds[i], input[i]);
                    }
                }
            }
            else {
                byte[] input = ((ByteArrayBlock) block).rawValues();
                for (int i = 0; i < positionCount; i++) {
                    if (nulls == null || !nulls[i]) {
                        update(groupIds[i], input[i]);
                    }
                }
            }
        }

        private void update(int group, long value)
        {
            if (!present[group] || (max ? value > values[group] : value < values[group])) {
                values[group] = value;
                present[group] = true;
            }
        }

        @Override
        public Block evaluateFinal(int fromGroup, int toGroup)
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
        public long retainedSizeInBytes()
        {
            return (long) values.length * (Long.BYTES + 1);
        }
    }

    private static final class DoubleMinMax
            extends MinMaxAccumulator
    {
        private double[] values = new double[16];

        DoubleMinMax(boolean max)
        {
            super(max);
        }

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int positionCount)
        {
            double[] input = ((DoubleArrayBlock) arguments[0]).rawValues();
            boolean[] nulls = Blocks.rawNulls(arguments[0]);
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                double value = input[i];
                if (!present[group] || (max ? value > values[group] : value < values[group])) {
                    values[group] = value;
                    present[group] = true;
                }
            }
        }

        @Override
        public Block evaluateFinal(int fromGroup, int toGroup)
        {
            return new DoubleArrayBlock(toGroup - fromGroup, nulls(fromGroup, toGroup), Arrays.copyOfRange(values, fromGroup, toGroup));
        }

        @Override
        public long retainedSizeInBytes()
        {
            return (long) values.length * (Double.BYTES + 1);
        }
    }

    private static final class Int128MinMax
            extends MinMaxAccumulator
    {
        private long[] values = new long[32];

        Int128MinMax(boolean max)
        {
            super(max);
        }

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity * 2);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int positionCount)
        {
            long[] input = ((Int128ArrayBlock) arguments[0]).rawValues();
            boolean[] nulls = Blocks.rawNulls(arguments[0]);
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
                }
            }
        }

        @Override
        public Block evaluateFinal(int fromGroup, int toGroup)
        {
            return new Int128ArrayBlock(toGroup - fromGroup, nulls(fromGroup, toGroup), Arrays.copyOfRange(values, fromGroup * 2, toGroup * 2));
        }

        @Override
        public long retainedSizeInBytes()
        {
            return (long) values.length * Long.BYTES + present.length;
        }
    }

    /** Varchar: each group's current value in its own byte array, replaced only when a better value comes. */
    private static final class SliceMinMax
            extends MinMaxAccumulator
    {
        private byte[][] values = new byte[16][];
        private long valueBytes;

        SliceMinMax(boolean max)
        {
            super(max);
        }

        @Override
        protected void grow(int capacity)
        {
            values = Arrays.copyOf(values, capacity);
        }

        @Override
        public void addInput(int[] groupIds, Block[] arguments, int positionCount)
        {
            VariableWidthBlock block = (VariableWidthBlock) arguments[0];
            Slice slice = block.rawSlice();
            byte[] data = slice.byteArray();
            int base = slice.byteArrayOffset();
            int[] offsets = block.rawOffsets();
            boolean[] nulls = block.rawNulls();
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                int start = base + offsets[i];
                int end = base + offsets[i + 1];
                byte[] current = values[group];
                if (current != null) {
                    int comparison = Arrays.compareUnsigned(data, start, end, current, 0, current.length);
                    if (max ? comparison <= 0 : comparison >= 0) {
                        continue;
                    }
                    valueBytes -= current.length;
                }
                values[group] = Arrays.copyOfRange(data, start, end);
                valueBytes += end - start;
                present[group] = true;
            }
        }

        @Override
        public Block evaluateFinal(int fromGroup, int toGroup)
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
        public long retainedSizeInBytes()
        {
            return (long) values.length * (Long.BYTES + 1) + valueBytes + 16L * values.length;
        }
    }
}
