package io.strata.core.node;

import java.util.List;

/**
 * The nodes a coordinator places tasks on. Thread-safe.
 */
public interface NodeManager
{
    /** The node this process is. */
    InternalNode currentNode();

    /**
     * The nodes new tasks may go to now, in a stable order (by node id): the active workers, and this
     * coordinator when it is configured to run tasks ({@code node-scheduler.include-coordinator}) or when it knows
     * no workers at all.
     */
    List<InternalNode> schedulableNodes();

    /** Every node known, with its state: what {@code system.runtime.nodes} lists. */
    List<NodeStatus> allNodes();

    /**
     * A query's request to the node failed as if the node were gone: stop placing tasks on it until it answers a
     * liveness check again, so that the next queries do not fail the same way.
     */
    void reportUnreachable(InternalNode node);
}
