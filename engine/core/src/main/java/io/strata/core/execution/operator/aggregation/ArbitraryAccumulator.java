package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.expression.Blocks;
import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

/**
 * {@code arbitrary(x)} (alias {@code any_value}): some non-null value of the group, here the first one fed.
 * Null for a group without a non-null value. The intermediate state is the value itself (null: none yet).
 */
final class ArbitraryAccumulator
        implements GroupedAccumulator
{
    private final GroupedValues values;

    ArbitraryAccumulator(Type type)
    {
        this.values = GroupedValues.create(type.layout());
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        values.ensureCapacity(groupCount);
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        Block block = arguments[0];
        boolean[] nulls = Blocks.rawNulls(block);
        for (int i = 0; i < positionCount; i++) {
            // only a group's first non-null value is copied: the loop itself reads flags, never values
            if (!values.isPresent(groupIds[i]) && (nulls == null || !nulls[i])) {
                values.set(groupIds[i], block, i);
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
        return values.build(fromGroup, toGroup);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return values.retainedSizeInBytes();
    }
}
