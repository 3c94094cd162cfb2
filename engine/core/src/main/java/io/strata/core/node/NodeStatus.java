package io.strata.core.node;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A node, its state and when it last answered (empty when it never did): a row of {@code system.runtime.nodes}.
 */
public record NodeStatus(InternalNode node, NodeState state, Optional<Instant> lastSeen)
{
    public NodeStatus
    {
        requireNonNull(node, "node is null");
        requireNonNull(state, "state is null");
        requireNonNull(lastSeen, "lastSeen is null");
    }
}
