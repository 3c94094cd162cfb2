package io.strata.core.execution.executor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * A task as the executor sees it: the time its drivers ran (which sets its level), and whether it was
 * removed (its queued drivers are then dropped).
 */
public final class TaskHandle
{
    private static final long[] LEVEL_THRESHOLDS_NANOS = {0, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L, 300_000_000_000L};

    private final String taskId;
    private final AtomicLong scheduledNanos = new AtomicLong();
    private final AtomicBoolean removed = new AtomicBoolean();

    TaskHandle(String taskId)
    {
        this.taskId = requireNonNull(taskId, "taskId is null");
    }

    public String taskId()
    {
        return taskId;
    }

    void addScheduledNanos(long nanos)
    {
        scheduledNanos.addAndGet(nanos);
    }

    public long scheduledNanos()
    {
        return scheduledNanos.get();
    }

    /** 0 for a task that ran less than a second, up to 4 for one that ran more than five minutes. */
    int level()
    {
        long nanos = scheduledNanos.get();
        int level = 0;
        for (int i = 1; i < LEVEL_THRESHOLDS_NANOS.length; i++) {
            if (nanos >= LEVEL_THRESHOLDS_NANOS[i]) {
                level = i;
            }
        }
        return level;
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
