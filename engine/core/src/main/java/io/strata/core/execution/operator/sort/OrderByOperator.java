package io.strata.core.execution.operator.sort;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SortOrder;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.type.Type;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * ORDER BY: keeps every input page (reserving its memory), then sorts all row addresses stably on the sort
 * channels and emits the rows in order.
 */
public final class OrderByOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final PagesIndex index;
    private final RowComparator comparator;
    private boolean finishing;
    private long[] sorted;
    private int nextOutput;
    private boolean done;

    public OrderByOperator(OperatorContext operatorContext, List<Type> types, int[] sortChannels, List<SortOrder> sortOrders)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.index = new PagesIndex(types);
        List<Type> sortTypes = Arrays.stream(sortChannels).mapToObj(types::get).toList();
        this.comparator = new RowComparator(sortTypes, sortChannels, sortOrders);
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
        comparator.addPage(page);
        operatorContext.memory().setBytes(index.retainedSizeInBytes());
    }

    @Override
    public Page getOutput()
    {
        if (!finishing || done) {
            return null;
        }
        if (sorted == null) {
            sorted = index.addresses();
            operatorContext.memory().setBytes(index.retainedSizeInBytes() + (long) sorted.length * Long.BYTES * 2);
            AddressSort.sort(sorted, comparator);
        }
        if (nextOutput >= sorted.length) {
            finishOutput();
            return null;
        }
        int from = nextOutput;
        int to = Math.min(sorted.length, from + PageBuilder.DEFAULT_MAX_POSITIONS);
        nextOutput = to;
        Page page = index.gather(sorted, from, to);
        if (nextOutput >= sorted.length) {
            finishOutput();
        }
        return page;
    }

    private void finishOutput()
    {
        done = true;
        index.clear();
        comparator.clear();
        sorted = null;
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
        index.clear();
        comparator.clear();
        sorted = null;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> types;
        private final int[] sortChannels;
        private final List<SortOrder> sortOrders;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> types, int[] sortChannels, List<SortOrder> sortOrders)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.types = List.copyOf(requireNonNull(types, "types is null"));
            this.sortChannels = sortChannels.clone();
            this.sortOrders = List.copyOf(requireNonNull(sortOrders, "sortOrders is null"));
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, OrderByOperator.class.getSimpleName());
            return new OrderByOperator(context, types, sortChannels, sortOrders);
        }

        @Override
        public void noMoreOperators() {}
    }
}
