package io.strata.core.execution.task;

/**
 * A task's counters, from its drivers' and operators' measurements.
 *
 * @param queuedSplits splits assigned whose driver has not run yet
 * @param runningSplits splits whose driver runs or waits
 * @param completedSplits splits whose driver is done
 * @param processedInputRows rows its table scans read from connectors
 * @param outputRows rows it put into its output buffer
 * @param memoryBytes memory its query holds on this node now
 * @param peakMemoryBytes the most memory its query held on this node
 */
public record TaskStatistics(
        int queuedSplits,
        int runningSplits,
        int completedSplits,
        long cpuNanos,
        long scheduledNanos,
        long processedInputRows,
        long processedInputBytes,
        long outputRows,
        long outputBytes,
        long memoryBytes,
        long peakMemoryBytes)
{
    public static final TaskStatistics EMPTY = new TaskStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
