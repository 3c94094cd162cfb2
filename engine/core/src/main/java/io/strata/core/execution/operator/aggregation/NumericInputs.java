package io.strata.core.execution.operator.aggregation;

import io.strata.spi.block.Block;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;

/**
 * Reads a bigint, integer or double argument block as doubles, once per page, so the statistical accumulators
 * run one tight loop over a {@code double[]} whatever the argument type.
 */
final class NumericInputs
{
    private NumericInputs() {}

    /** The block's values as doubles (the block's own array for a double block; never to be written). */
    static double[] asDoubles(Block block, int positionCount)
    {
        if (block instanceof DoubleArrayBlock) {
            return ((DoubleArrayBlock) block).rawValues();
        }
        double[] doubles = new double[positionCount];
        if (block instanceof LongArrayBlock) {
            long[] longs = ((LongArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                doubles[i] = longs[i];
            }
            return doubles;
        }
        int[] ints = ((IntArrayBlock) block).rawValues();
        for (int i = 0; i < positionCount; i++) {
            doubles[i] = ints[i];
        }
        return doubles;
    }
}
