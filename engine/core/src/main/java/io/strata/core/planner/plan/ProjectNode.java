package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Computes one output per assignment, in order, from the source's rows.
 */
public record ProjectNode(PlanNodeId id, PlanNode source, List<Assignment> assignments)
        implements PlanNode
{
    public ProjectNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        return assignments.stream().map(Assignment::symbol).toList();
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new ProjectNode(id, newSources.get(0), assignments);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitProject(this, context);
    }
}
