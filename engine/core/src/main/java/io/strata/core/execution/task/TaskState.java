package io.strata.core.execution.task;

/**
 * The life of a task.
 */
public enum TaskState
{
    /** Created and planned; no driver has run yet. */
    PLANNED(false),
    /** Drivers run. */
    RUNNING(false),
    /** Every driver is done; the consumers are taking the last output pages. */
    FLUSHING(false),
    /** Done, and every output page was taken. */
    FINISHED(true),
    /** Stopped by its query's cancellation. */
    CANCELED(true),
    /** Stopped because its query failed elsewhere or no longer needs it. */
    ABORTED(true),
    /** Failed by an error of its own (see the status's failures). */
    FAILED(true);

    private final boolean done;

    TaskState(boolean done)
    {
        this.done = done;
    }

    public boolean isDone()
    {
        return done;
    }
}
