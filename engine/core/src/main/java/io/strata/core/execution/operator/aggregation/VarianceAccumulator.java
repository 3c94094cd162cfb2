package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code var_samp}, {@code var_pop}, {@code stddev_samp} and {@code stddev_pop} (and their aliases) of the
 * non-null values, as doubles. The state is Welford's: count, mean and the sum of squared deviations from the
 * mean ({@code m2}), updated per row without the cancellation of {@code sum(x^2) - sum(x)^2 / n}; two states
 * merge with Chan et al.'s pairwise formula. Presto's results: the sample variants are null below two values,
 * the population variants below one. Intermediate: {@code [count bigint, mean double, m2 double]}.
 */
final class VarianceAccumulator
        implements GroupedAccumulator
{
    enum Kind
    {
        VAR_SAMP, VAR_POP, STDDEV_SAMP, STDDEV_POP;

        boolean sample()
        {
            return this == VAR_SAMP || this == STDDEV_SAMP;
        }

        boolean standardDeviation()
        {
            return this == STDDEV_SAMP || this == STDDEV_POP;
        }
    }

    private final Kind kind;
    private long[] counts = new long[16];
    private double[] means = new double[16];
    private double[] m2s = new double[16];

    VarianceAccumulator(Kind kind)
    {
        this.kind = kind;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            means = Arrays.copyOf(means, capacity);
            m2s = Arrays.copyOf(m2s, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        double[] values = NumericInputs.asDoubles(arguments[0], positionCount);
        boolean[] nulls = Blocks.rawNulls(arguments[0]);
        long[] countState = counts;
        double[] meanState = means;
        double[] m2State = m2s;
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            double value = values[i];
            long count = ++countState[group];
            double delta = value - meanState[group];
            meanState[group] += delta / count;
            m2State[group] += delta * (value - meanState[group]);
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] partialCounts = ((LongArrayBlock) intermediate[0]).rawValues();
        double[] partialMeans = ((DoubleArrayBlock) intermediate[1]).rawValues();
        double[] partialM2s = ((DoubleArrayBlock) intermediate[2]).rawValues();
        for (int i = 0; i < positionCount; i++) {
            long otherCount = partialCounts[i];
            if (otherCount == 0) {
                continue;
            }
            int group = groupIds[i];
            long count = counts[group];
            long total = count + otherCount;
            double delta = partialMeans[i] - means[group];
            means[group] += delta * otherCount / total;
            m2s[group] += partialM2s[i] + delta * delta * ((double) count * otherCount / total);
            counts[group] = total;
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        return new Block[] {
                new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(means, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(m2s, fromGroup, toGroup))};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        double[] results = new double[count];
        long minimum = kind.sample() ? 2 : 1;
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            long n = counts[group];
            if (n < minimum) {
                nulls[i] = true;
                continue;
            }
            double variance = m2s[group] / (kind.sample() ? n - 1 : n);
            results[i] = kind.standardDeviation() ? Math.sqrt(variance) : variance;
        }
        return new DoubleArrayBlock(count, nulls, results);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * (Long.BYTES + 2 * Double.BYTES);
    }
}
