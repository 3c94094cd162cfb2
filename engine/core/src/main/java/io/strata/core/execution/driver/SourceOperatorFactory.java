package io.strata.core.execution.driver;

import io.strata.core.planner.plan.PlanNodeId;

/**
 * The factory of a pipeline's first operator when that operator reads splits.
 */
public interface SourceOperatorFactory
        extends OperatorFactory
{
    PlanNodeId sourceId();

    @Override
    SourceOperator createOperator(DriverContext driverContext);
}
