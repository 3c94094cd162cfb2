package io.strata.core.execution.operator;

import io.strata.core.execution.buffer.OutputBuffer;
import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * The sink of a task's output pipeline: puts the task's output channels, in order, into the output buffer,
 * and blocks its driver while the buffer is full.
 */
public final class TaskOutputOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final OutputBuffer outputBuffer;
    private final int[] outputChannels;
    private boolean finished;

    public TaskOutputOperator(OperatorContext operatorContext, OutputBuffer outputBuffer, int[] outputChannels)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.outputBuffer = requireNonNull(outputBuffer, "outputBuffer is null");
        this.outputChannels = outputChannels.clone();
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public CompletableFuture<Void> isBlocked()
    {
        return outputBuffer.isFull();
    }

    @Override
    public boolean needsInput()
    {
        return !finished && outputBuffer.isFull().isDone();
    }

    @Override
    public void addInput(Page page)
    {
        outputBuffer.enqueue(0, page.selectChannels(outputChannels));
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

    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final OutputBuffer outputBuffer;
        private final int[] outputChannels;

        public Factory(int operatorId, PlanNodeId planNodeId, OutputBuffer outputBuffer, int[] outputChannels)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.outputBuffer = requireNonNull(outputBuffer, "outputBuffer is null");
            this.outputChannels = outputChannels.clone();
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, planNodeId, TaskOutputOperator.class.getSimpleName());
            return new TaskOutputOperator(context, outputBuffer, outputChannels);
        }

        @Override
        public void noMoreOperators() {}
    }
}
