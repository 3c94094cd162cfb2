package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Emits fixed pages (a VALUES list, evaluated when the pipeline was planned).
 */
public final class ValuesOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final Deque<Page> pages;

    public ValuesOperator(OperatorContext operatorContext, List<Page> pages)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.pages = new ArrayDeque<>(requireNonNull(pages, "pages is null"));
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return false;
    }

    @Override
    public void addInput(Page page)
    {
        throw new UnsupportedOperationException("values take no input");
    }

    @Override
    public Page getOutput()
    {
        return pages.poll();
    }

    @Override
    public void finish()
    {
        pages.clear();
    }

    @Override
    public boolean isFinished()
    {
        return pages.isEmpty();
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Page> pages;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Page> pages)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.pages = List.copyOf(requireNonNull(pages, "pages is null"));
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new ValuesOperator(driverContext.addOperatorContext(operatorId, planNodeId, ValuesOperator.class.getSimpleName()), pages);
        }

        @Override
        public void noMoreOperators() {}
    }
}
