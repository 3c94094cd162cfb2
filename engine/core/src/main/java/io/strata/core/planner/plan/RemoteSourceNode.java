package io.strata.core.planner.plan;

import io.strata.core.fragmenter.PlanFragmentId;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The pages other fragments' tasks send this task through an {@link ExchangeNode}: a leaf of a fragment, fed by
 * remote splits (one per upstream task's buffer for this task).
 *
 * @param outputs the upstream fragments' output layout, in channel order
 */
public record RemoteSourceNode(PlanNodeId id, List<PlanFragmentId> sourceFragmentIds, List<Symbol> outputs, ExchangeNode.Type exchangeType)
        implements PlanNode
{
    public RemoteSourceNode
    {
        requireNonNull(id, "id is null");
        sourceFragmentIds = List.copyOf(requireNonNull(sourceFragmentIds, "sourceFragmentIds is null"));
        outputs = List.copyOf(requireNonNull(outputs, "outputs is null"));
        requireNonNull(exchangeType, "exchangeType is null");
        if (sourceFragmentIds.isEmpty()) {
            throw new IllegalArgumentException("a remote source needs a source fragment");
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
        if (!newSources.isEmpty()) {
            throw new IllegalArgumentException("a remote source has no sources");
        }
        return this;
    }

    @Override
    public <R, C> R accept(PlanVisitor<R, C> visitor, C context)
    {
        return visitor.visitRemoteSource(this, context);
    }
}
