package io.strata.core.execution.buffer;

import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;

/**
 * The pages a task produces for its consumers, one partition per consumer. Thread-safe. Producers add
 * pages while {@link #isFull()} is done; consumers read by token.
 */
public interface OutputBuffer
{
    /**
     * Adds a page to a partition. Ignored once the buffer failed (the task is ending).
     *
     * @throws IllegalStateException after {@link #setNoMorePages()}
     */
    void enqueue(int partition, Page page);

    /** The number of partitions (consumers) pages can go to. */
    int partitionCount();

    /**
     * Done while the buffer has room; otherwise completes when consumers acknowledged enough pages, or the
     * buffer ended.
     */
    CompletableFuture<Void> isFull();

    /** The producers are done: once consumers took every page, the buffer is finished. Idempotent. */
    void setNoMorePages();

    /**
     * The pages of a consumer's buffer from {@code token} on, at most about {@code maxBytes} (at least one
     * page when there is one). Acknowledges the pages before {@code token}. When there is no page yet, the
     * future completes when one is added or the buffer completes; it completes exceptionally when the buffer
     * fails.
     */
    CompletableFuture<BufferResult> get(OutputBufferId bufferId, long token, long maxBytes);

    /** Frees the consumer's pages before {@code token} without reading. */
    void acknowledge(OutputBufferId bufferId, long token);

    /**
     * The buffer ends with a failure: pages are dropped, pending reads complete exceptionally with
     * {@code cause}, blocked producers are released. Idempotent.
     */
    void fail(Throwable cause);

    BufferState state();

    OutputBufferStatistics statistics();
}
