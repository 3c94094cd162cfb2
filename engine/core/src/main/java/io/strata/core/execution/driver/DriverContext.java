package io.strata.core.execution.driver;

import io.strata.core.planner.plan.PlanNodeId;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * One driver's counters: CPU and wall time of its quanta, and its operators' contexts.
 */
public final class DriverContext
{
    private final PipelineContext pipelineContext;
    private final List<OperatorContext> operatorContexts = new CopyOnWriteArrayList<>();
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong wallNanos = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();

    DriverContext(PipelineContext pipelineContext)
    {
        this.pipelineContext = requireNonNull(pipelineContext, "pipelineContext is null");
    }

    public PipelineContext pipelineContext()
    {
        return pipelineContext;
    }

    public OperatorContext addOperatorContext(int operatorId, PlanNodeId planNodeId, String operatorType)
    {
        OperatorContext context = new OperatorContext(operatorId, planNodeId, operatorType, this, pipelineContext.queryMemory().newLocalMemoryContext());
        operatorContexts.add(context);
        return context;
    }

    public List<OperatorContext> operatorContexts()
    {
        return List.copyOf(operatorContexts);
    }

    /** The driver begins a quantum: from now on it counts as running, not queued. */
    void startQuantum()
    {
        if (started.compareAndSet(false, true)) {
            pipelineContext.driverStarted();
        }
    }

    void recordQuantum(long cpu, long wall)
    {
        cpuNanos.addAndGet(cpu);
        wallNanos.addAndGet(wall);
    }

    /** Marks the driver done (finished, failed or aborted): its counters move into the pipeline's totals. */
    void finished()
    {
        if (finished.compareAndSet(false, true)) {
            pipelineContext.driverFinished(this, started.get());
        }
    }

    public boolean isStarted()
    {
        return started.get();
    }

    public long cpuNanos()
    {
        return cpuNanos.get();
    }

    public long wallNanos()
    {
        return wallNanos.get();
    }
}
