package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code covar_samp(y, x)}, {@code covar_pop(y, x)}, {@code corr(y, x)}, and the least-squares line of y on x,
 * {@code regr_slope(y, x)} and {@code regr_intercept(y, x)}, over the rows where both are not null. The state is the two-variable form of Welford's: count, both means and the co-moment
 * {@code c2 = sum((x - mean x)(y - mean y))}, plus both {@code m2}s for {@code corr}; states merge pairwise
 * (Chan et al.). Presto's results: {@code covar_samp} and {@code corr} are null below two rows,
 * {@code covar_pop} below one, and {@code corr} and the regression are null where they are not finite (a
 * constant variable). Intermediate: {@code [count, mean x, mean y, c2]}, and {@code [m2 x, m2 y]} for the others.
 */
final class CovarianceAccumulator
        implements GroupedAccumulator
{
    enum Kind
    {
        COVAR_SAMP, COVAR_POP, CORR, REGR_SLOPE, REGR_INTERCEPT;

        /** Whether the state needs each variable's sum of squared deviations. */
        boolean needsSquares()
        {
            return this != COVAR_SAMP && this != COVAR_POP;
        }
    }

    private final Kind kind;
    private long[] counts = new long[16];
    private double[] meanXs = new double[16];
    private double[] meanYs = new double[16];
    private double[] c2s = new double[16];
    private double[] m2Xs = new double[16];
    private double[] m2Ys = new double[16];

    CovarianceAccumulator(Kind kind)
    {
        this.kind = kind;
    }

    static int intermediateColumns(Kind kind)
    {
        return kind.needsSquares() ? 6 : 4;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            meanXs = Arrays.copyOf(meanXs, capacity);
            meanYs = Arrays.copyOf(meanYs, capacity);
            c2s = Arrays.copyOf(c2s, capacity);
            m2Xs = Arrays.copyOf(m2Xs, capacity);
            m2Ys = Arrays.copyOf(m2Ys, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        double[] ys = NumericInputs.asDoubles(arguments[0], positionCount);
        double[] xs = NumericInputs.asDoubles(arguments[1], positionCount);
        boolean[] nulls = Blocks.orNulls(arguments[0], arguments[1], positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            double x = xs[i];
            double y = ys[i];
            long count = ++counts[group];
            double deltaX = x - meanXs[group];
            double deltaY = y - meanYs[group];
            meanXs[group] += deltaX / count;
            meanYs[group] += deltaY / count;
            c2s[group] += deltaX * (y - meanYs[group]);
            m2Xs[group] += deltaX * (x - meanXs[group]);
            m2Ys[group] += deltaY * (y - meanYs[group]);
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] partialCounts = ((LongArrayBlock) intermediate[0]).rawValues();
        double[] partialMeanXs = ((DoubleArrayBlock) intermediate[1]).rawValues();
        double[] partialMeanYs = ((DoubleArrayBlock) intermediate[2]).rawValues();
        double[] partialC2s = ((DoubleArrayBlock) intermediate[3]).rawValues();
        double[] partialM2Xs = kind.needsSquares() ? ((DoubleArrayBlock) intermediate[4]).rawValues() : null;
        double[] partialM2Ys = kind.needsSquares() ? ((DoubleArrayBlock) intermediate[5]).rawValues() : null;
        for (int i = 0; i < positionCount; i++) {
            long otherCount = partialCounts[i];
            if (otherCount == 0) {
                continue;
            }
            int group = groupIds[i];
            long count = counts[group];
            long total = count + otherCount;
            double weight = (double) count * otherCount / total;
            double deltaX = partialMeanXs[i] - meanXs[group];
            double deltaY = partialMeanYs[i] - meanYs[group];
            meanXs[group] += deltaX * otherCount / total;
            meanYs[group] += deltaY * otherCount / total;
            c2s[group] += partialC2s[i] + deltaX * deltaY * weight;
            if (partialM2Xs != null) {
                m2Xs[group] += partialM2Xs[i] + deltaX * deltaX * weight;
                m2Ys[group] += partialM2Ys[i] + deltaY * deltaY * weight;
            }
            counts[group] = total;
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        Block[] blocks = new Block[intermediateColumns(kind)];
        blocks[0] = new LongArrayBlock(count, null, Arrays.copyOfRange(counts, fromGroup, toGroup));
        blocks[1] = new DoubleArrayBlock(count, null, Arrays.copyOfRange(meanXs, fromGroup, toGroup));
        blocks[2] = new DoubleArrayBlock(count, null, Arrays.copyOfRange(meanYs, fromGroup, toGroup));
        blocks[3] = new DoubleArrayBlock(count, null, Arrays.copyOfRange(c2s, fromGroup, toGroup));
        if (kind.needsSquares()) {
            blocks[4] = new DoubleArrayBlock(count, null, Arrays.copyOfRange(m2Xs, fromGroup, toGroup));
            blocks[5] = new DoubleArrayBlock(count, null, Arrays.copyOfRange(m2Ys, fromGroup, toGroup));
        }
        return blocks;
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        double[] results = new double[count];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            long n = counts[group];
            double result;
            switch (kind) {
                case COVAR_SAMP:
                    result = n < 2 ? Double.NaN : c2s[group] / (n - 1);
                    nulls[i] = n < 2;
                    break;
                case COVAR_POP:
                    result = n < 1 ? Double.NaN : c2s[group] / n;
                    nulls[i] = n < 1;
                    break;
                case CORR:
                    result = c2s[group] / (Math.sqrt(m2Xs[group]) * Math.sqrt(m2Ys[group]));
                    nulls[i] = n < 2 || !Double.isFinite(result);
                    break;
                case REGR_SLOPE:
                    result = c2s[group] / m2Xs[group];
                    nulls[i] = n < 1 || !Double.isFinite(result);
                    break;
                default:
                    result = meanYs[group] - c2s[group] / m2Xs[group] * meanXs[group];
                    nulls[i] = n < 1 || !Double.isFinite(result);
                    break;
            }
            results[i] = nulls[i] ? 0 : result;
        }
        return new DoubleArrayBlock(count, nulls, results);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * (Long.BYTES + 5 * Double.BYTES);
    }
}
