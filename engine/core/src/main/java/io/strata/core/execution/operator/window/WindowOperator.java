package io.strata.core.execution.operator.window;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.operator.sort.AddressSort;
import io.strata.core.execution.operator.sort.PagesIndex;
import io.strata.core.execution.operator.sort.RowComparator;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SortOrder;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Window functions sharing one PARTITION BY and ORDER BY: keeps every input page (reserving its memory), sorts
 * all rows once by partition keys then order keys, finds partition and peer-group boundaries, computes each
 * function as one column over all rows, and emits the sorted rows with those columns appended.
 */
public final class WindowOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final PagesIndex index;
    private final RowComparator sortComparator;
    private final RowComparator partitionComparator;
    private final List<WindowFunctionDefinition> functions;
    private boolean finishing;
    private Page result;
    private int nextOutput;
    private boolean done;

    public WindowOperator(OperatorContext operatorContext, List<Type> types, int[] partitionChannels, int[] orderChannels, List<SortOrder> orderings,
            List<WindowFunctionDefinition> functions)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.index = new PagesIndex(types);
        this.functions = List.copyOf(requireNonNull(functions, "functions is null"));
        int[] sortChannels = new int[partitionChannels.length + orderChannels.length];
        System.arraycopy(partitionChannels, 0, sortChannels, 0, partitionChannels.length);
        System.arraycopy(orderChannels, 0, sortChannels, partitionChannels.length, orderChannels.length);
        List<SortOrder> sortOrders = new ArrayList<>();
        // any total order groups a partition's rows together; nulls form one partition
        for (int i = 0; i < partitionChannels.length; i++) {
            sortOrders.add(SortOrder.ASC_NULLS_LAST);
        }
        sortOrders.addAll(orderings);
        this.sortComparator = new RowComparator(Arrays.stream(sortChannels).mapToObj(types::get).toList(), sortChannels, sortOrders);
        this.partitionComparator = new RowComparator(Arrays.stream(partitionChannels).mapToObj(types::get).toList(), partitionChannels, sortOrders.subList(0, partitionChannels.length));
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
        index.addPage(page);
        sortComparator.addPage(page);
        partitionComparator.addPage(page);
        operatorContext.memory().setBytes(index.retainedSizeInBytes());
    }

    @Override
    public Page getOutput()
    {
        if (!finishing || done) {
            return null;
        }
        if (result == null) {
            result = compute();
        }
        int total = result.positionCount();
        if (nextOutput >= total) {
            finishOutput();
            return null;
        }
        int from = nextOutput;
        int length = Math.min(total - from, PageBuilder.DEFAULT_MAX_POSITIONS);
        nextOutput = from + length;
        Block[] blocks = new Block[result.channelCount()];
        for (int channel = 0; channel < blocks.length; channel++) {
            blocks[channel] = result.getBlock(channel).region(from, length);
        }
        if (nextOutput >= total) {
            finishOutput();
        }
        return new Page(length, blocks);
    }

    private Page compute()
    {
        long[] sorted = index.addresses();
        operatorContext.memory().setBytes(index.retainedSizeInBytes() + (long) sorted.length * Long.BYTES * 2);
        AddressSort.sort(sorted, sortComparator);
        int n = sorted.length;
        boolean[] newPartition = new boolean[n];
        boolean[] newPeerGroup = new boolean[n];
        for (int i = 0; i < n; i++) {
            newPartition[i] = i == 0 || partitionComparator.compare(sorted[i - 1], sorted[i]) != 0;
            newPeerGroup[i] = newPartition[i] || sortComparator.compare(sorted[i - 1], sorted[i]) != 0;
        }
        WindowPartitions partitions = WindowPartitions.fromBoundaries(newPartition, newPeerGroup);
        Page input = index.gather(sorted, 0, n);
        // the input pages are no longer needed: the sorted copy has every row
        index.clear();
        sortComparator.clear();
        partitionComparator.clear();
        long partitionBytes = (long) n * (Integer.BYTES * 4 + 2);
        operatorContext.memory().setBytes(input.retainedSizeInBytes() + partitionBytes);
        Block[] blocks = new Block[input.channelCount() + functions.size()];
        long bytes = input.retainedSizeInBytes() + partitionBytes;
        for (int channel = 0; channel < input.channelCount(); channel++) {
            blocks[channel] = input.getBlock(channel);
        }
        for (int i = 0; i < functions.size(); i++) {
            Block block = WindowFunctionEvaluator.evaluate(functions.get(i), input, partitions);
            blocks[input.channelCount() + i] = block;
            bytes += block.retainedSizeInBytes();
            operatorContext.memory().setBytes(bytes);
        }
        return new Page(n, blocks);
    }

    private void finishOutput()
    {
        done = true;
        result = null;
        index.clear();
        sortComparator.clear();
        partitionComparator.clear();
        operatorContext.memory().setBytes(0);
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
        result = null;
        index.clear();
        sortComparator.clear();
        partitionComparator.clear();
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> types;
        private final int[] partitionChannels;
        private final int[] orderChannels;
        private final List<SortOrder> orderings;
        private final List<WindowFunctionDefinition> functions;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> types, int[] partitionChannels, int[] orderChannels, List<SortOrder> orderings,
                List<WindowFunctionDefinition> functions)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.types = List.copyOf(requireNonNull(types, "types is null"));
            this.partitionChannels = partitionChannels.clone();
            this.orderChannels = orderChannels.clone();
            this.orderings = List.copyOf(requireNonNull(orderings, "orderings is null"));
            this.functions = List.copyOf(requireNonNull(functions, "functions is null"));
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, WindowOperator.class.getSimpleName());
            return new WindowOperator(context, types, partitionChannels, orderChannels, orderings, functions);
        }

        @Override
        public void noMoreOperators() {}
    }
}
