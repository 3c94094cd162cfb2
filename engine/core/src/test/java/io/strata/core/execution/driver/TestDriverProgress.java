package io.strata.core.execution.driver;

import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TestDriverProgress
{
    private static final int PAGES = 50;

    /**
     * An operator that, like a join whose matches in a page are few, hands out one page of its input and, on the
     * next call, consumes the rest of it without output. The driver must see that as progress and go on within
     * the quantum rather than park the driver as if it waited for itself.
     */
    @Test
    void operatorThatConsumesInputWithoutOutputKeepsTheDriverRunning()
    {
        DriverContext context = OperatorRunner.driverContext();
        List<Page> received = new ArrayList<>();
        Driver driver = new Driver(context, List.of(
                new PagesSource(context.addOperatorContext(0, new PlanNodeId("0"), "PagesSource"), PAGES),
                new FirstOutputThenNothing(context.addOperatorContext(1, new PlanNodeId("1"), "FirstOutputThenNothing")),
                new CollectingSink(context.addOperatorContext(2, new PlanNodeId("2"), "CollectingSink"), received)));

        CompletableFuture<Void> blocked = driver.processFor(TimeUnit.SECONDS.toNanos(30));

        assertThat(blocked.isDone()).as("the driver parked although every operator could go on").isTrue();
        assertThat(received).hasSize(PAGES);
    }

    private static final class PagesSource
            implements Operator
    {
        private final OperatorContext context;
        private int remaining;

        PagesSource(OperatorContext context, int pages)
        {
            this.context = context;
            this.remaining = pages;
        }

        @Override
        public OperatorContext operatorContext()
        {
            return context;
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
            if (remaining == 0) {
                return null;
            }
            remaining--;
            return new Page(2, new LongArrayBlock(2, null, new long[] {remaining, remaining}));
        }

        @Override
        public void finish()
        {
            remaining = 0;
        }

        @Override
        public boolean isFinished()
        {
            return remaining == 0;
        }
    }

    private static final class FirstOutputThenNothing
            implements Operator
    {
        private final OperatorContext context;
        private Page input;
        private boolean gaveOutput;
        private boolean finishing;

        FirstOutputThenNothing(OperatorContext context)
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
            return input == null && !finishing;
        }

        @Override
        public void addInput(Page page)
        {
            input = page;
            gaveOutput = false;
        }

        @Override
        public Page getOutput()
        {
            if (input == null) {
                return null;
            }
            if (!gaveOutput) {
                gaveOutput = true;
                return input.region(0, 1);
            }
            input = null;
            return null;
        }

        @Override
        public void finish()
        {
            finishing = true;
        }

        @Override
        public boolean isFinished()
        {
            return finishing && input == null;
        }
    }

    private static final class CollectingSink
            implements Operator
    {
        private final OperatorContext context;
        private final List<Page> pages;
        private boolean finished;

        CollectingSink(OperatorContext context, List<Page> pages)
        {
            this.context = context;
            this.pages = pages;
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
            pages.add(page);
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
