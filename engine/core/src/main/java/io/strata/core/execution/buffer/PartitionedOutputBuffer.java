package io.strata.core.execution.buffer;

import io.strata.spi.block.Page;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * An output buffer of one or more partitions, each read by one consumer (buffer id {@code i} reads partition
 * {@code i}). A task with a single consumer, such as the root of a query, has one partition. Pages count
 * against the limit by their retained size from when they are added until they are acknowledged.
 */
public final class PartitionedOutputBuffer
        implements OutputBuffer
{
    private static final CompletableFuture<Void> NOT_FULL = CompletableFuture.completedFuture(null);

    private final String taskInstanceId;
    private final long maxBufferedBytes;
    private final Partition[] partitions;
    private final List<Runnable> stateChangeListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private BufferState state = BufferState.OPEN;
    // guarded by this
    private Throwable failureCause;
    // guarded by this
    private long bufferedBytes;
    // guarded by this
    private long bufferedPages;
    // guarded by this
    private long totalPagesAdded;
    // guarded by this
    private long totalRowsAdded;
    // guarded by this
    private long totalBytesAdded;
    // guarded by this
    private CompletableFuture<Void> notFull = NOT_FULL;

    public PartitionedOutputBuffer(String taskInstanceId, int partitionCount, long maxBufferedBytes)
    {
        this.taskInstanceId = requireNonNull(taskInstanceId, "taskInstanceId is null");
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a buffer needs a partition");
        }
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive");
        }
        this.maxBufferedBytes = maxBufferedBytes;
        this.partitions = new Partition[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            partitions[i] = new Partition();
        }
    }

    /** Runs the listener (on the thread that changed it, outside the buffer's lock) after each change of state. */
    public void addStateChangeListener(Runnable listener)
    {
        stateChangeListeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void enqueue(int partition, Page page)
    {
        List<Completion> completions;
        synchronized (this) {
            if (state == BufferState.FAILED) {
                return;
            }
            if (state != BufferState.OPEN) {
                throw new IllegalStateException("page added after no more pages");
            }
            Partition target = partitions[partition];
            long size = page.retainedSizeInBytes();
            target.pages.addLast(page);
            target.sizes.addLast(size);
            bufferedBytes += size;
            bufferedPages++;
            totalPagesAdded++;
            totalRowsAdded += page.positionCount();
            totalBytesAdded += page.sizeInBytes();
            completions = serviceReads(target);
        }
        complete(completions);
    }

    @Override
    public int partitionCount()
    {
        return partitions.length;
    }

    @Override
    public synchronized CompletableFuture<Void> isFull()
    {
        if (bufferedBytes < maxBufferedBytes || state.isDone()) {
            return NOT_FULL;
        }
        if (notFull.isDone()) {
            notFull = new CompletableFuture<>();
        }
        return notFull;
    }

    @Override
    public void setNoMorePages()
    {
        List<Completion> completions = new ArrayList<>();
        boolean changed;
        synchronized (this) {
            changed = state == BufferState.OPEN;
            if (changed) {
                state = BufferState.FLUSHING;
                for (Partition partition : partitions) {
                    completions.addAll(serviceReads(partition));
                }
                checkFinished();
            }
        }
        complete(completions);
        if (changed) {
            fireStateChange();
        }
    }

    @Override
    public CompletableFuture<BufferResult> get(OutputBufferId bufferId, long token, long maxBytes)
    {
        BufferState before;
        CompletableFuture<BufferResult> result;
        CompletableFuture<Void> released;
        synchronized (this) {
            before = state;
            if (state == BufferState.FAILED) {
                return CompletableFuture.failedFuture(failureCause);
            }
            Partition partition = partition(bufferId);
            released = acknowledgeLocked(partition, token);
            BufferResult ready = read(partition, token, maxBytes);
            if (ready != null) {
                result = CompletableFuture.completedFuture(ready);
            }
            else {
                result = new CompletableFuture<>();
                partition.pendingReads.add(new PendingRead(token, maxBytes, result));
            }
        }
        released.complete(null);
        if (before != state()) {
            fireStateChange();
        }
        return result;
    }

    @Override
    public void acknowledge(OutputBufferId bufferId, long token)
    {
        BufferState before;
        CompletableFuture<Void> released;
        synchronized (this) {
            before = state;
            if (state == BufferState.FAILED) {
                return;
            }
            released = acknowledgeLocked(partition(bufferId), token);
        }
        released.complete(null);
        if (before != state()) {
            fireStateChange();
        }
    }

    @Override
    public void fail(Throwable cause)
    {
        requireNonNull(cause, "cause is null");
        List<CompletableFuture<BufferResult>> reads = new ArrayList<>();
        CompletableFuture<Void> released;
        synchronized (this) {
            if (state == BufferState.FAILED || state == BufferState.FINISHED) {
                return;
            }
            state = BufferState.FAILED;
            failureCause = cause;
            for (Partition partition : partitions) {
                partition.pages.clear();
                partition.sizes.clear();
                for (PendingRead read : partition.pendingReads) {
                    reads.add(read.future);
                }
                partition.pendingReads.clear();
            }
            bufferedBytes = 0;
            bufferedPages = 0;
            released = notFull;
        }
        for (CompletableFuture<BufferResult> read : reads) {
            read.completeExceptionally(cause);
        }
        released.complete(null);
        fireStateChange();
    }

    @Override
    public synchronized BufferState state()
    {
        return state;
    }

    @Override
    public synchronized OutputBufferStatistics statistics()
    {
        return new OutputBufferStatistics(state, bufferedBytes, bufferedPages, totalPagesAdded, totalRowsAdded, totalBytesAdded);
    }

    private Partition partition(OutputBufferId bufferId)
    {
        if (bufferId.id() >= partitions.length) {
            throw new IllegalArgumentException("no output buffer " + bufferId + "; the task has " + partitions.length);
        }
        return partitions[bufferId.id()];
    }

    /** Drops the partition's pages before {@code token}; returns the producers' future to release, if any. */
    private CompletableFuture<Void> acknowledgeLocked(Partition partition, long token)
    {
        while (partition.firstSequence < token && !partition.pages.isEmpty()) {
            partition.pages.removeFirst();
            bufferedBytes -= partition.sizes.removeFirst();
            bufferedPages--;
            partition.firstSequence++;
        }
        checkFinished();
        if (bufferedBytes < maxBufferedBytes && !notFull.isDone()) {
            return notFull;
        }
        return new CompletableFuture<>();
    }

    private void checkFinished()
    {
        if (state != BufferState.FLUSHING) {
            return;
        }
        for (Partition partition : partitions) {
            if (!partition.pages.isEmpty()) {
                return;
            }
        }
        state = BufferState.FINISHED;
    }

    /** The pages from {@code token} on, or a completion marker, or null when the read must wait. */
    private BufferResult read(Partition partition, long token, long maxBytes)
    {
        if (token < partition.firstSequence) {
            // pages before the first held one were acknowledged: nothing can be sent for this token
            return BufferResult.empty(taskInstanceId, token, false);
        }
        long index = token - partition.firstSequence;
        if (index < partition.pages.size()) {
            List<Page> pages = new ArrayList<>();
            long bytes = 0;
            int position = 0;
            for (Page page : partition.pages) {
                if (position++ < index) {
                    continue;
                }
                if (!pages.isEmpty() && bytes + page.sizeInBytes() > maxBytes) {
                    break;
                }
                pages.add(page);
                bytes += page.sizeInBytes();
            }
            return new BufferResult(taskInstanceId, token, token + pages.size(), false, pages);
        }
        if (state != BufferState.OPEN) {
            return BufferResult.empty(taskInstanceId, token, true);
        }
        return null;
    }

    private List<Completion> serviceReads(Partition partition)
    {
        List<Completion> completions = new ArrayList<>();
        List<PendingRead> waiting = new ArrayList<>(partition.pendingReads);
        partition.pendingReads.clear();
        for (PendingRead read : waiting) {
            BufferResult result = read(partition, read.token, read.maxBytes);
            if (result == null) {
                partition.pendingReads.add(read);
            }
            else {
                completions.add(new Completion(read.future, result));
            }
        }
        return completions;
    }

    private static void complete(List<Completion> completions)
    {
        for (Completion completion : completions) {
            completion.future.complete(completion.result);
        }
    }

    private void fireStateChange()
    {
        for (Runnable listener : stateChangeListeners) {
            listener.run();
        }
    }

    private static final class Partition
    {
        private final Deque<Page> pages = new ArrayDeque<>();
        private final Deque<Long> sizes = new ArrayDeque<>();
        private final List<PendingRead> pendingReads = new ArrayList<>();
        private long firstSequence;
    }

    private record PendingRead(long token, long maxBytes, CompletableFuture<BufferResult> future) {}

    private record Completion(CompletableFuture<BufferResult> future, BufferResult result) {}
}
