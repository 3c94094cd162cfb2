package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;

import java.util.Arrays;

/**
 * {@code bool_and(x)} (alias {@code every}): true when every non-null value is true; {@code bool_or(x)}: true
 * when any is. Nulls are skipped; null for a group without a non-null value. The intermediate state is the
 * result so far.
 */
final class BooleanAndOrAccumulator
        implements GroupedAccumulator
{
    private final boolean and;
    private boolean[] present = new boolean[16];
    private byte[] results = new byte[16];

    BooleanAndOrAccumulator(boolean and)
    {
        this.and = and;
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        if (present.length < groupCount) {
            int capacity = Math.max(groupCount, present.length * 2);
            present = Arrays.copyOf(present, capacity);
            results = Arrays.copyOf(results, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        byte[] values = ((ByteArrayBlock) arguments[0]).rawValues();
        boolean[] nulls = Blocks.rawNulls(arguments[0]);
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                continue;
            }
            int group = groupIds[i];
            byte value = values[i] != 0 ? (byte) 1 : (byte) 0;
            if (!present[group]) {
                results[group] = value;
                present[group] = true;
            }
            else if (and) {
                results[group] &= value;
            }
            else {
                results[group] |= value;
            }
        }
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
        return new ByteArrayBlock(count, nulls, Arrays.copyOfRange(results, fromGroup, toGroup));
    }

    @Override
    public long retainedSizeInBytes()
    {
        return (long) present.length * 2;
    }
}
