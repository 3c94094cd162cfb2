package io.strata.spi.connector;

import io.strata.spi.block.Page;

/**
 * Pages of one split. Not thread-safe: one driver reads it.
 */
public interface ConnectorPageSource
        extends AutoCloseable
{
    /** The next page, or {@code null} when none is ready now (check {@link #isFinished()}). */
    Page getNextPage();

    boolean isFinished();

    /** Bytes read from the source so far (input statistics). */
    long completedBytes();

    /** Rows read from the source so far, before any filter the source applies. */
    long completedPositions();

    /** Bytes of memory the source holds now. */
    default long memoryUsage()
    {
        return 0;
    }

    @Override
    default void close() {}
}
