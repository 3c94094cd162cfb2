package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

public record SortNode(PlanNodeId id, PlanNode source, List<Ordering> orderBy)
        implements PlanNode
{
    public SortNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        return source.outputSymbols();
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new SortNode(id, newSources.get(0), orderBy);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitSort(this, context);
    }
}
