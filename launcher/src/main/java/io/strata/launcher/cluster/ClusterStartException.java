package io.strata.launcher.cluster;

import static java.util.Objects.requireNonNull;

/**
 * A local cluster did not start; whatever had started is stopped again. The message says which node
 * failed and how, followed by the tail of its log.
 */
public final class ClusterStartException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ClusterStartException(String message)
    {
        super(requireNonNull(message, "message is null"));
    }

    public ClusterStartException(String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
    }
}
