package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.expression.Blocks;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Block;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * GROUPING SETS: each input page leaves once per grouping set, its blocks unchanged, followed by the key
 * blocks (the key's own block where the set has the key, a null block where it does not), the set's id and
 * its {@code grouping(...)} constants. No rows are copied.
 */
public final class GroupIdOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final List<Type> sourceTypes;
    private final boolean rowMask;
    private boolean paddingEmitted;
    private final List<Type> keyTypes;
    private final int[] keyChannels;
    private final boolean[][] keyInSet;
    private final long[][] groupingValues;
    private Page current;
    private int nextSet;
    private boolean finishing;

    /**
     * @param keyInSet {@code [set][key]}: whether the set groups by the key
     * @param groupingValues {@code [set][column]}: each grouping column's value for the set
     */
    public GroupIdOperator(OperatorContext operatorContext, List<Type> sourceTypes, List<Type> keyTypes, int[] keyChannels, boolean[][] keyInSet, long[][] groupingValues,
            boolean rowMask)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.sourceTypes = List.copyOf(sourceTypes);
        this.rowMask = rowMask;
        this.keyTypes = List.copyOf(keyTypes);
        this.keyChannels = keyChannels.clone();
        this.keyInSet = keyInSet.clone();
        this.groupingValues = groupingValues.clone();
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && current == null;
    }

    @Override
    public void addInput(Page page)
    {
        current = requireNonNull(page, "page is null");
        nextSet = 0;
    }

    @Override
    public Page getOutput()
    {
        if (current == null) {
            if (finishing && rowMask && !paddingEmitted) {
                paddingEmitted = true;
                return padding();
            }
            return null;
        }
        int set = nextSet++;
        Page page = current;
        if (nextSet == keyInSet.length) {
            current = null;
        }
        int positions = page.positionCount();
        int columns = page.channelCount();
        Block[] blocks = new Block[columns + keyChannels.length + 1 + groupingValues[set].length + (rowMask ? 1 : 0)];
        for (int channel = 0; channel < columns; channel++) {
            blocks[channel] = page.getBlock(channel);
        }
        for (int key = 0; key < keyChannels.length; key++) {
            blocks[columns + key] = keyInSet[set][key] ? page.getBlock(keyChannels[key]) : Blocks.nullBlock(keyTypes.get(key), positions);
        }
        blocks[columns + keyChannels.length] = Blocks.constantBlock(BIGINT, (long) set, positions);
        for (int column = 0; column < groupingValues[set].length; column++) {
            blocks[columns + keyChannels.length + 1 + column] = Blocks.constantBlock(BIGINT, groupingValues[set][column], positions);
        }
        if (rowMask) {
            blocks[blocks.length - 1] = Blocks.constantBlock(BOOLEAN, true, positions);
        }
        return new Page(positions, blocks);
    }

    /** One masked-out row per empty grouping set, so that a grand total exists over no input. */
    private Page padding()
    {
        List<Integer> emptySets = new ArrayList<>();
        for (int set = 0; set < keyInSet.length; set++) {
            boolean empty = true;
            for (boolean inSet : keyInSet[set]) {
                empty &= !inSet;
            }
            if (empty) {
                emptySets.add(set);
            }
        }
        int positions = emptySets.size();
        int columns = sourceTypes.size();
        Block[] blocks = new Block[columns + keyChannels.length + 2 + groupingValues[0].length];
        for (int channel = 0; channel < columns; channel++) {
            blocks[channel] = Blocks.nullBlock(sourceTypes.get(channel), positions);
        }
        for (int key = 0; key < keyChannels.length; key++) {
            blocks[columns + key] = Blocks.nullBlock(keyTypes.get(key), positions);
        }
        long[] groupIds = new long[positions];
        for (int i = 0; i < positions; i++) {
            groupIds[i] = emptySets.get(i);
        }
        blocks[columns + keyChannels.length] = new LongArrayBlock(positions, null, groupIds);
        for (int column = 0; column < groupingValues[0].length; column++) {
            long[] values = new long[positions];
            for (int i = 0; i < positions; i++) {
                values[i] = groupingValues[emptySets.get(i)][column];
            }
            blocks[columns + keyChannels.length + 1 + column] = new LongArrayBlock(positions, null, values);
        }
        blocks[blocks.length - 1] = Blocks.constantBlock(BOOLEAN, false, positions);
        return new Page(positions, blocks);
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        return finishing && current == null && (!rowMask || paddingEmitted);
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> sourceTypes;
        private final boolean rowMask;
        private final List<Type> keyTypes;
        private final int[] keyChannels;
        private final boolean[][] keyInSet;
        private final long[][] groupingValues;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> sourceTypes, List<Type> keyTypes, int[] keyChannels, boolean[][] keyInSet, long[][] groupingValues,
                boolean rowMask)
        {
            this.operatorId = operatorId;
            this.sourceTypes = List.copyOf(sourceTypes);
            this.rowMask = rowMask;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.keyTypes = List.copyOf(keyTypes);
            this.keyChannels = keyChannels.clone();
            this.keyInSet = keyInSet.clone();
            this.groupingValues = groupingValues.clone();
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, GroupIdOperator.class.getSimpleName());
            return new GroupIdOperator(context, sourceTypes, keyTypes, keyChannels, keyInSet, groupingValues, rowMask);
        }

        @Override
        public void noMoreOperators() {}
    }
}
