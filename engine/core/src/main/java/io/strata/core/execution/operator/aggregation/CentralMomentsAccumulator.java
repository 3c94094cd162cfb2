package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code skewness(x)} and {@code kurtosis(x)} of the non-null values, from the central moments: count, mean and
 * the sums of the 2nd, 3rd and 4th powers of the deviations from the mean, updated one value at a time
 * (Terriberry's extension of Welford's) and merged pairwise (Pébay's formulas), so no power sums cancel.
 * Presto's results: {@code skewness = sqrt(n) m3 / m2^1.5}, null below three values; {@code kurtosis} is the
 * bias-corrected excess kurtosis {@code n(n+1)(n-1) m4 / ((n-2)(n-3) m2^2) - 3(n-1)^2 / ((n-2)(n-3))}, null below
 * four values. Intermediate: {@code [count bigint, mean, m2, m3, m4 double]}.
 */
final class CentralMomentsAccumulator
        implements GroupedAccumulator
{
    private final boolean kurtosis;
    private long[] counts = new long[16];
    private double[] means = new double[16];
    private double[] m2s = new double[16];
    private double[] m3s = new double[16];
    private double[] m4s = new double[16];

    CentralMomentsAccumulator(boolean kurtosis)
    {
        this.kurtosis = kurtosis;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            means = Arrays.copyOf(means, capacity);
            m2s = Arrays.copyOf(m2s, capacity);
            m3s = Arrays.copyOf(m3s, capacity);
            m4s = Arrays.copyOf(m4s, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        double[] values = NumericInputs.asDoubles(arguments[0], positionCount);
        boolean[] nulls = Blocks.rawNulls(arguments[0]);
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            double previousCount = counts[group];
            double n = ++counts[group];
            double delta = values[i] - means[group];
            double deltaN = delta / n;
            double deltaN2 = deltaN * deltaN;
            double term = delta * deltaN * previousCount;
            means[group] += deltaN;
            // each higher moment's update reads the lower moments before their own update
            m4s[group] += term * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2s[group] - 4 * deltaN * m3s[group];
            m3s[group] += term * deltaN * (n - 2) - 3 * deltaN * m2s[group];
            m2s[group] += term;
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] otherCounts = ((LongArrayBlock) intermediate[0]).rawValues();
        double[] otherMeans = ((DoubleArrayBlock) intermediate[1]).rawValues();
        double[] otherM2s = ((DoubleArrayBlock) intermediate[2]).rawValues();
        double[] otherM3s = ((DoubleArrayBlock) intermediate[3]).rawValues();
        double[] otherM4s = ((DoubleArrayBlock) intermediate[4]).rawValues();
        for (int i = 0; i < positionCount; i++) {
            if (otherCounts[i] == 0) {
                continue;
            }
            int group = groupIds[i];
            double na = counts[group];
            double nb = otherCounts[i];
            double n = na + nb;
            double delta = otherMeans[i] - means[group];
            double delta2 = delta * delta;
            double m2a = m2s[group];
            double m3a = m3s[group];
            double m2b = otherM2s[i];
            double m3b = otherM3s[i];
            m4s[group] += otherM4s[i] + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
                    + 6 * delta2 * (na * na * m2b + nb * nb * m2a) / (n * n) + 4 * delta * (na * m3b - nb * m3a) / n;
            m3s[group] += m3b + delta2 * delta * na * nb * (na - nb) / (n * n) + 3 * delta * (na * m2b - nb * m2a) / n;
            m2s[group] += m2b + delta2 * na * nb / n;
            means[group] += delta * nb / n;
            counts[group] += otherCounts[i];
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        return new Block[] {
                new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(means, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(m2s, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(m3s, fromGroup, toGroup)),
                new DoubleArrayBlock(count, null, Arrays.copyOfRange(m4s, fromGroup, toGroup))};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        double[] results = new double[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            double n = counts[group];
            double m2 = m2s[group];
            if (kurtosis) {
                nulls[i] = n < 4;
                results[i] = nulls[i] ? 0 : (n - 1) * n * (n + 1) / ((n - 2) * (n - 3)) * m4s[group] / (m2 * m2) - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
            }
            else {
                nulls[i] = n < 3;
                results[i] = nulls[i] ? 0 : Math.sqrt(n) * m3s[group] / Math.pow(m2, 1.5);
            }
        }
        return new DoubleArrayBlock(count, nulls, results);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * (Long.BYTES + 4 * Double.BYTES);
    }
}
