package io.strata.core.execution.executor;

import io.strata.core.execution.driver.Driver;
import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workload for the executor's tests: a real {@link Driver} whose source spins the thread for a given time per
 * page (as a CPU-bound scan would), until it produced its pages or is stopped; it can wait on a gate first.
 */
final class SpinningDriver
{
    private final long spinNanos;
    private final long pages;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CompletableFuture<Void> gate;
    private volatile Runnable onFirstCall = () -> {};
    private final Driver driver;

    private SpinningDriver(long spinNanos, long pages, CompletableFuture<Void> gate)
    {
        this.spinNanos = spinNanos;
        this.pages = pages;
        this.gate = gate;
        DriverContext context = OperatorRunner.driverContext();
        this.driver = new Driver(context, List.of(
                new Source(context.addOperatorContext(0, new PlanNodeId("0"), "SpinningSource")),
                new Sink(context.addOperatorContext(1, new PlanNodeId("1"), "DiscardingSink"))));
    }

    /** Spins {@code spinNanos} per page, for {@code pages} pages (or until {@link #stop()}). */
    static SpinningDriver spinning(long spinNanos, long pages)
    {
        return new SpinningDriver(spinNanos, pages, Operator.NOT_BLOCKED);
    }

    /** Blocked until the gate completes, then spins one page. */
    static SpinningDriver gated(CompletableFuture<Void> gate)
    {
        return new SpinningDriver(0, 1, gate);
    }

    Driver driver()
    {
        return driver;
    }

    /** Runs {@code action} on the thread of the first page, before it spins. */
    SpinningDriver onFirstCall(Runnable action)
    {
        this.onFirstCall = action;
        return this;
    }

    void stop()
    {
        stop.set(true);
    }

    int calls()
    {
        return calls.get();
    }

    CountDownLatch done()
    {
        return done;
    }

    /** A listener that counts the driver down when it ends. */
    DriverListener listener()
    {
        return new DriverListener()
        {
            @Override
            public void driverFinished()
            {
                done.countDown();
            }

            @Override
            public void driverFailed(Throwable cause)
            {
                done.countDown();
            }
        };
    }

    private final class Source
            implements Operator
    {
        private final OperatorContext context;

        Source(OperatorContext context)
        {
            this.context = context;
        }

        @Override
        public OperatorContext operatorContext()
        {
            return context;
        }

        @Override
        public CompletableFuture<Void> isBlocked()
        {
            return gate;
        }

        @Override
        public boolean needsInput()
        {
            return false;
        }

        @Override
        public void addInput(Page page)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page getOutput()
        {
            if (isFinished()) {
                return null;
            }
            if (calls.getAndIncrement() == 0) {
                onFirstCall.run();
            }
            long end = System.nanoTime() + spinNanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return new Page(1, new LongArrayBlock(1, null, new long[] {calls.get()}));
        }

        @Override
        public void finish()
        {
            stop.set(true);
        }

        @Override
        public boolean isFinished()
        {
            return stop.get() || calls.get() >= pages;
        }
    }

    private static final class Sink
            implements Operator
    {
        private final OperatorContext context;
        private boolean finished;

        Sink(OperatorContext context)
        {
            this.context = context;
        }

        @Override
        public OperatorContext operatorContext()
        {
            return context;
        }

        @Override
        public boolean needsInput()
        {
            return !finished;
        }

        @Override
        public void addInput(Page page)
        {
        }

        @Override
        public Page getOutput()
        {
            return null;
        }

        @Override
        public void finish()
        {
            finished = true;
        }

        @Override
        public boolean isFinished()
        {
            return finished;
        }
    }
}
