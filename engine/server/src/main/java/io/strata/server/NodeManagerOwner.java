package io.strata.server;

import io.strata.core.node.NodeManager;

/**
 * A query engine that places tasks on the nodes a {@link NodeManager} lists: the coordinator shows them (e.g. in
 * {@code system.runtime.nodes}) through it.
 */
public interface NodeManagerOwner
{
    NodeManager nodeManager();
}
