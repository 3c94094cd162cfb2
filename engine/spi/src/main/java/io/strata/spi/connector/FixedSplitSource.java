package io.strata.spi.connector;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A split source over a list known up front.
 */
public final class FixedSplitSource
        implements ConnectorSplitSource
{
    private final List<ConnectorSplit> splits;
    private int next;

    public FixedSplitSource(List<? extends ConnectorSplit> splits)
    {
        this.splits = List.copyOf(requireNonNull(splits, "splits is null"));
    }

    @Override
    public synchronized List<ConnectorSplit> nextBatch(int maxSize)
    {
        int end = next + Math.min(splits.size() - next, maxSize);
        List<ConnectorSplit> batch = splits.subList(next, end);
        next = end;
        return batch;
    }

    @Override
    public synchronized boolean isFinished()
    {
        return next >= splits.size();
    }
}
