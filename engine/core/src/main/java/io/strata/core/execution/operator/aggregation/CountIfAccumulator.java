package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code count_if(condition)}: the rows where the condition is true (not false, not null). Never null: 0 for an
 * empty group. Intermediate: the count.
 */
final class CountIfAccumulator
        implements GroupedAccumulator
{
    private long[] counts = new long[16];

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (counts.length < groupCount) {
            counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        long[] state = counts;
        byte[] values = ((ByteArrayBlock) arguments[0]).rawValues();
        boolean[] nulls = Blocks.rawNulls(arguments[0]);
        for (int i = 0; i < positionCount; i++) {
            if (values[i] != 0 && (nulls == null || !nulls[i])) {
                state[groupIds[i]]++;
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        long[] state = counts;
        long[] values = ((LongArrayBlock) intermediate[0]).rawValues();
        for (int i = 0; i < positionCount; i++) {
            state[groupIds[i]] += values[i];
        }
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        return new Block[] {evaluateFinal(fromGroup, toGroup)};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        return new LongArrayBlock(toGroup - fromGroup, null, Arrays.copyOfRange(counts, fromGroup, toGroup));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) counts.length * Long.BYTES;
    }
}
