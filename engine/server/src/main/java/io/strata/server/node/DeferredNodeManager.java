package io.strata.server.node;

import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeStatus;

import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A node manager created on first use. A coordinator's engine is created before its HTTP server binds, and with
 * {@code http-server.http.port=0} its own URI, part of its {@link InternalNode}, is known only after that; queries,
 * the only callers, run after it.
 */
public final class DeferredNodeManager
        implements NodeManager
{
    private final Supplier<NodeManager> factory;
    private volatile NodeManager delegate;

    public DeferredNodeManager(Supplier<NodeManager> factory)
    {
        this.factory = requireNonNull(factory, "factory is null");
    }

    private NodeManager delegate()
    {
        NodeManager manager = delegate;
        if (manager == null) {
            synchronized (this) {
                manager = delegate;
                if (manager == null) {
                    manager = requireNonNull(factory.get(), "factory returned null");
                    delegate = manager;
                }
            }
        }
        return manager;
    }

    @Override
    public InternalNode currentNode()
    {
        return delegate().currentNode();
    }

    @Override
    public List<InternalNode> schedulableNodes()
    {
        return delegate().schedulableNodes();
    }

    @Override
    public List<NodeStatus> allNodes()
    {
        return delegate().allNodes();
    }

    @Override
    public void reportUnreachable(InternalNode node)
    {
        delegate().reportUnreachable(node);
    }
}
