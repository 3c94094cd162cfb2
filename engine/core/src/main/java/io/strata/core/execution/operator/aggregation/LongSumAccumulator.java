package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

import java.util.Arrays;

/**
 * {@code sum} of integer or bigint into a bigint; overflow raises {@code NUMERIC_VALUE_OUT_OF_RANGE}. Null for a
 * group without a non-null value.
 */
final class LongSumAccumulator
        implements GroupedAccumulator
{
    private long[] sums = new long[16];
    private boolean[] present = new boolean[16];

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (sums.length < groupCount) {
            int capacity = Math.max(groupCount, sums.length * 2);
            sums = Arrays.copyOf(sums, capacity);
            present = Arrays.copyOf(present, capacity);
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
                    add(groupIds[i], values[i]);
                }
            }
            return;
        }
        long[] values = ((LongArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            if (nulls == null || !nulls[i]) {
                add(groupIds[i], values[i]);
            }
        }
    }

    private void add(int group, long value)
    {
        long sum = sums[group];
        long result = sum + value;
        if (((sum ^ result) & (value ^ result)) < 0) {
            throw new StrataException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint addition overflow: " + sum + " + " + value);
        }
        sums[group] = result;
        present[group] = true;
    }

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

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        int count = toGroup - fromGroup;
        boolean[] nulls = new boolean[count];
        for (int i = 0; i < count; i++) {
            nulls[i] = !present[fromGroup + i];
        }
        return new LongArrayBlock(count, nulls, Arrays.copyOfRange(sums, fromGroup, toGroup));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) sums.length * (Long.BYTES + 1);
    }
}
