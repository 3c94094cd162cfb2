package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import static java.util.Objects.requireNonNull;

/**
 * Passes on the first {@code limit} rows, then finishes, which ends the operators before it in the driver.
 */
public final class LimitOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private long remaining;
    private Page pending;
    private boolean finishing;

    public LimitOperator(OperatorContext operatorContext, long limit)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit is negative: " + limit);
        }
        this.remaining = limit;
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public boolean needsInput()
    {
        return !finishing && remaining > 0 && pending == null;
    }

    @Override
    public void addInput(Page page)
    {
        if (page.positionCount() <= remaining) {
            remaining -= page.positionCount();
            pending = page;
        }
        else {
            pending = page.region(0, (int) remaining);
            remaining = 0;
        }
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
        return (finishing || remaining == 0) && pending == null;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final long limit;

        public Factory(int operatorId, PlanNodeId planNodeId, long limit)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.limit = limit;
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new LimitOperator(driverContext.addOperatorContext(operatorId, planNodeId, LimitOperator.class.getSimpleName()), limit);
        }

        @Override
        public void noMoreOperators() {}
    }
}
