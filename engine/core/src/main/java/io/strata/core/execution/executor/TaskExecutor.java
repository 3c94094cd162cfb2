package io.strata.core.execution.executor;

import io.strata.core.execution.driver.Driver;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Runs drivers on a fixed number of threads, one quantum at a time. Queued drivers are ordered by their
 * task's level, then by arrival. Blocked drivers wait outside the queue, on their future.
 */
public final class TaskExecutor
        implements AutoCloseable
{
    private final long quantumNanos;
    private final PriorityBlockingQueue<QueuedDriver> queue = new PriorityBlockingQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger runningDrivers = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    public TaskExecutor(int threadCount, long quantumNanos)
    {
        if (threadCount < 1) {
            throw new IllegalArgumentException("threadCount must be at least 1: " + threadCount);
        }
        if (quantumNanos <= 0) {
            throw new IllegalArgumentException("quantumNanos must be positive: " + quantumNanos);
        }
        this.quantumNanos = quantumNanos;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::runLoop, "strata-task-executor-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    /** Starts the threads; separate from the constructor so that no thread sees a half-built executor. */
    public TaskExecutor start()
    {
        for (Thread thread : threads) {
            thread.start();
        }
        return this;
    }

    public TaskHandle addTask(String taskId)
    {
        return new TaskHandle(taskId);
    }

    /** Drops the task's queued drivers; its blocked drivers are dropped when they wake. The task closes its drivers. */
    public void removeTask(TaskHandle handle)
    {
        handle.remove();
        queue.removeIf(queued -> queued.handle == handle);
    }

    public void enqueueDriver(TaskHandle handle, Driver driver, DriverListener listener)
    {
        requireNonNull(handle, "handle is null");
        requireNonNull(driver, "driver is null");
        requireNonNull(listener, "listener is null");
        enqueue(new QueuedDriver(handle, driver, listener, handle.level(), sequence.getAndIncrement()));
    }

    private void enqueue(QueuedDriver queued)
    {
        if (queued.handle.isRemoved() || closed.get()) {
            return;
        }
        queue.add(queued);
    }

    public int queuedDrivers()
    {
        return queue.size();
    }

    public int runningDrivers()
    {
        return runningDrivers.get();
    }

    private void runLoop()
    {
        while (!closed.get()) {
            QueuedDriver queued;
            try {
                queued = queue.poll(1, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (queued == null || queued.handle.isRemoved()) {
                continue;
            }
            runQuantum(queued);
        }
    }

    // the future whenComplete returns only mirrors the blocked one: nothing to observe there
    @SuppressWarnings("FutureReturnValueIgnored")
    private void runQuantum(QueuedDriver queued)
    {
        Driver driver = queued.driver;
        CompletableFuture<Void> blocked;
        long start = System.nanoTime();
        runningDrivers.incrementAndGet();
        try {
            blocked = driver.processFor(quantumNanos);
        }
        catch (RuntimeException | Error e) {
            queued.listener.driverFailed(e);
            return;
        }
        finally {
            runningDrivers.decrementAndGet();
            queued.handle.addScheduledNanos(System.nanoTime() - start);
        }
        if (driver.isFinished()) {
            queued.listener.driverFinished();
            return;
        }
        QueuedDriver next = new QueuedDriver(queued.handle, driver, queued.listener, queued.handle.level(), sequence.getAndIncrement());
        if (blocked.isDone()) {
            enqueue(next);
        }
        else {
            // a blocked future that fails requeues the driver too: its next quantum finds out what happened
            blocked.whenComplete((ignored, failure) -> enqueue(next));
        }
    }

    @Override
    public void close()
    {
        if (closed.compareAndSet(false, true)) {
            for (Thread thread : threads) {
                thread.interrupt();
            }
            queue.clear();
        }
    }

    private static final class QueuedDriver
            implements Comparable<QueuedDriver>
    {
        private final TaskHandle handle;
        private final Driver driver;
        private final DriverListener listener;
        private final int level;
        private final long sequence;

        QueuedDriver(TaskHandle handle, Driver driver, DriverListener listener, int level, long sequence)
        {
            this.handle = handle;
            this.driver = driver;
            this.listener = listener;
            this.level = level;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(QueuedDriver other)
        {
            int comparison = Integer.compare(level, other.level);
            return comparison != 0 ? comparison : Long.compare(sequence, other.sequence);
        }
    }
}
