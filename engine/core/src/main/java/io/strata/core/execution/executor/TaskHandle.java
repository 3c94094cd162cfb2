package io.strata.core.execution.executor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A task as the executor sees it: the time its drivers ran (which sets its level), where its drivers are
 * (queued, running, blocked), and whether it was removed (its queued drivers are then dropped).
 */
public final class TaskHandle
{
    private final String taskId;
    private final LevelSchedule schedule;
    private final AtomicLong scheduledNanos = new AtomicLong();
    private final AtomicLong quanta = new AtomicLong();
    private final AtomicInteger queuedDrivers = new AtomicInteger();
    private final AtomicInteger runningDrivers = new AtomicInteger();
    private final AtomicInteger blockedDrivers = new AtomicInteger();
    private final AtomicBoolean removed = new AtomicBoolean();

    TaskHandle(String taskId, LevelSchedule schedule)
    {
        this.taskId = requireNonNull(taskId, "taskId is null");
        this.schedule = requireNonNull(schedule, "schedule is null");
    }

    public String taskId()
    {
        return taskId;
    }

    /** Charges a quantum that ended to the task. */
    void addScheduledNanos(long nanos)
    {
        scheduledNanos.addAndGet(Math.max(0, nanos));
        quanta.incrementAndGet();
    }

    /** The wall time the task's drivers were scheduled for, summed over the quanta that ended. */
    public long scheduledNanos()
    {
        return scheduledNanos.get();
    }

    /** The task's level in the executor's queue: 0 for a task that has run less than the first threshold, up to 4. */
    public int level()
    {
        return schedule.levelOf(scheduledNanos.get());
    }

    /** A snapshot of the task's scheduling state (its counters are read one after the other, not atomically together). */
    public TaskExecutionStats stats()
    {
        long nanos = scheduledNanos.get();
        return new TaskExecutionStats(taskId, schedule.levelOf(nanos), nanos, quanta.get(),
                queuedDrivers.get(), runningDrivers.get(), blockedDrivers.get());
    }

    AtomicInteger queuedDrivers()
    {
        return queuedDrivers;
    }

    AtomicInteger runningDrivers()
    {
        return runningDrivers;
    }

    AtomicInteger blockedDrivers()
    {
        return blockedDrivers;
    }

    boolean isRemoved()
    {
        return removed.get();
    }

    void remove()
    {
        removed.set(true);
    }
}
