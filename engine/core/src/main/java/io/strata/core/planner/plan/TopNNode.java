package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The first {@code count} rows in {@code orderBy} order: a sort followed by a limit, in bounded memory.
 */
public record TopNNode(PlanNodeId id, PlanNode source, long count, List<Ordering> orderBy)
        implements PlanNode
{
    public TopNNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
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
        return new TopNNode(id, newSources.get(0), count, orderBy);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitTopN(this, context);
    }
}
