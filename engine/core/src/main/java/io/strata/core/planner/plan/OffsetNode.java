package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The source's rows after the first {@code count} ({@code OFFSET count ROWS}).
 */
public record OffsetNode(PlanNodeId id, PlanNode source, long count)
        implements PlanNode
{
    public OffsetNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
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
        return new OffsetNode(id, newSources.get(0), count);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitOffset(this, context);
    }
}
