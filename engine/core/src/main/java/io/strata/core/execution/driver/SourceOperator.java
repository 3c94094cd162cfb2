package io.strata.core.execution.driver;

import io.strata.core.execution.split.Split;
import io.strata.core.planner.plan.PlanNodeId;

/**
 * The first operator of a pipeline that reads splits of a table scan. The driver hands it splits before or
 * while it runs.
 */
public interface SourceOperator
        extends Operator
{
    /** The table scan node whose splits this operator reads. */
    PlanNodeId sourceId();

    /** Adds a split to read. */
    void addSplit(Split split);

    /** No more splits will be added: once the added ones are read, the operator is finished. */
    void noMoreSplits();
}
