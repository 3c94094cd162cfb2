package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code sum(double)}, and {@code avg} of integer, bigint or double (a double sum and a count, as Presto keeps
 * them). Null for a group without a non-null value. Intermediate: {@code [sum]} or {@code [sum, count]}.
 */
final class DoubleSumAccumulator
        implements GroupedAccumulator
{
    private final boolean average;
    private double[] sums = new double[16];
    private long[] counts = new long[16];

    DoubleSumAccumulator(boolean average)
    {
        this.average = average;
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
        double[] sumState = sums;
        long[] countState = counts;
        if (block instanceof DoubleArrayBlock) {
            double[] values = ((DoubleArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                if (nulls == null || !nulls[i]) {
                    sumState[groupIds[i]] += values[i];
                    countState[groupIds[i]]++;
                }
            }
        }
        else if (block instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                if (nulls == null || !nulls[i]) {
                    sumState[groupIds[i]] += values[i];
                    countState[groupIds[i]]++;
                }
            }
        }
        else {
            int[] values = ((IntArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                if (nulls == null || !nulls[i]) {
                    sumState[groupIds[i]] += values[i];
                    countState[groupIds[i]]++;
                }
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        double[] partialSums = ((DoubleArrayBlock) intermediate[0]).rawValues();
        boolean[] nulls = Blocks.rawNulls(intermediate[0]);
        long[] partialCounts = average ? ((LongArrayBlock) intermediate[1]).rawValues() : null;
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            sums[group] += partialSums[i];
            counts[group] += average ? partialCounts[i] : 1;
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        if (!average) {
            return new Block[] {evaluateFinal(fromGroup, toGroup)};
        }
        return new Block[] {
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(sums, fromGroup, toGroup)),
                new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup))};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            nulls[i] = counts[group] == 0;
            values[i] = average ? (nulls[i] ? 0 : sums[group] / counts[group]) : sums[group];
        }
        return new DoubleArrayBlock(count, nulls, values);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) sums.length * (Double.BYTES + Long.BYTES);
    }
}
