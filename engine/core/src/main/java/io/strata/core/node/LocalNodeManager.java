package io.strata.core.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A cluster of one: this coordinator runs every task itself.
 */
public final class LocalNodeManager
        implements NodeManager
{
    private final InternalNode currentNode;

    public LocalNodeManager(InternalNode currentNode)
    {
        this.currentNode = requireNonNull(currentNode, "currentNode is null");
    }

    @Override
    public InternalNode currentNode()
    {
        return currentNode;
    }

    @Override
    public List<InternalNode> schedulableNodes()
    {
        return List.of(currentNode);
    }

    @Override
    public List<NodeStatus> allNodes()
    {
        return List.of(new NodeStatus(currentNode, NodeState.ACTIVE, Optional.of(Instant.now())));
    }

    @Override
    public void reportUnreachable(InternalNode node)
    {
        // this process is the only node: it cannot be unreachable to itself
    }
}
