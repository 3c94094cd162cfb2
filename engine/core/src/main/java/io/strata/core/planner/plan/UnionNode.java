package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The rows of all sources, one after another in no particular order ({@code UNION ALL}). Output symbol
 * {@code i} takes, from source {@code k}, the symbol {@code inputs.get(k).get(i)} (of the same type).
 */
public record UnionNode(PlanNodeId id, List<PlanNode> sources, List<Symbol> outputs, List<List<Symbol>> inputs)
        implements PlanNode
{
    public UnionNode
    {
        requireNonNull(id, "id is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        inputs = requireNonNull(inputs, "inputs is null").stream().map(List::copyOf).toList();
        if (sources.size() != inputs.size() || sources.isEmpty()) {
            throw new IllegalArgumentException("one input list per source, and at least one source");
        }
        for (List<Symbol> input : inputs) {
            if (input.size() != outputs.size()) {
                throw new IllegalArgumentException("each source gives one symbol per output");
            }
        }
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        return outputs;
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new UnionNode(id, newSources, outputs, inputs);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitUnion(this, context);
    }
}
