package io.strata.core.execution.executor;

import java.util.List;

/**
 * A snapshot of the executor.
 *
 * @param threads the executor's threads
 * @param queuedDriversPerLevel drivers waiting for a thread, per level (five entries)
 * @param levelScheduledNanos each level's used time as the share accounting counts it (a level that comes back
 * from idle is set level with the others, so these are not plain sums of quanta)
 * @param runningDrivers drivers on a thread now
 * @param blockedDrivers drivers waiting, off the queue, for their blocked future
 * @param busyNanos thread time spent in quanta that ended, since the executor started
 * @param uptimeNanos time since the executor started
 */
public record TaskExecutorStats(
        int threads,
        List<Integer> queuedDriversPerLevel,
        List<Long> levelScheduledNanos,
        int runningDrivers,
        int blockedDrivers,
        long busyNanos,
        long uptimeNanos)
{
    public TaskExecutorStats
    {
        queuedDriversPerLevel = List.copyOf(queuedDriversPerLevel);
        levelScheduledNanos = List.copyOf(levelScheduledNanos);
    }

    public int queuedDrivers()
    {
        return queuedDriversPerLevel.stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of the threads' time spent running drivers since the start, 0 to 1. */
    public double utilization()
    {
        if (uptimeNanos <= 0) {
            return 0;
        }
        return Math.min(1.0, busyNanos / ((double) threads * uptimeNanos));
    }
}
