package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.operator.aggregation.GroupByHash;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SetOperationNode.Kind;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * INTERSECT and EXCEPT: its input is every source's rows with the source's index in a last column; it groups
 * the rows (nulls equal, as in GROUP BY) and counts each group's rows per source, then emits each group as many
 * times as the operation says ({@code min} of the counts for INTERSECT ALL, the first count less the others for
 * EXCEPT ALL, at most once with DISTINCT). Runs in a single driver; the groups and counts are reserved in memory.
 */
public final class SetOperationOperator
        implements Operator
{
    /** Rows per output page. */
    private static final int BATCH = 8192;

    private final OperatorContext operatorContext;
    private final int columns;
    private final int sourceCount;
    private final Kind kind;
    private final boolean distinct;
    private final GroupByHash hash;
    private int[][] counts;
    private boolean finishing;
    private int nextGroup;
    private int remainingCopies;
    private boolean done;

    public SetOperationOperator(OperatorContext operatorContext, List<Type> types, int sourceCount, Kind kind, boolean distinct)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.columns = types.size();
        this.sourceCount = sourceCount;
        this.kind = requireNonNull(kind, "kind is null");
        this.distinct = distinct;
        this.hash = GroupByHash.create(types, 1024);
        this.counts = new int[sourceCount][1024];
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing;
    }

    @Override
    public void addInput(Page page)
    {
        int positions = page.positionCount();
        Block[] keys = new Block[columns];
        for (int i = 0; i < columns; i++) {
            keys[i] = page.getBlock(i);
        }
        int[] groupIds = hash.groupIds(keys, positions);
        int groups = hash.groupCount();
        if (groups > counts[0].length) {
            int capacity = Math.max(groups, counts[0].length * 2);
            for (int source = 0; source < sourceCount; source++) {
                counts[source] = Arrays.copyOf(counts[source], capacity);
            }
        }
        int[] sources = ((IntArrayBlock) page.getBlock(columns)).rawValues();
        for (int position = 0; position < positions; position++) {
            counts[sources[position]][groupIds[position]]++;
        }
        operatorContext.memory().setBytes(hash.retainedSizeInBytes() + (long) sourceCount * counts[0].length * Integer.BYTES);
    }

    /** How many times the group is in the result. */
    private int copies(int group)
    {
        if (distinct) {
            // EXCEPT DISTINCT keeps a row of the first input that no other input has, however many times each has it
            return isInDistinctResult(group) ? 1 : 0;
        }
        long result = counts[0][group];
        for (int source = 1; source < sourceCount; source++) {
            result = kind == Kind.INTERSECT ? Math.min(result, counts[source][group]) : Math.max(0, result - counts[source][group]);
        }
        return (int) result;
    }

    private boolean isInDistinctResult(int group)
    {
        if (counts[0][group] == 0) {
            return false;
        }
        for (int source = 1; source < sourceCount; source++) {
            boolean present = counts[source][group] > 0;
            if (kind == Kind.INTERSECT ? !present : present) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Page getOutput()
    {
        if (!finishing || done) {
            return null;
        }
        int groups = hash.groupCount();
        int[] positions = new int[BATCH];
        int count = 0;
        int firstGroup = nextGroup;
        while (nextGroup < groups && count < positions.length) {
            if (remainingCopies == 0) {
                remainingCopies = copies(nextGroup);
            }
            while (remainingCopies > 0 && count < positions.length) {
                positions[count++] = nextGroup - firstGroup;
                remainingCopies--;
            }
            if (remainingCopies == 0) {
                nextGroup++;
            }
        }
        if (nextGroup >= groups) {
            done = true;
            operatorContext.memory().setBytes(0);
        }
        if (count == 0) {
            return null;
        }
        int lastGroup = Math.min(groups, nextGroup + 1);
        Block[] keys = hash.keys(firstGroup, lastGroup);
        Block[] blocks = new Block[columns];
        for (int i = 0; i < columns; i++) {
            blocks[i] = keys[i].copyPositions(positions, 0, count);
        }
        return new Page(count, blocks);
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        return done;
    }

    @Override
    public void close()
    {
        operatorContext.memory().close();
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> types;
        private final int sourceCount;
        private final Kind kind;
        private final boolean distinct;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> types, int sourceCount, Kind kind, boolean distinct)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.types = List.copyOf(requireNonNull(types, "types is null"));
            this.sourceCount = sourceCount;
            this.kind = requireNonNull(kind, "kind is null");
            this.distinct = distinct;
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new SetOperationOperator(driverContext.addOperatorContext(operatorId, planNodeId, SetOperationOperator.class.getSimpleName()),
                    types, sourceCount, kind, distinct);
        }

        @Override
        public void noMoreOperators() {}
    }
}
