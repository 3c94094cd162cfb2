package io.strata.protocol;

/**
 * The lifecycle of a query as clients see it in {@code stats.state}, in order. Clients treat the state as
 * information only: a statement is over when its response has no {@code nextUri}, and it failed when the
 * response has an {@code error}.
 */
public enum QueryState
{
    /** Accepted, waiting for admission by its resource group. */
    QUEUED(false),
    /** Admitted, waiting for what it depends on (e.g. a resource manager's decision). */
    WAITING_FOR_PREREQUISITES(false),
    /** Being handed to the coordinator that will run it. */
    DISPATCHING(false),
    /** Being parsed, analyzed, planned and optimized. */
    PLANNING(false),
    /** Its stages are being scheduled on workers. */
    STARTING(false),
    /** At least one task is running. */
    RUNNING(false),
    /** All work is done; the output is being drained or the transaction committed. */
    FINISHING(false),
    FINISHED(true),
    FAILED(true);

    private final boolean done;

    QueryState(boolean done)
    {
        this.done = done;
    }

    /** Whether the query has ended, with success or failure; a done query never changes state again. */
    public boolean isDone()
    {
        return done;
    }
}
