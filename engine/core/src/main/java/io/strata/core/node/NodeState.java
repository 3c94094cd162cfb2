package io.strata.core.node;

/**
 * What the coordinator believes of a node now.
 */
public enum NodeState
{
    /** Answered its last liveness check: tasks may be placed on it. */
    ACTIVE,
    /** Did not answer (or a query's request to it failed) since it last answered: no new tasks go to it. */
    UNREACHABLE,
}
