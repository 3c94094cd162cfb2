package io.strata.core.execution.driver;

import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;

/**
 * One step of a pipeline, transforming pages. An operator is driven by one {@link Driver} at a time (never
 * concurrently), which only calls these methods; it holds state across calls, and the page protocol is:
 * while {@link #needsInput()}, the driver may {@link #addInput} a page; it polls {@link #getOutput()};
 * once the upstream operator is finished it calls {@link #finish()}; the operator is done when
 * {@link #isFinished()}. Errors are thrown as exceptions (a {@code StrataException} for user errors) and
 * fail the task.
 */
public interface Operator
        extends AutoCloseable
{
    /** The future of an operator that is not blocked. Completed; never to be completed again. */
    CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);

    OperatorContext operatorContext();

    /**
     * A future that completes when the operator can make progress again (its output buffer has room, data
     * arrived from another pipeline, memory was freed), or {@link #NOT_BLOCKED}. While it is not done the
     * driver calls neither {@link #addInput} nor {@link #getOutput()} on this operator.
     */
    default CompletableFuture<Void> isBlocked()
    {
        return NOT_BLOCKED;
    }

    /**
     * Whether the operator accepts a page now. False once {@link #finish()} was called. A source operator
     * (the first of a pipeline) never needs input.
     */
    boolean needsInput();

    /**
     * Hands the operator a page; only called when {@link #needsInput()} just returned true. The page is
     * immutable and may be kept.
     */
    void addInput(Page page);

    /**
     * The next output page, or {@code null} when there is none now (more input or {@link #finish()} is
     * needed first, or the operator is a sink). The driver drops an empty page.
     */
    Page getOutput();

    /**
     * Tells the operator no more input will come: it may now produce output it held back (an aggregation's
     * groups, a sort's rows). Idempotent: the driver may call it again.
     */
    void finish();

    /** Whether the operator will produce no more output: finished and drained. */
    boolean isFinished();

    /**
     * Releases the operator's resources (memory reservations, connector page sources). Called once, when the
     * driver ends, finished or not; also on abort. Must not throw for an unfinished operator.
     */
    @Override
    default void close() {}
}
