package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.AggregationNode.Step;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

import static io.strata.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * Groups its input by the group-by channels and aggregates each group; without group-by channels it is a
 * global aggregation, whose one group exists even over no input (so {@code count} gives 0 and the others
 * null). Output, once the input is finished: the keys, then each aggregate's final value ({@code SINGLE},
 * {@code FINAL}) or intermediate columns ({@code PARTIAL}). A partial aggregation that grows past its flush
 * size emits what it has and starts over, since the final step merges partial rows anyway.
 * <p>
 * Memory: the hash and the accumulators are reserved after each page against the query's limit.
 */
public final class HashAggregationOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final Step step;
    private final List<Type> groupByTypes;
    private final int[] groupByChannels;
    private final List<Aggregator> aggregators;
    private final int expectedGroups;
    private final long partialFlushBytes;

    private GroupByHash hash;
    private GroupedAccumulator[] accumulators;
    private GroupByHash[] distinctHashes;
    private int[] globalGroupIds = new int[0];

    private boolean finishing;
    private boolean flushing;
    private int nextOutputGroup;
    private boolean done;

    public HashAggregationOperator(OperatorContext operatorContext, Step step, List<Type> groupByTypes, int[] groupByChannels, List<Aggregator> aggregators,
            int expectedGroups, long partialFlushBytes)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.step = requireNonNull(step, "step is null");
        this.groupByTypes = List.copyOf(requireNonNull(groupByTypes, "groupByTypes is null"));
        this.groupByChannels = groupByChannels.clone();
        this.aggregators = List.copyOf(requireNonNull(aggregators, "aggregators is null"));
        this.expectedGroups = expectedGroups;
        this.partialFlushBytes = partialFlushBytes;
        if (step == Step.FINAL) {
            for (Aggregator aggregator : aggregators) {
                if (aggregator.distinct() || aggregator.maskChannel().isPresent()) {
                    throw new IllegalArgumentException("a final aggregation takes neither masks nor distinct: they apply before the partial step");
                }
            }
        }
        resetState();
    }

    private void resetState()
    {
        hash = groupByChannels.length == 0 ? null : GroupByHash.create(groupByTypes, expectedGroups);
        accumulators = new GroupedAccumulator[aggregators.size()];
        distinctHashes = new GroupByHash[aggregators.size()];
        for (int i = 0; i < accumulators.length; i++) {
            Aggregator aggregator = aggregators.get(i);
            accumulators[i] = aggregator.function().createAccumulator();
            accumulators[i].ensureCapacity(1);
            if (aggregator.distinct()) {
                List<Type> distinctTypes = new ArrayList<>();
                distinctTypes.add(BIGINT);
                distinctTypes.addAll(aggregator.function().argumentTypes());
                distinctHashes[i] = GroupByHash.create(distinctTypes, 1024);
            }
        }
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && !flushing;
    }

    @Override
    public void addInput(Page page)
    {
        int positionCount = page.positionCount();
        int[] groupIds;
        int groupCount;
        if (hash == null) {
            if (globalGroupIds.length < positionCount) {
                globalGroupIds = new int[positionCount];
            }
            groupIds = globalGroupIds;
            groupCount = 1;
        }
        else {
            Block[] keys = new Block[groupByChannels.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = page.getBlock(groupByChannels[i]);
            }
            groupIds = hash.groupIds(keys, positionCount);
            groupCount = hash.groupCount();
        }
        for (int k = 0; k < accumulators.length; k++) {
            Aggregator aggregator = aggregators.get(k);
            GroupedAccumulator accumulator = accumulators[k];
            accumulator.ensureCapacity(groupCount);
            Block[] arguments = new Block[aggregator.inputChannels().size()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = page.getBlock(aggregator.inputChannels().get(i));
            }
            if (step == Step.FINAL) {
                accumulator.addIntermediate(groupIds, arguments, positionCount);
                continue;
            }
            if (aggregator.maskChannel().isEmpty() && !aggregator.distinct()) {
                accumulator.addInput(groupIds, arguments, positionCount);
                continue;
            }
            int[] kept = keptPositions(page, aggregator, distinctHashes[k], groupIds, arguments, positionCount);
            int keptCount = kept.length;
            int[] keptGroupIds = new int[keptCount];
            for (int i = 0; i < keptCount; i++) {
                keptGroupIds[i] = groupIds[kept[i]];
            }
            Block[] keptArguments = new Block[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                keptArguments[i] = arguments[i].copyPositions(kept, 0, keptCount);
            }
            accumulator.addInput(keptGroupIds, keptArguments, keptCount);
        }
        long bytes = updateMemory();
        if (step == Step.PARTIAL && bytes > partialFlushBytes) {
            flushing = true;
            nextOutputGroup = 0;
        }
    }

    /** The rows an aggregate with a mask or DISTINCT counts: mask true, and the first of its (group, arguments). */
    private static int[] keptPositions(Page page, Aggregator aggregator, GroupByHash distinctHash, int[] groupIds, Block[] arguments, int positionCount)
    {
        int[] positions = new int[positionCount];
        int count = 0;
        if (aggregator.maskChannel().isPresent()) {
            ByteArrayBlock mask = (ByteArrayBlock) page.getBlock(aggregator.maskChannel().getAsInt());
            byte[] values = mask.rawValues();
            boolean[] nulls = mask.rawNulls();
            for (int i = 0; i < positionCount; i++) {
                if (values[i] != 0 && (nulls == null || !nulls[i])) {
                    positions[count++] = i;
                }
            }
        }
        else {
            for (int i = 0; i < positionCount; i++) {
                positions[count++] = i;
            }
        }
        if (distinctHash != null) {
            long[] groups = new long[count];
            for (int i = 0; i < count; i++) {
                groups[i] = groupIds[positions[i]];
            }
            Block[] distinctKeys = new Block[arguments.length + 1];
            distinctKeys[0] = new LongArrayBlock(count, null, groups);
            for (int i = 0; i < arguments.length; i++) {
                distinctKeys[i + 1] = arguments[i].copyPositions(positions, 0, count);
            }
            int seen = distinctHash.groupCount();
            int[] distinctIds = distinctHash.groupIds(distinctKeys, count);
            int firstCount = 0;
            int next = seen;
            for (int i = 0; i < count; i++) {
                // ids are handed out in row order: a row is the first of its values when it got the next new id
                if (distinctIds[i] == next) {
                    positions[firstCount++] = positions[i];
                    next++;
                }
            }
            count = firstCount;
        }
        int[] result = new int[count];
        System.arraycopy(positions, 0, result, 0, count);
        return result;
    }

    private long updateMemory()
    {
        long bytes = hash == null ? 0 : hash.retainedSizeInBytes();
        for (int i = 0; i < accumulators.length; i++) {
            bytes += accumulators[i].retainedSizeInBytes();
            if (distinctHashes[i] != null) {
                bytes += distinctHashes[i].retainedSizeInBytes();
            }
        }
        operatorContext.memory().setBytes(bytes);
        return bytes;
    }

    @Override
    public Page getOutput()
    {
        if (done || (!finishing && !flushing)) {
            return null;
        }
        int groupCount = hash == null ? 1 : hash.groupCount();
        if (nextOutputGroup >= groupCount) {
            endOutput();
            return null;
        }
        int from = nextOutputGroup;
        int to = Math.min(groupCount, from + PageBuilder.DEFAULT_MAX_POSITIONS);
        nextOutputGroup = to;
        List<Block> blocks = new ArrayList<>();
        if (hash != null) {
            blocks.addAll(List.of(hash.keys(from, to)));
        }
        for (GroupedAccumulator accumulator : accumulators) {
            if (step == Step.PARTIAL) {
                blocks.addAll(List.of(accumulator.evaluateIntermediate(from, to)));
            }
            else {
                blocks.add(accumulator.evaluateFinal(from, to));
            }
        }
        Page page = new Page(to - from, blocks.toArray(new Block[0]));
        if (nextOutputGroup >= groupCount) {
            endOutput();
        }
        return page;
    }

    private void endOutput()
    {
        if (flushing && !finishing) {
            flushing = false;
            resetState();
            updateMemory();
            return;
        }
        done = true;
        hash = null;
        accumulators = new GroupedAccumulator[0];
        distinctHashes = new GroupByHash[0];
        operatorContext.memory().setBytes(0);
    }

    @Override
    public void finish()
    {
        if (!finishing) {
            finishing = true;
            if (!flushing) {
                nextOutputGroup = 0;
            }
        }
    }

    @Override
    public boolean isFinished()
    {
        return done;
    }

    @Override
    public void close()
    {
        hash = null;
        accumulators = new GroupedAccumulator[0];
        distinctHashes = new GroupByHash[0];
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final Step step;
        private final List<Type> groupByTypes;
        private final int[] groupByChannels;
        private final List<Aggregator> aggregators;
        private final int expectedGroups;
        private final long partialFlushBytes;

        public Factory(int operatorId, PlanNodeId planNodeId, Step step, List<Type> groupByTypes, int[] groupByChannels, List<Aggregator> aggregators,
                int expectedGroups, long partialFlushBytes)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.step = requireNonNull(step, "step is null");
            this.groupByTypes = List.copyOf(requireNonNull(groupByTypes, "groupByTypes is null"));
            this.groupByChannels = groupByChannels.clone();
            this.aggregators = List.copyOf(requireNonNull(aggregators, "aggregators is null"));
            this.expectedGroups = expectedGroups;
            this.partialFlushBytes = partialFlushBytes;
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, HashAggregationOperator.class.getSimpleName());
            return new HashAggregationOperator(context, step, groupByTypes, groupByChannels, aggregators, expectedGroups, partialFlushBytes);
        }

        @Override
        public void noMoreOperators() {}
    }
}
