package io.strata.core.planner.plan;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Computes window functions that share one {@code PARTITION BY} and {@code ORDER BY}: each row of the source
 * comes out with the functions' values appended. Outputs are the source's symbols, then the functions'.
 * Row order is not preserved (rows leave grouped by partition, sorted within it).
 */
public record WindowNode(PlanNodeId id, PlanNode source, List<Symbol> partitionBy, List<Ordering> orderBy, List<WindowFunction> functions)
        implements PlanNode
{
    public WindowNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        functions = List.copyOf(requireNonNull(functions, "functions is null"));
    }

    @Override
    public List<PlanNode> sources()
    {
        return List.of(source);
    }

    @Override
    public List<Symbol> outputSymbols()
    {
        List<Symbol> outputs = new ArrayList<>(source.outputSymbols());
        functions.forEach(function -> outputs.add(function.output()));
        return List.copyOf(outputs);
    }

    @Override
    public PlanNode replaceChildren(List<PlanNode> newSources)
    {
        return new WindowNode(id, newSources.get(0), partitionBy, orderBy, functions);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitWindow(this, context);
    }
}
