package io.strata.core.execution.driver;

import io.strata.core.execution.memory.LocalMemoryContext;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * One operator's counters and memory. The driver thread writes them; statistics read them from any thread.
 */
public final class OperatorContext
{
    private final int operatorId;
    private final PlanNodeId planNodeId;
    private final String operatorType;
    private final DriverContext driverContext;
    private final LocalMemoryContext memory;

    private final AtomicLong inputPositions = new AtomicLong();
    private final AtomicLong inputBytes = new AtomicLong();
    private final AtomicLong outputPositions = new AtomicLong();
    private final AtomicLong outputBytes = new AtomicLong();
    private final AtomicLong rawInputPositions = new AtomicLong();
    private final AtomicLong rawInputBytes = new AtomicLong();
    private final AtomicLong wallNanos = new AtomicLong();

    OperatorContext(int operatorId, PlanNodeId planNodeId, String operatorType, DriverContext driverContext, LocalMemoryContext memory)
    {
        this.operatorId = operatorId;
        this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
        this.operatorType = requireNonNull(operatorType, "operatorType is null");
        this.driverContext = requireNonNull(driverContext, "driverContext is null");
        this.memory = requireNonNull(memory, "memory is null");
    }

    public int operatorId()
    {
        return operatorId;
    }

    public PlanNodeId planNodeId()
    {
        return planNodeId;
    }

    public String operatorType()
    {
        return operatorType;
    }

    public DriverContext driverContext()
    {
        return driverContext;
    }

    /** The memory this operator holds; it reports its whole size with {@code setBytes}. */
    public LocalMemoryContext memory()
    {
        return memory;
    }

    void recordInput(Page page)
    {
        inputPositions.addAndGet(page.positionCount());
        inputBytes.addAndGet(page.sizeInBytes());
    }

    void recordOutput(Page page)
    {
        outputPositions.addAndGet(page.positionCount());
        outputBytes.addAndGet(page.sizeInBytes());
    }

    /**
     * Sets what a source read from outside the task so far (a connector's rows and bytes before any filter):
     * the query's processed input.
     */
    public void setRawInput(long positions, long bytes)
    {
        rawInputPositions.set(positions);
        rawInputBytes.set(bytes);
    }

    void addWallNanos(long nanos)
    {
        wallNanos.addAndGet(nanos);
    }

    public long inputPositions()
    {
        return inputPositions.get();
    }

    public long outputPositions()
    {
        return outputPositions.get();
    }

    public long rawInputPositions()
    {
        return rawInputPositions.get();
    }

    public long rawInputBytes()
    {
        return rawInputBytes.get();
    }

    public long wallNanos()
    {
        return wallNanos.get();
    }

    public long inputBytes()
    {
        return inputBytes.get();
    }

    public long outputBytes()
    {
        return outputBytes.get();
    }
}
