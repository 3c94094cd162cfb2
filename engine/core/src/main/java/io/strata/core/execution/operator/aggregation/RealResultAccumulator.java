package io.strata.core.execution.operator.aggregation;

import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;

import static java.util.Objects.requireNonNull;

/**
 * sum and avg of {@code real}: the double accumulator's work, with only the final value rounded to float (as
 * Presto sums reals in double precision and returns a real). Intermediate values stay doubles.
 */
final class RealResultAccumulator
        implements GroupedAccumulator
{
    private final GroupedAccumulator doubles;

    RealResultAccumulator(GroupedAccumulator doubles)
    {
        this.doubles = requireNonNull(doubles, "doubles is null");
    }

    @Override
    public void ensureCapacity(int groupCount)
    {
        doubles.ensureCapacity(groupCount);
    }

    @Override
    public void addInput(int[] groupIds, Block[] arguments, int positionCount)
    {
        doubles.addInput(groupIds, arguments, positionCount);
    }

    @Override
    public void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount)
    {
        doubles.addIntermediate(groupIds, intermediate, positionCount);
    }

    @Override
    public Block[] evaluateIntermediate(int fromGroup, int toGroup)
    {
        return doubles.evaluateIntermediate(fromGroup, toGroup);
    }

    @Override
    public Block evaluateFinal(int fromGroup, int toGroup)
    {
        DoubleArrayBlock result = (DoubleArrayBlock) doubles.evaluateFinal(fromGroup, toGroup);
        // a fresh array per call: rounding it in place is safe
        double[] values = result.rawValues();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
        }
        return result;
    }

    @Override
    public long retainedSizeInBytes()
    {
        return doubles.retainedSizeInBytes();
    }
}
