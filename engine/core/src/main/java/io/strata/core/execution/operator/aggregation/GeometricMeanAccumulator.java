package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code geometric_mean(x)}: {@code exp(avg(ln(x)))} of the non-null values, as Presto computes it (a negative
 * value gives NaN, a zero gives 0). Null for a group without a non-null value. Summing logarithms keeps large
 * products from overflowing. Intermediate: {@code [sum of ln(x) double, count bigint]}.
 */
final class GeometricMeanAccumulator
        implements GroupedAccumulator
{
    private double[] logSums = new double[16];
    private long[] counts = new long[16];

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            logSums = Arrays.copyOf(logSums, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        double[] values = NumericInputs.asDoubles(arguments[0], positionCount);
        boolean[] nulls = Blocks.rawNulls(arguments[0]);
        for (int i = 0; i < positionCount; i++) {
            if (nulls == null || !nulls[i]) {
                logSums[groupIds[i]] += Math.log(values[i]);
                counts[groupIds[i]]++;
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        double[] partialSums = ((DoubleArrayBlock) intermediate[0]).rawValues();
        long[] partialCounts = ((LongArrayBlock) intermediate[1]).rawValues();
        for (int i = 0; i < positionCount; i++) {
            logSums[groupIds[i]] += partialSums[i];
            counts[groupIds[i]] += partialCounts[i];
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        return new Block[] {
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(logSums, fromGroup, toGroup)),
                new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup))};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        double[] results = new double[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            nulls[i] = counts[group] == 0;
            results[i] = nulls[i] ? 0 : Math.exp(logSums[group] / counts[group]);
        }
        return new DoubleArrayBlock(count, nulls, results);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * (Double.BYTES + Long.BYTES);
    }
}
