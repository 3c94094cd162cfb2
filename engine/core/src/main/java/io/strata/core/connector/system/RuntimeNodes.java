package io.strata.core.connector.system;

import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeStatus;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The nodes a coordinator knows of, for {@code system.runtime.nodes}: its node manager's nodes, each with the
 * version it runs. Thread-safe.
 */
public interface RuntimeNodes
{
    RuntimeNodes NONE = new RuntimeNodes()
    {
        @Override
        public List<NodeStatus> nodes()
        {
            return List.of();
        }

        @Override
        public String nodeVersion(NodeStatus node)
        {
            throw new IllegalStateException("no nodes");
        }
    };

    /** Every node known, with its state, as {@link NodeManager#allNodes()} lists them. */
    List<NodeStatus> nodes();

    /** The version {@code node} runs. */
    String nodeVersion(NodeStatus node);

    /**
     * The nodes of {@code nodeManager}, each reported with {@code buildVersion}: the node manager does not keep the
     * versions its workers report, and the nodes of a cluster run the same build.
     */
    static RuntimeNodes of(NodeManager nodeManager, String buildVersion)
    {
        requireNonNull(nodeManager, "nodeManager is null");
        requireNonNull(buildVersion, "buildVersion is null");
        return new RuntimeNodes()
        {
            @Override
            public List<NodeStatus> nodes()
            {
                return nodeManager.allNodes();
            }

            @Override
            public String nodeVersion(NodeStatus node)
            {
                return buildVersion;
            }
        };
    }
}
