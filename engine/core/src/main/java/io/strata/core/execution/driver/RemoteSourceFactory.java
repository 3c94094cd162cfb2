package io.strata.core.execution.driver;

import io.strata.core.execution.split.Split;
import io.strata.core.planner.plan.PlanNodeId;

/**
 * The factory of a pipeline's first operator when that operator reads other tasks' output: the task hands it the
 * remote splits of its plan node directly (not through drivers, which may be blocked waiting for them), and every
 * driver of the pipeline reads the same upstream buffers. Thread-safe.
 */
public interface RemoteSourceFactory
        extends OperatorFactory
{
    PlanNodeId sourceId();

    void addSplit(Split split);

    void noMoreSplits();
}
