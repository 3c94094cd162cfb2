package io.strata.core.execution.driver;

import io.strata.core.planner.plan.PlanNodeId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * One pipeline of a task: the operator factories in order, and how many drivers run it. A pipeline whose
 * first operator reads splits ({@link #sourceId()}) gets one driver per split; any other runs
 * {@link #driverInstances()} drivers, made when the task starts.
 */
public final class DriverFactory
{
    private final int pipelineId;
    private final List<OperatorFactory> operatorFactories;
    private final Optional<PlanNodeId> sourceId;
    private final OptionalInt driverInstances;
    private final AtomicBoolean noMoreDrivers = new AtomicBoolean();

    public DriverFactory(int pipelineId, List<OperatorFactory> operatorFactories, OptionalInt driverInstances)
    {
        this.pipelineId = pipelineId;
        this.operatorFactories = List.copyOf(requireNonNull(operatorFactories, "operatorFactories is null"));
        this.driverInstances = requireNonNull(driverInstances, "driverInstances is null");
        if (this.operatorFactories.size() < 2) {
            throw new IllegalArgumentException("a pipeline needs a source and a sink");
        }
        OperatorFactory first = this.operatorFactories.get(0);
        this.sourceId = first instanceof SourceOperatorFactory ? Optional.of(((SourceOperatorFactory) first).sourceId()) : Optional.empty();
        if (sourceId.isPresent() == driverInstances.isPresent()) {
            throw new IllegalArgumentException("a pipeline either reads splits or has a fixed number of drivers");
        }
    }

    public int pipelineId()
    {
        return pipelineId;
    }

    /** The table scan whose splits make this pipeline's drivers, if it reads splits. */
    public Optional<PlanNodeId> sourceId()
    {
        return sourceId;
    }

    /** The number of drivers of a pipeline that reads no splits. */
    public OptionalInt driverInstances()
    {
        return driverInstances;
    }

    public List<OperatorFactory> operatorFactories()
    {
        return operatorFactories;
    }

    public Driver createDriver(DriverContext driverContext)
    {
        if (noMoreDrivers.get()) {
            throw new IllegalStateException("pipeline " + pipelineId + " makes no more drivers");
        }
        List<Operator> operators = new ArrayList<>(operatorFactories.size());
        try {
            for (OperatorFactory factory : operatorFactories) {
                operators.add(factory.createOperator(driverContext));
            }
        }
        catch (RuntimeException e) {
            for (Operator operator : operators) {
                try {
                    operator.close();
                }
                catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
        return new Driver(driverContext, operators);
    }

    /** The pipeline will make no more drivers; its operator factories are told so. Idempotent. */
    public void noMoreDrivers()
    {
        if (noMoreDrivers.compareAndSet(false, true)) {
            for (OperatorFactory factory : operatorFactories) {
                factory.noMoreOperators();
            }
        }
    }

    public boolean isNoMoreDrivers()
    {
        return noMoreDrivers.get();
    }
}
