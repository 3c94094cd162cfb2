package io.strata.core.execution.split;

import io.strata.core.planner.plan.PlanNodeId;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * New splits for one table scan of a task's fragment, and whether more will come.
 */
public record SplitAssignment(PlanNodeId planNodeId, List<ScheduledSplit> splits, boolean noMoreSplits)
{
    public SplitAssignment
    {
        requireNonNull(planNodeId, "planNodeId is null");
        splits = List.copyOf(requireNonNull(splits, "splits is null"));
    }
}
