package io.strata.spi.connector;

import java.util.List;

/**
 * Splits handed out lazily, in batches, so that a scheduler never needs a table's whole split list.
 */
public interface ConnectorSplitSource
        extends AutoCloseable
{
    /** Up to {@code maxSize} more splits; empty only when {@link #isFinished()}. */
    List<ConnectorSplit> nextBatch(int maxSize);

    boolean isFinished();

    @Override
    default void close() {}
}
