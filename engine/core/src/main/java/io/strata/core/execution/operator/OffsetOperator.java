package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import static java.util.Objects.requireNonNull;

/**
 * Drops the first {@code offset} rows and passes on the rest. Runs in a single driver (the rows it skips are
 * the first of the whole input).
 */
public final class OffsetOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private long remaining;
    private Page pending;
    private boolean finishing;

    public OffsetOperator(OperatorContext operatorContext, long offset)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        this.remaining = offset;
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
        if (remaining == 0) {
            pending = page;
        }
        else if (page.positionCount() <= remaining) {
            remaining -= page.positionCount();
        }
        else {
            pending = page.region((int) remaining, page.positionCount() - (int) remaining);
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
        return finishing && pending == null;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final long offset;

        public Factory(int operatorId, PlanNodeId planNodeId, long offset)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.offset = offset;
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new OffsetOperator(driverContext.addOperatorContext(operatorId, planNodeId, OffsetOperator.class.getSimpleName()), offset);
        }

        @Override
        public void noMoreOperators() {}
    }
}
