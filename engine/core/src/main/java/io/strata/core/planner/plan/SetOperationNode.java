package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code INTERSECT} or {@code EXCEPT} of its sources, {@code DISTINCT} or {@code ALL}, evaluated left to right.
 * Output symbol {@code i} takes, from source {@code k}, the symbol {@code inputs.get(k).get(i)}. Rows compare
 * as in GROUP BY: nulls are equal to each other. With ALL, a row that is {@code m} times in the first source and
 * {@code n} times in the second is {@code min(m, n)} times in an INTERSECT and {@code max(m - n, 0)} times in an
 * EXCEPT; with DISTINCT once if that count is positive.
 */
public record SetOperationNode(PlanNodeId id, Kind kind, boolean distinct, List<PlanNode> sources, List<Symbol> outputs, List<List<Symbol>> inputs)
        implements PlanNode
{
    public enum Kind
    {
        INTERSECT,
        EXCEPT,
    }

    public SetOperationNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        inputs = requireNonNull(inputs, "inputs is null").stream().map(List::copyOf).toList();
        if (sources.size() != inputs.size() || sources.size() < 2) {
            throw new IllegalArgumentException("one input list per source, and at least two sources");
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
        return new SetOperationNode(id, kind, distinct, newSources, outputs, inputs);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitSetOperation(this, context);
    }
}
