package io.strata.server.query;

import io.strata.spi.StrataException;

/**
 * A query as the {@link QueryTracker} sees it: when its client last asked about it, whether it is over,
 * and how to fail it. Implementations are thread-safe.
 */
public interface TrackedQuery
{
    String queryId();

    /** {@link System#nanoTime()} of the client's last request about this query. */
    long lastHeartbeatNanos();

    /** Whether the engine has finished with the query (finished, failed or canceled). */
    boolean isDone();

    /** Whether the client received the last response (the one without {@code nextUri}). */
    boolean isFinalResponseSent();

    /** Fails the query with {@code cause}, unless it is over already. */
    void fail(StrataException cause);
}
