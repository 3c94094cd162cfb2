package io.strata.core.execution;

import io.strata.protocol.QueryState;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of a query's counters, from real measurements, as the client protocol's {@code StatementStats}
 * reports them.
 */
public record QueryStatistics(
        QueryState state,
        boolean scheduled,
        int nodes,
        int totalSplits,
        int queuedSplits,
        int runningSplits,
        int completedSplits,
        long cpuTimeMillis,
        long wallTimeMillis,
        long queuedTimeMillis,
        long elapsedTimeMillis,
        long processedRows,
        long processedBytes,
        long peakMemoryBytes)
{
    public QueryStatistics
    {
        requireNonNull(state, "state is null");
    }
}
