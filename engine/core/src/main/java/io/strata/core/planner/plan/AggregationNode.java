package io.strata.core.planner.plan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Groups the source's rows by {@code groupingKeys} and computes {@code aggregations} per group. Outputs are the
 * keys, then the aggregates. No keys means one global group, which yields one row even over no input.
 * {@code step} prepares the split into partial and final aggregation across an exchange.
 */
public record AggregationNode(PlanNodeId id, PlanNode source, List<Symbol> groupingKeys, List<Aggregation> aggregations, Step step)
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
        aggregations.forEach(aggregation -> outputs.add(aggregation.output()));
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new AggregationNode(id, newSources.get(0), groupingKeys, aggregations, step);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitAggregation(this, context);
    }
}
