package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.core.execution.expression.DecimalMath;
import io.strata.core.execution.expression.Int128Math;
import io.strata.spi.block.Block;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.DecimalType;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * {@code sum(decimal(p, s))} into {@code decimal(38, s)}, and {@code avg(decimal(p, s))} into
 * {@code decimal(p, s)}: the sum is kept exactly in 128 bits per group (two longs, the carry of the low word
 * added to the high word), so a sum of short decimals never overflows silently; a total beyond 38 digits
 * raises {@code NUMERIC_VALUE_OUT_OF_RANGE}. The average divides with rounding half away from zero, as
 * Presto does. Intermediate: {@code [sum]} or {@code [sum, count]}.
 */
final class DecimalSumAccumulator
        implements GroupedAccumulator
{
    private final DecimalType sumType;
    private final boolean average;
    private final DecimalType resultType;
    private long[] sums = new long[32];
    private long[] counts = new long[16];

    private DecimalSumAccumulator(DecimalType sumType, boolean average, DecimalType resultType)
    {
        this.sumType = requireNonNull(sumType, "sumType is null");
        this.average = average;
        this.resultType = requireNonNull(resultType, "resultType is null");
    }

    static DecimalSumAccumulator sum(DecimalType sumType)
    {
        return new DecimalSumAccumulator(sumType, false, sumType);
    }

    static DecimalSumAccumulator average(DecimalType sumType, DecimalType averageType)
    {
        return new DecimalSumAccumulator(sumType, true, averageType);
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            int capacity = Math.max(groupCount, counts.length * 2);
            sums = Arrays.copyOf(sums, capacity * 2);
            counts = Arrays.copyOf(counts, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        Block block = arguments[0];
        boolean[] nulls = Blocks.rawNulls(block);
        long[] state = sums;
        long[] countState = counts;
        if (block instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                if (nulls != null && nulls[i]) {
                    continue;
                }
                int group = groupIds[i];
                long value = values[i];
                long high = state[2 * group];
                long low = state[2 * group + 1];
                long newLow = low + value;
                // carry out of the unsigned low word, plus the sign extension of the added long
                long newHigh = high + (value >> 63) + (Long.compareUnsigned(newLow, low) < 0 ? 1 : 0);
                if (((high ^ newHigh) & ((value >> 63) ^ newHigh)) < 0) {
                    throw DecimalMath.overflow(sumType);
                }
                state[2 * group] = newHigh;
                state[2 * group + 1] = newLow;
                countState[group]++;
            }
            return;
        }
        long[] values = ((Int128ArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            if (Int128Math.add(state[2 * group], state[2 * group + 1], values[2 * i], values[2 * i + 1], state, group)) {
                throw DecimalMath.overflow(sumType);
            }
            countState[group]++;
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] values = ((Int128ArrayBlock) intermediate[0]).rawValues();
        boolean[] nulls = Blocks.rawNulls(intermediate[0]);
        long[] partialCounts = average ? ((LongArrayBlock) intermediate[1]).rawValues() : null;
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            if (Int128Math.add(sums[2 * group], sums[2 * group + 1], values[2 * i], values[2 * i + 1], sums, group)) {
                throw DecimalMath.overflow(sumType);
            }
            counts[group] += partialCounts != null ? partialCounts[i] : 1;
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
        Block sum = new Int128ArrayBlock(count, nulls, Arrays.copyOfRange(sums, fromGroup * 2, toGroup * 2));
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
        long[] out = new long[count * 2];
        for (int i = 0; i < count; i++) {
            int group = fromGroup + i;
            if (counts[group] == 0) {
                nulls[i] = true;
                continue;
            }
            long high = sums[2 * group];
            long low = sums[2 * group + 1];
            if (!average) {
                if (Int128Math.exceedsPrecision(high, low, sumType.precision())) {
                    throw DecimalMath.overflow(sumType);
                }
                out[2 * i] = high;
                out[2 * i + 1] = low;
            }
            else {
                long divisor = counts[group];
                Int128Math.divideRoundHalfUp(high, low, 0, divisor, out, i);
            }
        }
        if (resultType.isShort()) {
            long[] shortOut = new long[count];
            for (int i = 0; i < count; i++) {
                shortOut[i] = out[2 * i + 1];
            }
            return new LongArrayBlock(count, nulls, shortOut);
        }
        return new Int128ArrayBlock(count, nulls, out);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) sums.length * Long.BYTES + (long) counts.length * Long.BYTES;
    }
}
