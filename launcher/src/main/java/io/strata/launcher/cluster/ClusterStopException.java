package io.strata.launcher.cluster;

import static java.util.Objects.requireNonNull;

/** Some process of a local cluster did not exit even after SIGKILL. */
public final class ClusterStopException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ClusterStopException(String message)
    {
        super(requireNonNull(message, "message is null"));
    }
}
