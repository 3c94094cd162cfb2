package io.strata.core.planner.plan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups the source's rows by {@code groupingKeys} and computes {@code aggregations} per group. Outputs are the
 * keys, then the aggregates. No keys means one global group, which yields one row even over no input.
 * <p>
 * {@code step} splits an aggregation across a remote exchange. Both steps keep the original {@code aggregations}
 * (their arguments name what the partial step reads, and so the function); {@code intermediates} are the
 * aggregates' intermediate states, each aggregate's columns in turn: the {@code PARTIAL} step outputs the keys and
 * the intermediates, the {@code FINAL} step reads the keys and the intermediates and outputs keys and aggregates.
 * A {@code SINGLE} step has no intermediates.
 */
public record AggregationNode(PlanNodeId id, PlanNode source, List<Symbol> groupingKeys, List<Aggregation> aggregations, Step step, List<Symbol> intermediates)
        implements PlanNode
{
    public enum Step
    {
        SINGLE,
        PARTIAL,
        FINAL,
    }

    public AggregationNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        groupingKeys = List.copyOf(requireNonNull(groupingKeys, "groupingKeys is null"));
        aggregations = List.copyOf(requireNonNull(aggregations, "aggregations is null"));
        requireNonNull(step, "step is null");
        intermediates = List.copyOf(requireNonNull(intermediates, "intermediates is null"));
        if (step == Step.SINGLE && !intermediates.isEmpty()) {
            throw new IllegalArgumentException("a single-step aggregation has no intermediates");
        }
    }

    /** A single-step aggregation. */
    public AggregationNode(PlanNodeId id, PlanNode source, List<Symbol> groupingKeys, List<Aggregation> aggregations)
    {
        this(id, source, groupingKeys, aggregations, Step.SINGLE, List.of());
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        List<Symbol> outputs = new ArrayList<>(groupingKeys);
        if (step == Step.PARTIAL) {
            outputs.addAll(intermediates);
            return List.copyOf(outputs);
        }
        aggregations.forEach(aggregation -> outputs.add(aggregation.output()));
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new AggregationNode(id, newSources.get(0), groupingKeys, aggregations, step, intermediates);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitAggregation(this, context);
    }
}
