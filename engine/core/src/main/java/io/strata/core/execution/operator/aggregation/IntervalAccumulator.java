package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.expression.DecimalMath;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code sum} and {@code avg} of intervals: day-to-second (millis, a long) or year-to-month (months, an int),
 * returning the same interval type. The sum is exact in a long (overflow raises
 * {@code NUMERIC_VALUE_OUT_OF_RANGE}); the average rounds half away from zero to a whole milli or month.
 * Intermediate: {@code [sum]} or {@code [sum, count]}, as bigints.
 */
final class IntervalAccumulator
        implements GroupedAccumulator
{
    private final boolean average;
    private final boolean months;
    private long[] sums = new long[16];
    private long[] counts = new long[16];

    IntervalAccumulator(boolean average, boolean months)
    {
        this.average = average;
        this.months = months;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (sums.length < groupCount) {
            int capacity = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        Block block = arguments[0];
        boolean[] nulls = Blocks.rawNulls(block);
        if (block instanceof IntArrayBlock) {
            int[] values = ((IntArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                if (nulls == null || !nulls[i]) {
                    add(groupIds[i], values[i], 1);
                }
            }
            return;
        }
        long[] values = ((LongArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            if (nulls == null || !nulls[i]) {
                add(groupIds[i], values[i], 1);
            }
        }
    }

    private void add(int group, long value, long count)
    {
        long sum = sums[group];
        long result = sum + value;
        if (((sum ^ result) & (value ^ result)) < 0) {
            throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "interval addition overflow: " + sum + " + " + value);
        }
        sums[group] = result;
        counts[group] += count;
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] values = ((LongArrayBlock) intermediate[0]).rawValues();
        boolean[] nulls = Blocks.rawNulls(intermediate[0]);
        long[] partialCounts = average ? ((LongArrayBlock) intermediate[1]).rawValues() : null;
        for (int i = 0; i < positionCount; i++) {
            if (nulls == null || !nulls[i]) {
                add(groupIds[i], values[i], average ? partialCounts[i] : 1);
            }
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
            nulls[i] = counts[fromGroup + i] == 0;
        }
        Block sum = new LongArrayBlock(count, nulls, Arrays.copyOfRange(sums, fromGroup, toGroup));
        if (!average) {
            return new Block[] {sum};
        }
        return new Block[] {sum, new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup))};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            nulls[i] = counts[group] == 0;
            if (!nulls[i]) {
                values[i] = average ? DecimalMath.divideRoundHalfUp(sums[group], counts[group]) : sums[group];
            }
        }
        if (!months) {
            return new LongArrayBlock(count, nulls, values);
        }
        int[] narrow = new int[count];
        for (int i = 0; i < count; i++) {
            if (values[i] != (int) values[i]) {
                throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "interval year to month overflow: " + values[i] + " months");
            }
            narrow[i] = (int) values[i];
        }
        return new IntArrayBlock(count, nulls, narrow);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) sums.length * Long.BYTES * 2;
    }
}
