package io.strata.core.execution.driver;

/**
 * A snapshot of a pipeline's counters, summed over its drivers.
 *
 * @param queuedDrivers drivers created but not yet run (for a source pipeline: splits waiting)
 * @param runningDrivers drivers that ran at least one quantum and are not done
 * @param completedDrivers drivers done
 * @param rawInputPositions rows its sources read from outside the task (connectors, remote exchanges)
 * @param peakMemoryBytes the largest memory any one of its operators held
 */
public record PipelineStatistics(
        int queuedDrivers,
        int runningDrivers,
        int completedDrivers,
        long cpuNanos,
        long wallNanos,
        long rawInputPositions,
        long rawInputBytes,
        long peakMemoryBytes)
{
    public static final PipelineStatistics EMPTY = new PipelineStatistics(0, 0, 0, 0, 0, 0, 0, 0);

    public PipelineStatistics add(PipelineStatistics other)
    {
        return new PipelineStatistics(
                queuedDrivers + other.queuedDrivers,
                runningDrivers + other.runningDrivers,
                completedDrivers + other.completedDrivers,
                cpuNanos + other.cpuNanos,
                wallNanos + other.wallNanos,
                rawInputPositions + other.rawInputPositions,
                rawInputBytes + other.rawInputBytes,
                Math.max(peakMemoryBytes, other.peakMemoryBytes));
    }
}
