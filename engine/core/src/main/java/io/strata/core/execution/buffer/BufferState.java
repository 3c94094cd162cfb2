package io.strata.core.execution.buffer;

/**
 * The life of an output buffer.
 */
public enum BufferState
{
    /** Producers may add pages. */
    OPEN(false),
    /** No more pages will be added; the consumers are draining what is left. */
    FLUSHING(false),
    /** Every page was produced and acknowledged. */
    FINISHED(true),
    /** The task failed or was aborted; pages were dropped. */
    FAILED(true);

    private final boolean done;

    BufferState(boolean done)
    {
        this.done = done;
    }

    public boolean isDone()
    {
        return done;
    }
}
