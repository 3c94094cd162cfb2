package io.strata.core.planner.plan;

import io.strata.core.expression.RowExpression;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Literal rows: each row has one expression per output (constant after folding). No outputs and one
 * empty row is the single row of {@code SELECT 1} without {@code FROM}.
 */
public record ValuesNode(PlanNodeId id, List<Symbol> outputs, List<List<RowExpression>> rows)
        implements PlanNode
{
    public ValuesNode
    {
        requireNonNull(id, "id is null");
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        for (List<RowExpression> row : rows) {
            if (row.size() != outputs.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values, expected " + outputs.size());
            }
        }
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of();
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        return outputs;
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return this;
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitValues(this, context);
    }
}
