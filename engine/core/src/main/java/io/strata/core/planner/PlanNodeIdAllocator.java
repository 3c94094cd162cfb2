package io.strata.core.planner;

import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;

/**
 * Hands out plan node ids {@code 0, 1, 2, ...}. Not thread-safe: one statement's planning uses it.
 */
public final class PlanNodeIdAllocator
{
    private int next;

    public PlanNodeIdAllocator() {}

    /** An allocator whose ids follow every numeric id of an existing plan. */
    public static PlanNodeIdAllocator forPlan(PlanNode plan)
    {
        PlanNodeIdAllocator allocator = new PlanNodeIdAllocator();
        allocator.skip(plan);
        return allocator;
    }

    private void skip(PlanNode node)
    {
        try {
            next = Math.max(next, Integer.parseInt(node.id().id()) + 1);
        }
        catch (NumberFormatException ignored) {
            // ids not made by this class cannot collide with ours
        }
        node.sources().forEach(this::skip);
    }

    public PlanNodeId nextId()
    {
        return new PlanNodeId(Integer.toString(next++));
    }
}
