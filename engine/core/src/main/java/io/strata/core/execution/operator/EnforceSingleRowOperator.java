package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.expression.Blocks;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The value of a scalar subquery: passes on its input's one row, makes a row of nulls when the input has none,
 * and fails with {@code SUBQUERY_MULTIPLE_ROWS} when it has more. Runs in a single driver.
 */
public final class EnforceSingleRowOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final List<Type> types;
    private Page row;
    private boolean finishing;
    private boolean emitted;

    public EnforceSingleRowOperator(OperatorContext operatorContext, List<Type> types)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.types = List.copyOf(requireNonNull(types, "types is null"));
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
        if (row != null || page.positionCount() > 1) {
            throw new StrataException(ErrorCode.SUBQUERY_MULTIPLE_ROWS, "Scalar sub-query has returned multiple rows");
        }
        row = page;
    }

    @Override
    public Page getOutput()
    {
        if (!finishing || emitted) {
            return null;
        }
        emitted = true;
        if (row != null) {
            return row;
        }
        Block[] nulls = new Block[types.size()];
        for (int channel = 0; channel < nulls.length; channel++) {
            nulls[channel] = Blocks.nullBlock(types.get(channel), 1);
        }
        return new Page(1, nulls);
    }

    @Override
    public void finish()
    {
        finishing = true;
    }

    @Override
    public boolean isFinished()
    {
        return finishing && emitted;
    }

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final List<Type> types;

        public Factory(int operatorId, PlanNodeId planNodeId, List<Type> types)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.types = List.copyOf(requireNonNull(types, "types is null"));
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            return new EnforceSingleRowOperator(driverContext.addOperatorContext(operatorId, planNodeId, EnforceSingleRowOperator.class.getSimpleName()), types);
        }

        @Override
        public void noMoreOperators() {}
    }
}
