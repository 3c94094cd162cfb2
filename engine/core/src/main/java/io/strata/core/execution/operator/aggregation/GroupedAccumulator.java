package io.strata.core.execution.operator.aggregation;

import io.strata.spi.block.Block;

/**
 * The state of one aggregate for every group, in primitive arrays indexed by group id. Each input method
 * takes a whole page's worth of rows (group ids and argument blocks) and runs one loop. Not thread-safe.
 */
public interface GroupedAccumulator
{
    /** Makes room for groups {@code [0, groupCount)}; new groups start empty. */
    void ensureCapacity(int groupCount);

    /** Adds raw input rows: row {@code i} of the argument blocks belongs to group {@code groupIds[i]}. */
    void addInput(int[] groupIds, Block[] arguments, int positionCount);

    /** Merges intermediate states (blocks of {@link AggregationFunction#intermediateTypes()}) into the groups. */
    void addIntermediate(int[] groupIds, Block[] intermediate, int positionCount);

    /** The intermediate state of groups {@code [fromGroup, toGroup)}, one block per intermediate type. */
    Block[] evaluateIntermediate(int fromGroup, int toGroup);

    /** The final values of groups {@code [fromGroup, toGroup)}. */
    Block evaluateFinal(int fromGroup, int toGroup);

    long retainedSizeInBytes();
}
