package io.strata.core.node;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A node of the cluster as the scheduler sees it: its id (the {@code nodeId} of its {@code /v1/info}), the base
 * URI of its HTTP server ({@code http://host:port}), and whether it is a coordinator.
 */
public record InternalNode(String nodeId, URI uri, boolean coordinator)
{
    public InternalNode
    {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(uri, "uri is null");
        if (nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId is blank");
        }
    }

    /** How errors name the node: {@code worker-1 (http://127.0.0.1:9001)}. */
    public String describe()
    {
        return nodeId + " (" + uri + ")";
    }
}
