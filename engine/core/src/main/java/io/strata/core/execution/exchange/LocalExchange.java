package io.strata.core.execution.exchange;

import io.strata.spi.block.Page;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded queue of pages from any number of sinks (the drivers of one pipeline, whose number is known only
 * when the pipeline makes no more drivers) to the source of the next pipeline. Finished when every sink
 * finished and the queue is drained. When the source closes early (a limit above it was reached), the
 * pages are dropped and the sinks finish, which ends the upstream drivers. Thread-safe.
 */
public final class LocalExchange
{
    private static final CompletableFuture<Void> NOT_BLOCKED = CompletableFuture.completedFuture(null);

    private final long maxBufferedBytes;

    // guarded by this
    private final Deque<Page> pages = new ArrayDeque<>();
    // guarded by this
    private long bufferedBytes;
    // guarded by this
    private int openSinks;
    // guarded by this
    private boolean noMoreSinks;
    // guarded by this: sink factories (pipelines) that may still make sinks
    private int openSinkFactories;
    // guarded by this
    private boolean sourceClosed;
    // guarded by this
    private CompletableFuture<Void> notFull = NOT_BLOCKED;
    // guarded by this
    private CompletableFuture<Void> notEmpty = new CompletableFuture<>();

    public LocalExchange(long maxBufferedBytes)
    {
        this(maxBufferedBytes, 1);
    }

    /**
     * An exchange fed by {@code sinkFactories} pipelines (a union's inputs): it has no more sinks once each of
     * their sink factories said so.
     */
    public LocalExchange(long maxBufferedBytes, int sinkFactories)
    {
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive");
        }
        if (sinkFactories < 1) {
            throw new IllegalArgumentException("sinkFactories must be positive");
        }
        this.maxBufferedBytes = maxBufferedBytes;
        this.openSinkFactories = sinkFactories;
    }

    synchronized void addSink()
    {
        if (noMoreSinks) {
            throw new IllegalStateException("sink added after no more sinks");
        }
        openSinks++;
    }

    void noMoreSinks()
    {
        CompletableFuture<Void> wake;
        synchronized (this) {
            openSinkFactories--;
            noMoreSinks = openSinkFactories <= 0;
            wake = finishedLocked() ? notEmpty : null;
        }
        if (wake != null) {
            wake.complete(null);
        }
    }

    void sinkFinished()
    {
        CompletableFuture<Void> wake;
        synchronized (this) {
            openSinks--;
            wake = finishedLocked() ? notEmpty : null;
        }
        if (wake != null) {
            wake.complete(null);
        }
    }

    void addPage(Page page)
    {
        CompletableFuture<Void> wake;
        synchronized (this) {
            if (sourceClosed) {
                return;
            }
            pages.addLast(page);
            bufferedBytes += page.retainedSizeInBytes();
            wake = notEmpty;
        }
        wake.complete(null);
    }

    /** The next page, or null when none is queued. */
    Page poll()
    {
        Page page;
        CompletableFuture<Void> wake = null;
        synchronized (this) {
            page = pages.pollFirst();
            if (page == null) {
                return null;
            }
            bufferedBytes -= page.retainedSizeInBytes();
            if (bufferedBytes < maxBufferedBytes) {
                wake = notFull;
            }
        }
        if (wake != null) {
            wake.complete(null);
        }
        return page;
    }

    synchronized CompletableFuture<Void> sinkBlocked()
    {
        if (bufferedBytes < maxBufferedBytes || sourceClosed) {
            return NOT_BLOCKED;
        }
        if (notFull.isDone()) {
            notFull = new CompletableFuture<>();
        }
        return notFull;
    }

    synchronized CompletableFuture<Void> sourceBlocked()
    {
        if (!pages.isEmpty() || finishedLocked()) {
            return NOT_BLOCKED;
        }
        if (notEmpty.isDone()) {
            notEmpty = new CompletableFuture<>();
        }
        return notEmpty;
    }

    synchronized boolean isFinished()
    {
        return finishedLocked() && pages.isEmpty();
    }

    synchronized boolean isSourceClosed()
    {
        return sourceClosed;
    }

    void closeSource()
    {
        CompletableFuture<Void> wake;
        synchronized (this) {
            sourceClosed = true;
            pages.clear();
            bufferedBytes = 0;
            wake = notFull;
        }
        wake.complete(null);
    }

    private boolean finishedLocked()
    {
        return sourceClosed || (noMoreSinks && openSinks == 0);
    }
}
