package io.strata.core.execution.executor;

import io.strata.core.execution.driver.Driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs drivers on a fixed number of threads, one quantum at a time (a quantum ends at the first page boundary
 * after it expired, see {@link Driver#processFor}). Queued drivers wait in a multilevel feedback queue
 * ({@link MultilevelDriverQueue}) over their task's scheduled time: a driver's quantum is charged to its task
 * when the quantum ends, which can move the task to a higher level. Blocked drivers wait outside the queue, on
 * their future, and are queued again when it completes.
 */
public final class TaskExecutor
        implements AutoCloseable
{
    private final long quantumNanos;
    private final LevelSchedule schedule;
    private final MultilevelDriverQueue queue;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger runningDrivers = new AtomicInteger();
    private final AtomicInteger blockedDrivers = new AtomicInteger();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<RunningQuantum> runningQuanta = ConcurrentHashMap.newKeySet();
    private volatile long startNanos;

    /** An executor with Presto's levels (0, 1 s, 10 s, 60 s, 300 s; each level twice the time of the next). */
    public TaskExecutor(int threadCount, long quantumNanos)
    {
        this(threadCount, quantumNanos, LevelSchedule.defaults());
    }

    public TaskExecutor(int threadCount, long quantumNanos, LevelSchedule schedule)
    {
        if (threadCount < 1) {
            throw new IllegalArgumentException("threadCount must be at least 1: " + threadCount);
        }
        if (quantumNanos <= 0) {
            throw new IllegalArgumentException("quantumNanos must be positive: " + quantumNanos);
        }
        this.quantumNanos = quantumNanos;
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.queue = new MultilevelDriverQueue(schedule);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::runLoop, "strata-task-executor-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** Starts the threads; separate from the constructor so that no thread sees a half-built executor. */
    public TaskExecutor start()
    {
        startNanos = System.nanoTime();
        for (Thread thread : threads) {
            thread.start();
        }
        return this;
    }

    public TaskHandle addTask(String taskId)
    {
        return new TaskHandle(taskId, schedule);
    }

    /** Drops the task's queued drivers; its blocked drivers are dropped when they wake. The task closes its drivers. */
    public void removeTask(TaskHandle handle)
    {
        handle.remove();
        int dropped = queue.removeIf(queued -> queued.handle == handle).size();
        handle.queuedDrivers().addAndGet(-dropped);
    }

    public void enqueueDriver(TaskHandle handle, Driver driver, DriverListener listener)
    {
        requireNonNull(handle, "handle is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(listener, "listener is null");
        if (handle.isRemoved() || closed.get()) {
            return;
        }
        handle.queuedDrivers().incrementAndGet();
        QueuedDriver queued = queuedDriver(handle, driver, listener);
        if (queue.offer(queued)) {
            makeWayFor(queued);
        }
        else {
            handle.queuedDrivers().decrementAndGet();
        }
    }

    /**
     * When every thread is busy, asks the running driver that should most go after the new one to end its quantum
     * at its next page boundary: one of a higher level, if the level shares let the new driver's level go first,
     * else one of another task at the same level that has run longer. So a short query waits for a page, not for
     * a quantum; a long one yields no more than the level shares allow.
     */
    private void makeWayFor(QueuedDriver queued)
    {
        if (queue.idleThreads() > 0) {
            return;
        }
        RunningQuantum victim = null;
        for (RunningQuantum running : runningQuanta) {
            if (running.yieldRequested || running.queued.handle == queued.handle || !running.goesAfter(queued)) {
                continue;
            }
            if (victim == null || running.goesAfter(victim.queued)) {
                victim = running;
            }
        }
        if (victim != null && (victim.queued.level == queued.level || queue.levelGoesFirst(queued.level, victim.queued.level))) {
            victim.yieldRequested = true;
        }
    }

    private QueuedDriver queuedDriver(TaskHandle handle, Driver driver, DriverListener listener)
    {
        long taskNanos = handle.scheduledNanos();
        return new QueuedDriver(handle, driver, listener, schedule.levelOf(taskNanos), taskNanos, sequence.getAndIncrement());
    }

    public int queuedDrivers()
    {
        return stats().queuedDrivers();
    }

    public int runningDrivers()
    {
        return runningDrivers.get();
    }

    public TaskExecutorStats stats()
    {
        long start = startNanos;
        return new TaskExecutorStats(threads.size(), queue.queuedPerLevel(), queue.scheduledNanosPerLevel(), runningDrivers.get(),
                blockedDrivers.get(), busyNanos.get(), start == 0 ? 0 : System.nanoTime() - start);
    }

    private void runLoop()
    {
        while (!closed.get()) {
            QueuedDriver queued;
            try {
                queued = queue.take(1, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (queued == null) {
                continue;
            }
            queued.handle.queuedDrivers().decrementAndGet();
            if (queued.handle.isRemoved()) {
                queue.quantumEnded(queued.level, 0, null);
                continue;
            }
            runQuantum(queued);
        }
    }

    // the future whenComplete returns only mirrors the blocked one: nothing to observe there
    @SuppressWarnings("FutureReturnValueIgnored")
    private void runQuantum(QueuedDriver queued)
    {
        TaskHandle handle = queued.handle;
        Driver driver = queued.driver;
        CompletableFuture<Void> blocked;
        long start = System.nanoTime();
        runningDrivers.incrementAndGet();
        handle.runningDrivers().incrementAndGet();
        RunningQuantum running = new RunningQuantum(queued);
        runningQuanta.add(running);
        try {
            blocked = driver.processFor(quantumNanos, running);
        }
        catch (RuntimeException | Error e) {
            runningQuanta.remove(running);
            endQuantum(queued, start, null);
            queued.listener.driverFailed(e);
            return;
        }
        runningQuanta.remove(running);
        if (driver.isFinished()) {
            endQuantum(queued, start, null);
            queued.listener.driverFinished();
            return;
        }
        if (blocked.isDone()) {
            // charged first, so that the next turn is queued at the task's new level
            endQuantum(queued, start, handle);
            return;
        }
        handle.blockedDrivers().incrementAndGet();
        blockedDrivers.incrementAndGet();
        endQuantum(queued, start, null);
        // a blocked future that fails requeues the driver too: its next quantum finds out what happened
        blocked.whenComplete((ignored, failure) -> {
            handle.blockedDrivers().decrementAndGet();
            blockedDrivers.decrementAndGet();
            enqueueDriver(handle, driver, queued.listener);
        });
    }

    /** Charges the quantum to the task and its level; queues the driver's next turn if {@code requeue} is its task. */
    private void endQuantum(QueuedDriver queued, long start, TaskHandle requeue)
    {
        long nanos = System.nanoTime() - start;
        TaskHandle handle = queued.handle;
        handle.addScheduledNanos(nanos);
        busyNanos.addAndGet(nanos);
        QueuedDriver next = null;
        if (requeue != null && !handle.isRemoved() && !closed.get()) {
            next = queuedDriver(handle, queued.driver, queued.listener);
            handle.queuedDrivers().incrementAndGet();
        }
        // no need to make way for the next turn: this thread takes the best queued driver right away
        if (!queue.quantumEnded(queued.level, nanos, next) && next != null) {
            handle.queuedDrivers().decrementAndGet();
        }
        handle.runningDrivers().decrementAndGet();
        runningDrivers.decrementAndGet();
    }

    @Override
    public void close()
    {
        if (closed.compareAndSet(false, true)) {
            for (QueuedDriver dropped : queue.close()) {
                dropped.handle.queuedDrivers().decrementAndGet();
            }
            for (Thread thread : threads) {
                thread.interrupt();
            }
        }
    }

    /** A driver on a thread; the executor sets {@code yieldRequested} to end its quantum at the next page. */
    private static final class RunningQuantum
            implements BooleanSupplier
    {
        private final QueuedDriver queued;
        private volatile boolean yieldRequested;

        RunningQuantum(QueuedDriver queued)
        {
            this.queued = queued;
        }

        /** Whether {@code other} should run before this: it is of a lower level, or of the same level and its task ran less. */
        boolean goesAfter(QueuedDriver other)
        {
            return queued.compareLevelAndTime(other) > 0;
        }

        @Override
        public boolean getAsBoolean()
        {
            return yieldRequested;
        }
    }

    /** Waits for the threads to end after {@link #close()} (a thread ends when its current quantum does); true if they all did. */
    public boolean awaitTermination(long timeout, TimeUnit unit)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Thread thread : threads) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
