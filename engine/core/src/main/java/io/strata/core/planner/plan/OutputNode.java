package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The root: what the client receives, column names beside the symbols that carry them.
 */
public record OutputNode(PlanNodeId id, PlanNode source, List<String> columnNames, List<Symbol> outputs)
        implements PlanNode
{
    public OutputNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        columnNames = List.copyOf(requireNonNull(columnNames, "columnNames is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        if (columnNames.size() != outputs.size()) {
            throw new IllegalArgumentException("column names and outputs differ in size");
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
        return outputs;
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new OutputNode(id, newSources.get(0), columnNames, outputs);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitOutput(this, context);
    }
}
