package io.strata.core.execution.operator.join;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The sink of a join's build pipeline: keeps its driver's pages (their memory reserved as they come) and, when
 * its input ends, hands them to the {@link JoinBridge}, which builds the table once every builder did.
 */
public final class HashBuilderOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final JoinBridge bridge;
    private final List<Page> pages = new ArrayList<>();
    private long bytes;
    private boolean finished;

    HashBuilderOperator(OperatorContext operatorContext, JoinBridge bridge)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.bridge = requireNonNull(bridge, "bridge is null");
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finished;
    }

    @Override
    public void addInput(Page page)
    {
        pages.add(page);
        bytes += page.retainedSizeInBytes();
        operatorContext.memory().setBytes(bytes);
    }

    @Override
    public Page getOutput()
    {
        return null;
    }

    @Override
    public void finish()
    {
        if (finished) {
            return;
        }
        finished = true;
        List<Page> handedOver = List.copyOf(pages);
        pages.clear();
        // the bridge reserves the whole table; this operator's share moves there
        operatorContext.memory().setBytes(0);
        bridge.builderFinished(handedOver);
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public void close()
    {
        if (!finished) {
            pages.clear();
            operatorContext.memory().close();
        }
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final JoinBridge bridge;

        public Factory(int operatorId, PlanNodeId planNodeId, JoinBridge bridge)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.bridge = requireNonNull(bridge, "bridge is null");
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            bridge.builderCreated(driverContext.pipelineContext().queryMemory().newLocalMemoryContext());
            return new HashBuilderOperator(driverContext.addOperatorContext(operatorId, planNodeId, HashBuilderOperator.class.getSimpleName()), bridge);
        }

        @Override
        public void noMoreOperators()
        {
            bridge.noMoreBuilders();
        }
    }
}
