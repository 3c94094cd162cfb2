package io.strata.core.planner.plan;

import static java.util.Objects.requireNonNull;

public record PlanNodeId(String id)
{
    public PlanNodeId
    {
        requireNonNull(id, "id is null");
    }

    @Override
    public String toString()
    {
        return id;
    }
}
