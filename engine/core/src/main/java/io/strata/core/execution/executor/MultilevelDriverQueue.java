package io.strata.core.execution.executor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * The multilevel feedback queue of the task executor. Each level keeps the thread time its drivers used; the next
 * driver comes from the non-empty level that is furthest behind its share, a level's share being
 * {@code levelTimeMultiplier} times the next one's. Comparing used time with shares (rather than always taking the
 * lowest level) is what keeps long queries moving while short ones keep arriving.
 * <p>
 * A level that had no driver (queued or running) and gets one starts level with the least-served active level:
 * time it did not use while idle is no credit, or it would take every thread until it caught up.
 */
final class MultilevelDriverQueue
{
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    // multiplier^level: a level's used time times its weight is comparable across levels
    private final double[] weights = new double[LevelSchedule.LEVELS];
    // guarded by lock
    private final List<PriorityQueue<QueuedDriver>> levels = new ArrayList<>();
    // guarded by lock
    private final long[] levelScheduledNanos = new long[LevelSchedule.LEVELS];
    // guarded by lock: drivers taken from the level whose quantum has not ended
    private final int[] levelRunning = new int[LevelSchedule.LEVELS];
    // guarded by lock
    private boolean closed;
    // threads waiting in take: while there is one, nothing needs to make way for a new driver
    private final AtomicInteger idleThreads = new AtomicInteger();

    MultilevelDriverQueue(LevelSchedule schedule)
    {
        requireNonNull(schedule, "schedule is null");
        for (int level = 0; level < LevelSchedule.LEVELS; level++) {
            weights[level] = Math.pow(schedule.levelTimeMultiplier(), level);
            levels.add(new PriorityQueue<>());
        }
    }

    /** Queues a driver; false when the queue is closed. */
    boolean offer(QueuedDriver driver)
    {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            add(driver);
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    // guarded by lock
    private void add(QueuedDriver driver)
    {
        if (levels.get(driver.level).isEmpty() && levelRunning[driver.level] == 0) {
            catchUp(driver.level);
        }
        levels.get(driver.level).add(driver);
        notEmpty.signal();
    }

    // guarded by lock
    private void catchUp(int idleLevel)
    {
        double least = Double.POSITIVE_INFINITY;
        for (int level = 0; level < LevelSchedule.LEVELS; level++) {
            if (level != idleLevel && isActive(level)) {
                least = Math.min(least, levelScheduledNanos[level] * weights[level]);
            }
        }
        if (least != Double.POSITIVE_INFINITY) {
            levelScheduledNanos[idleLevel] = (long) (least / weights[idleLevel]);
        }
    }

    // guarded by lock
    private boolean isActive(int level)
    {
        return !levels.get(level).isEmpty() || levelRunning[level] > 0;
    }

    /**
     * The next driver to run, counted as running at its level until {@link #quantumEnded}; null when the queue
     * stayed empty for {@code timeout} or is closed.
     */
    QueuedDriver take(long timeout, TimeUnit unit)
            throws InterruptedException
    {
        long remaining = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!closed) {
                int level = nextLevel();
                if (level >= 0) {
                    levelRunning[level]++;
                    return levels.get(level).poll();
                }
                if (remaining <= 0) {
                    return null;
                }
                idleThreads.incrementAndGet();
                try {
                    remaining = notEmpty.awaitNanos(remaining);
                }
                finally {
                    idleThreads.decrementAndGet();
                }
            }
            return null;
        }
        finally {
            lock.unlock();
        }
    }

    // guarded by lock; ties go to the lower level
    private int nextLevel()
    {
        int best = -1;
        double bestTime = Double.POSITIVE_INFINITY;
        for (int level = 0; level < LevelSchedule.LEVELS; level++) {
            if (!levels.get(level).isEmpty()) {
                double time = levelScheduledNanos[level] * weights[level];
                if (time < bestTime) {
                    best = level;
                    bestTime = time;
                }
            }
        }
        return best;
    }

    /**
     * Ends the quantum of a driver taken at {@code level}: charges its time to the level and queues the driver's
     * next turn (null if it finished or blocked) in one step, so that a level whose driver goes on never looks
     * idle in between.
     *
     * @return whether {@code next} was queued (false when the queue is closed)
     */
    boolean quantumEnded(int level, long nanos, QueuedDriver next)
    {
        lock.lock();
        try {
            levelScheduledNanos[level] += Math.max(0, nanos);
            boolean queued = false;
            if (next != null && !closed) {
                add(next);
                queued = true;
            }
            levelRunning[level]--;
            return queued;
        }
        finally {
            lock.unlock();
        }
    }

    int idleThreads()
    {
        return idleThreads.get();
    }

    /**
     * Whether the share rule would now take a driver of {@code level} before one of the higher {@code otherLevel}:
     * {@code level} is not ahead of its share compared with {@code otherLevel}.
     */
    boolean levelGoesFirst(int level, int otherLevel)
    {
        lock.lock();
        try {
            return levelScheduledNanos[level] * weights[level] <= levelScheduledNanos[otherLevel] * weights[otherLevel];
        }
        finally {
            lock.unlock();
        }
    }

    /** Removes the queued drivers that match; returns them. */
    List<QueuedDriver> removeIf(Predicate<QueuedDriver> predicate)
    {
        List<QueuedDriver> removed = new ArrayList<>();
        lock.lock();
        try {
            for (PriorityQueue<QueuedDriver> level : levels) {
                Iterator<QueuedDriver> iterator = level.iterator();
                while (iterator.hasNext()) {
                    QueuedDriver driver = iterator.next();
                    if (predicate.test(driver)) {
                        iterator.remove();
                        removed.add(driver);
                    }
                }
            }
        }
        finally {
            lock.unlock();
        }
        return removed;
    }

    /** Drops every queued driver and wakes the waiting threads, which then return null from {@link #take}. */
    List<QueuedDriver> close()
    {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        }
        finally {
            lock.unlock();
        }
        return removeIf(driver -> true);
    }

    List<Integer> queuedPerLevel()
    {
        List<Integer> sizes = new ArrayList<>(LevelSchedule.LEVELS);
        lock.lock();
        try {
            for (PriorityQueue<QueuedDriver> level : levels) {
                sizes.add(level.size());
            }
        }
        finally {
            lock.unlock();
        }
        return sizes;
    }

    List<Long> scheduledNanosPerLevel()
    {
        List<Long> times = new ArrayList<>(LevelSchedule.LEVELS);
        lock.lock();
        try {
            for (long time : levelScheduledNanos) {
                times.add(time);
            }
        }
        finally {
            lock.unlock();
        }
        return times;
    }
}
