package io.strata.core.execution.executor;

import static java.util.Objects.requireNonNull;

/**
 * How the executor has treated one task so far.
 *
 * @param level the task's level in the multilevel queue (0 to 4)
 * @param scheduledNanos wall time its drivers were scheduled, over the quanta that ended
 * @param quanta quanta that ended
 * @param queuedDrivers drivers waiting for a thread
 * @param runningDrivers drivers on a thread now
 * @param blockedDrivers drivers waiting, off the queue, for their blocked future
 */
public record TaskExecutionStats(String taskId, int level, long scheduledNanos, long quanta, int queuedDrivers, int runningDrivers, int blockedDrivers)
{
    public TaskExecutionStats
    {
        requireNonNull(taskId, "taskId is null");
    }
}
