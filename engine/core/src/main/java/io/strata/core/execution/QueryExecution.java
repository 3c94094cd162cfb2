package io.strata.core.execution;

import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.QueryState;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One statement's run, as the server's protocol layer sees it. Thread-safe. Output is pulled page by page
 * from a bounded buffer: the query stalls while the client is not reading, so no whole result is ever held.
 * <p>
 * Lifecycle: created {@code QUEUED}; {@link #start()} plans and runs it asynchronously; it ends
 * {@code FINISHED} once every output page was taken, or {@code FAILED} (with {@link #failure()}).
 */
public interface QueryExecution
{
    String queryId();

    QueryState state();

    /** Begins planning and execution on the engine's threads; returns at once. Idempotent. */
    void start();

    /**
     * The output columns, once planning is done; empty before, and for statements without output
     * (then {@link #updateType()} is present and the protocol layer reports Presto's fake {@code result} column).
     */
    Optional<List<OutputColumn>> columns();

    /** Whether planning is over (columns, update type and session updates are final), or the query failed. */
    boolean isPlanned();

    /** {@code SET SESSION}, {@code INSERT}, ... for statements that report an update rather than rows. */
    Optional<String> updateType();

    /** Rows changed, for statements that report one, once finished. */
    OptionalLong updateCount();

    /** What the statement changes in the client's session, final once {@link #isPlanned()}. */
    SessionUpdates sessionUpdates();

    /** The next output page if one is ready now, else {@code null}. */
    Page pollPage();

    /** Whether every output page was produced and taken. */
    boolean isOutputFinished();

    /**
     * Completes when something changed that a waiting client could report: a page is ready, planning ended,
     * or the query finished or failed. Never completes exceptionally.
     */
    CompletableFuture<Void> whenChanged();

    Optional<StrataException> failure();

    QueryStatistics statistics();

    /** Every task of the query as its scheduler last saw it; empty before scheduling and for statements that run no tasks. */
    default List<QueryScheduler.TaskSnapshot> tasks()
    {
        return List.of();
    }

    /** Cancels by the user's request: the query fails with {@code USER_CANCELED} and frees its resources. */
    void cancel();

    /** Fails the query with the given error (abandoned, timed out, ...) and frees its resources. */
    void fail(StrataException cause);
}
