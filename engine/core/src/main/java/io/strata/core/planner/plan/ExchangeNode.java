package io.strata.core.planner.plan;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A remote exchange: where the plan is cut into fragments. The source's rows leave the tasks that make them
 * and reach the tasks of the consuming fragment over HTTP: all to one task ({@code GATHER}), each row to the
 * task its {@code partitionKeys} hash to ({@code REPARTITION}), or every row to every task ({@code REPLICATE}).
 * Only the fragmenter's input has exchanges; in a fragment each becomes a {@link RemoteSourceNode}.
 */
public record ExchangeNode(PlanNodeId id, PlanNode source, Type type, List<Symbol> partitionKeys)
        implements PlanNode
{
    public enum Type
    {
        GATHER,
        REPARTITION,
        REPLICATE,
    }

    public ExchangeNode
    {
        requireNonNull(id, "id is null");
        requireNonNull(source, "source is null");
        requireNonNull(type, "type is null");
        partitionKeys = List.copyOf(requireNonNull(partitionKeys, "partitionKeys is null"));
        if ((type == Type.REPARTITION) == partitionKeys.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " exchange " + (partitionKeys.isEmpty() ? "needs" : "takes no") + " partition keys");
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
        return new ExchangeNode(id, newSources.get(0), type, partitionKeys);
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitExchange(this, context);
    }
}
