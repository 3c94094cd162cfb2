package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.expression.PageProcessor;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import static java.util.Objects.requireNonNull;

/**
 * A filter and a projection fused: each page's filter gives a selection vector, and the projections are
 * evaluated over the selected positions only (see {@link PageProcessor}).
 */
public final class FilterAndProjectOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final PageProcessor processor;
    private Page pending;
    private boolean finishing;

    public FilterAndProjectOperator(OperatorContext operatorContext, PageProcessor processor)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.processor = requireNonNull(processor, "processor is null");
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && pending == null;
    }

    @Override
    public void addInput(Page page)
    {
        pending = processor.process(page);
    }

    @Override
    public Page getOutput()
    {
        Page page = pending;
        pending = null;
        return page;
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        return finishing && pending == null;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final PageProcessor processor;

        public Factory(int operatorId, PlanNodeId planNodeId, PageProcessor processor)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.processor = requireNonNull(processor, "processor is null");
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new FilterAndProjectOperator(driverContext.addOperatorContext(operatorId, planNodeId, FilterAndProjectOperator.class.getSimpleName()), processor);
        }

        @Override
        public void noMoreOperators() {}
    }
}
