package io.strata.core.planner.plan;

import io.strata.core.expression.RowExpression;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the rows where {@code predicate} (boolean) is true; outputs are the source's.
 */
public record FilterNode(PlanNodeId id, PlanNode source, RowExpression predicate)
        implements PlanNode
{
    public FilterNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        requireNonNull(predicate, "predicate is null");
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
        return new FilterNode(id, newSources.get(0), predicate);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitFilter(this, context);
    }
}
