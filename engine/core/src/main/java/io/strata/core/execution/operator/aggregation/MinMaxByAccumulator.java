package io.strata.core.execution.operator.aggregation;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

/**
 * {@code max_by(x, y)} and {@code min_by(x, y)}: the value of {@code x} on a row with the greatest (least)
 * {@code y}; rows with a null {@code y} do not count, a null {@code x} on the chosen row is the answer. Among
 * rows with equal {@code y} the first fed wins. Null for a group without a non-null {@code y}.
 * Intermediate: {@code [x, y]}, a null {@code y} meaning no row yet.
 */
final class MinMaxByAccumulator
        implements GroupedAccumulator
{
    private final boolean max;
    private final GroupedValues values;
    private final GroupedValues keys;
    private int[] replacingRows = new int[0];

    MinMaxByAccumulator(Type valueType, Type keyType, boolean max)
    {
        this.max = max;
        this.values = GroupedValues.create(valueType.layout());
        this.keys = GroupedValues.create(keyType.layout());
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        values.ensureCapacity(groupCount);
        keys.ensureCapacity(groupCount);
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        if (replacingRows.length < positionCount) {
            replacingRows = new int[positionCount];
        }
        int replaced = keys.keepExtremes(groupIds, arguments[1], positionCount, max, replacingRows);
        Block valueBlock = arguments[0];
        // rows come in row order: a later replacement of the same group overwrites an earlier one
        for (int i = 0; i < replaced; i++) {
            int row = replacingRows[i];
            values.set(groupIds[row], valueBlock, row);
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
        return new Block[] {values.build(fromGroup, toGroup), keys.build(fromGroup, toGroup)};
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        return values.build(fromGroup, toGroup);
    }

    @Override
    public long retainedSizeInBytes()
    {
        return values.retainedSizeInBytes() + keys.retainedSizeInBytes() + (long) replacingRows.length * Integer.BYTES;
    }
}
