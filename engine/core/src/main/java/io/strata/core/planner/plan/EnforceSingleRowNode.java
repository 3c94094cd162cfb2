package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The source's one row; a row of nulls when the source has none; a user error ({@code SUBQUERY_MULTIPLE_ROWS})
 * when it has more: the value of a scalar subquery.
 */
public record EnforceSingleRowNode(PlanNodeId id, PlanNode source)
        implements PlanNode
{
    public EnforceSingleRowNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
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
        return new EnforceSingleRowNode(id, newSources.get(0));
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitEnforceSingleRow(this, context);
    }
}
