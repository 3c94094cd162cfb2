package io.strata.core.execution.operator.aggregation;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.execution.expression.Blocks;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;

import java.util.Arrays;

/**
 * {@code approx_percentile(x, p)} over bigint or double {@code x}, computed exactly: each group keeps all its
 * non-null values and the result is the discrete percentile (SQL's {@code PERCENTILE_DISC}): the least value whose
 * cumulative fraction of the sorted values reaches {@code p}. Exact answers are within any approximation's
 * bounds, at the price of memory proportional to the input (reserved against the query's limit like any state).
 * Null for a group without a non-null value.
 * <p>
 * Intermediate: one varchar (raw bytes) per group, null for an empty group, else {@code p} (a double) followed by
 * the values (longs, or doubles as their bits), 8 bytes each, little endian.
 */
final class ApproxPercentileAccumulator
        implements GroupedAccumulator
{
    private final boolean doubles;
    private double percentile = Double.NaN;
    private long[][] values = new long[16][];
    private int[] counts = new int[16];
    private long valueBytes;

    /** @param doubles whether the values are doubles (kept as their bits) rather than bigints */
    ApproxPercentileAccumulator(boolean doubles)
    {
        this.doubles = doubles;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            values = Arrays.copyOf(values, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        Block block = arguments[0];
        long[] bits = valueBits(block, positionCount);
        boolean[] nulls = Blocks.rawNulls(block);
        double[] percentileValues = ((DoubleArrayBlock) arguments[1]).rawValues();
        boolean[] percentileNulls = Blocks.rawNulls(arguments[1]);
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            if (percentileNulls != null && percentileNulls[i]) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile cannot be null");
            }
            if (percentileValues[i] != percentile) {
                setPercentile(percentileValues[i]);
            }
            add(groupIds[i], bits[i]);
        }
    }

    /** The values as longs: bigints as they are, doubles as their bits. */
    private static long[] valueBits(Block block, int positionCount)
    {
        if (block instanceof LongArrayBlock) {
            return ((LongArrayBlock) block).rawValues();
        }
        long[] bits = new long[positionCount];
        if (block instanceof DoubleArrayBlock) {
            double[] doubles = ((DoubleArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                bits[i] = Double.doubleToLongBits(doubles[i]);
            }
            return bits;
        }
        int[] ints = ((IntArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            bits[i] = ints[i];
        }
        return bits;
    }

    /** The percentile is a constant argument: every row carries the same value. */
    private void setPercentile(double value)
    {
        if (value == percentile) {
            return;
        }
        if (!(value >= 0 && value <= 1)) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be between 0 and 1");
        }
        if (!Double.isNaN(percentile)) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Percentile must be constant for approx_percentile");
        }
        percentile = value;
    }

    private void add(int group, long bits)
    {
        long[] groupValues = values[group];
        int count = counts[group];
        if (groupValues == null || count == groupValues.length) {
            int capacity = groupValues == null ? 4 : groupValues.length * 2;
            valueBytes += (long) (capacity - (groupValues == null ? 0 : groupValues.length)) * Long.BYTES;
            groupValues = groupValues == null ? new long[capacity] : Arrays.copyOf(groupValues, capacity);
            values[group] = groupValues;
        }
        groupValues[count] = bits;
        counts[group] = count + 1;
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        VariableWidthBlock block = (VariableWidthBlock) intermediate[0];
        Slice data = block.rawSlice();
        int[] offsets = block.rawOffsets();
        for (int i = 0; i < positionCount; i++) {
            if (block.isNull(i)) {
                continue;
            }
            setPercentile(data.getDouble(offsets[i]));
            for (int offset = offsets[i] + Double.BYTES; offset < offsets[i + 1]; offset += Long.BYTES) {
                add(groupIds[i], data.getLong(offset));
            }
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        int[] offsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            int groupCount = counts[fromGroup + i];
            nulls[i] = groupCount == 0;
            offsets[i + 1] = offsets[i] + (groupCount == 0 ? 0 : Double.BYTES + groupCount * Long.BYTES);
        }
        Slice data = Slices.allocate(offsets[count]);
        for (int i = 0; i < count; i++) {
            if (nulls[i]) {
                continue;
            }
            data.setDouble(offsets[i], percentile);
            long[] groupValues = values[fromGroup + i];
            int position = offsets[i] + Double.BYTES;
            for (int j = 0; j < counts[fromGroup + i]; j++) {
                data.setLong(position, groupValues[j]);
                position += Long.BYTES;
            }
        }
        return new Block[] {new VariableWidthBlock(count, nulls, data, offsets)};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        long[] longResults = doubles ? null : new long[count];
        double[] doubleResults = doubles ? new double[count] : null;
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            int groupCount = counts[group];
            if (groupCount == 0) {
                nulls[i] = true;
                continue;
            }
            // the least value whose cumulative fraction k / n reaches p: k = ceil(p * n), at least the first
            int index = Math.max(0, (int) Math.ceil(percentile * groupCount) - 1);
            if (doubles) {
                double[] sorted = new double[groupCount];
                for (int j = 0; j < groupCount; j++) {
                    sorted[j] = Double.longBitsToDouble(values[group][j]);
                }
                Arrays.sort(sorted);
                doubleResults[i] = sorted[index];
            }
            else {
                long[] sorted = Arrays.copyOf(values[group], groupCount);
                Arrays.sort(sorted);
                longResults[i] = sorted[index];
            }
        }
        return doubles ? new DoubleArrayBlock(count, nulls, doubleResults) : new LongArrayBlock(count, nulls, longResults);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * (Integer.BYTES + 16) + valueBytes;
    }
}
