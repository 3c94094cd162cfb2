package io.strata.core.execution.executor;

import io.strata.core.execution.driver.Driver;

import static java.util.Objects.requireNonNull;

/**
 * A driver waiting in the queue for its next quantum, at the level its task had when the driver was queued.
 * Within a level, the task that has run least goes first (then the driver queued first).
 */
final class QueuedDriver
        implements Comparable<QueuedDriver>
{
    final TaskHandle handle;
    final Driver driver;
    final DriverListener listener;
    final int level;
    private final long taskScheduledNanos;
    private final long sequence;

    QueuedDriver(TaskHandle handle, Driver driver, DriverListener listener, int level, long taskScheduledNanos, long sequence)
    {
        this.handle = requireNonNull(handle, "handle is null");
        this.driver = requireNonNull(driver, "driver is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.level = level;
        this.taskScheduledNanos = taskScheduledNanos;
        this.sequence = sequence;
    }

    /** Orders by level, then by the task's scheduled time when queued (not by arrival). */
    int compareLevelAndTime(QueuedDriver other)
    {
        int comparison = Integer.compare(level, other.level);
        return comparison != 0 ? comparison : Long.compare(taskScheduledNanos, other.taskScheduledNanos);
    }

    @Override
    public int compareTo(QueuedDriver other)
    {
        int comparison = Long.compare(taskScheduledNanos, other.taskScheduledNanos);
        return comparison != 0 ? comparison : Long.compare(sequence, other.sequence);
    }
}
