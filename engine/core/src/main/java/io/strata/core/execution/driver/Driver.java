package io.strata.core.execution.driver;

import io.strata.core.execution.split.Split;
import io.strata.spi.block.Page;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Runs a chain of operators: moves each page from an operator to the next, tells an operator to finish when
 * the one before it is finished, and nothing else. A driver runs on one thread at a time, for a quantum at a
 * time ({@link #processFor}); when no operator can move it returns a future of when one can, so a blocked
 * driver never holds a thread.
 */
public final class Driver
        implements AutoCloseable
{
    private static final ThreadMXBean THREAD_MX_BEAN = ManagementFactory.getThreadMXBean();

    private final DriverContext driverContext;
    private final List<Operator> operators;
    private final SourceOperator sourceOperator;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Split> pendingSplits = new ArrayList<>();
    private boolean pendingNoMoreSplits;
    // operators before this index are finished and closed; only the running thread touches it
    private int firstActive;

    public Driver(DriverContext driverContext, List<Operator> operators)
    {
        this.driverContext = requireNonNull(driverContext, "driverContext is null");
        this.operators = List.copyOf(requireNonNull(operators, "operators is null"));
        if (this.operators.size() < 2) {
            throw new IllegalArgumentException("a driver needs a source and a sink operator");
        }
        this.sourceOperator = this.operators.get(0) instanceof SourceOperator ? (SourceOperator) this.operators.get(0) : null;
    }

    public DriverContext driverContext()
    {
        return driverContext;
    }

    /** Adds a split for the source operator; taken at the start of the next quantum. Thread-safe. */
    public void addSplit(Split split)
    {
        if (sourceOperator == null) {
            throw new IllegalStateException("this driver reads no splits");
        }
        synchronized (pendingSplits) {
            pendingSplits.add(requireNonNull(split, "split is null"));
        }
    }

    /** No more splits will be added. Thread-safe. */
    public void noMoreSplits()
    {
        if (sourceOperator == null) {
            return;
        }
        synchronized (pendingSplits) {
            pendingNoMoreSplits = true;
        }
    }

    /** Whether the driver is over: its last operator finished, or it was closed. Its operators are closed then. */
    public boolean isFinished()
    {
        return closed.get();
    }

    /**
     * Runs the driver for about {@code maxNanos}, or until it finishes or blocks.
     *
     * @return {@link Operator#NOT_BLOCKED} when the quantum ended or the driver finished (see {@link #isFinished()}),
     * else a future that completes when the driver can proceed
     */
    public CompletableFuture<Void> processFor(long maxNanos)
    {
        return processFor(maxNanos, () -> false);
    }

    /**
     * As {@link #processFor(long)}, but the quantum also ends at the first page boundary after
     * {@code yieldRequested} turns true (the executor asks a driver to make way for one that should go first).
     */
    public CompletableFuture<Void> processFor(long maxNanos, BooleanSupplier yieldRequested)
    {
        requireNonNull(yieldRequested, "yieldRequested is null");
        if (!lock.tryLock()) {
            // another thread runs it: only a closing thread can be here at the same time
            return Operator.NOT_BLOCKED;
        }
        try {
            if (closed.get()) {
                return Operator.NOT_BLOCKED;
            }
            driverContext.startQuantum();
            long startWall = System.nanoTime();
            long startCpu = THREAD_MX_BEAN.getCurrentThreadCpuTime();
            CompletableFuture<Void> result = Operator.NOT_BLOCKED;
            boolean end = closeRequested.get();
            try {
                if (!end) {
                    takeSplits();
                    long deadline = startWall + maxNanos;
                    do {
                        CompletableFuture<Void> blocked = processOnce();
                        if (isDone()) {
                            end = true;
                            break;
                        }
                        if (!blocked.isDone()) {
                            result = blocked;
                            break;
                        }
                    }
                    while (System.nanoTime() < deadline && !closeRequested.get() && !yieldRequested.getAsBoolean());
                    end |= closeRequested.get();
                }
            }
            catch (RuntimeException | Error e) {
                driverContext.recordQuantum(THREAD_MX_BEAN.getCurrentThreadCpuTime() - startCpu, System.nanoTime() - startWall);
                try {
                    destroy();
                }
                catch (RuntimeException closeFailure) {
                    if (closeFailure != e) {
                        e.addSuppressed(closeFailure);
                    }
                }
                throw e;
            }
            // the quantum is counted before the driver's counters move into its pipeline's totals
            driverContext.recordQuantum(THREAD_MX_BEAN.getCurrentThreadCpuTime() - startCpu, System.nanoTime() - startWall);
            if (end) {
                destroy();
                return Operator.NOT_BLOCKED;
            }
            return result;
        }
        finally {
            lock.unlock();
        }
    }

    private void takeSplits()
    {
        if (sourceOperator == null) {
            return;
        }
        List<Split> splits;
        boolean noMore;
        synchronized (pendingSplits) {
            splits = new ArrayList<>(pendingSplits);
            pendingSplits.clear();
            noMore = pendingNoMoreSplits;
        }
        for (Split split : splits) {
            sourceOperator.addSplit(split);
        }
        if (noMore) {
            sourceOperator.noMoreSplits();
        }
    }

    /** One pass over the chain; returns NOT_BLOCKED if a page moved or an operator finished, else a blocked future. */
    private CompletableFuture<Void> processOnce()
    {
        boolean progress = false;
        for (int i = firstActive; i < operators.size() - 1; i++) {
            Operator current = operators.get(i);
            Operator next = operators.get(i + 1);
            if (!current.isBlocked().isDone() || !next.isBlocked().isDone()) {
                continue;
            }
            if (!current.isFinished() && next.needsInput()) {
                // an operator holding input that then asks for more consumed it, though it returned no page (a
                // join whose last matches of a page went out earlier): that is progress, not a reason to wait
                boolean holdsInput = !current.needsInput();
                long start = System.nanoTime();
                Page page = current.getOutput();
                current.operatorContext().addWallNanos(System.nanoTime() - start);
                if (page == null && holdsInput && current.needsInput()) {
                    progress = true;
                }
                if (page != null && page.positionCount() > 0) {
                    current.operatorContext().recordOutput(page);
                    next.operatorContext().recordInput(page);
                    start = System.nanoTime();
                    next.addInput(page);
                    next.operatorContext().addWallNanos(System.nanoTime() - start);
                    progress = true;
                }
            }
            if (current.isFinished() && !next.isFinished()) {
                long start = System.nanoTime();
                next.finish();
                next.operatorContext().addWallNanos(System.nanoTime() - start);
            }
        }
        // an operator that finished before its upstream (a limit) ends the operators before it
        for (int i = operators.size() - 2; i >= firstActive; i--) {
            if (operators.get(i).isFinished()) {
                for (int closing = firstActive; closing <= i; closing++) {
                    closeOperator(operators.get(closing));
                }
                firstActive = i + 1;
                operators.get(firstActive).finish();
                progress = true;
                break;
            }
        }
        if (progress || isDone()) {
            return Operator.NOT_BLOCKED;
        }
        List<CompletableFuture<Void>> blocked = new ArrayList<>();
        for (Operator operator : operators.subList(firstActive, operators.size())) {
            CompletableFuture<Void> future = operator.isBlocked();
            if (!future.isDone()) {
                blocked.add(future);
            }
        }
        if (blocked.isEmpty()) {
            // nothing moved and nothing blocks: an operator waits for itself (e.g. a source between
            // pages of its connector); poll again soon rather than spin
            return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
        }
        return CompletableFuture.anyOf(blocked.toArray(new CompletableFuture[0])).thenApply(ignored -> null);
    }

    private boolean isDone()
    {
        return operators.get(operators.size() - 1).isFinished();
    }

    /**
     * Ends the driver: closes its operators now if no thread runs it, else when the running thread's quantum
     * ends. Idempotent, thread-safe.
     */
    @Override
    public void close()
    {
        closeRequested.set(true);
        if (lock.tryLock()) {
            try {
                destroy();
            }
            finally {
                lock.unlock();
            }
        }
    }

    private void destroy()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RuntimeException failure = null;
        for (Operator operator : operators.subList(firstActive, operators.size())) {
            try {
                closeOperator(operator);
            }
            catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        firstActive = operators.size();
        driverContext.finished();
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeOperator(Operator operator)
    {
        try {
            operator.close();
        }
        finally {
            operator.operatorContext().memory().close();
        }
    }
}
