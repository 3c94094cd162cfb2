package io.strata.core.execution.driver;

import io.strata.core.execution.memory.QueryMemoryContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * One pipeline of a task: makes its drivers' contexts and keeps their counters, folding the counters of
 * done drivers into totals so that a pipeline of many drivers keeps only its live ones.
 */
public final class PipelineContext
{
    private final int pipelineId;
    private final QueryMemoryContext queryMemory;
    private final Set<DriverContext> liveDrivers = ConcurrentHashMap.newKeySet();

    // guarded by this
    private int createdDrivers;
    // guarded by this
    private int startedDrivers;
    // guarded by this
    private PipelineStatistics finishedTotals = PipelineStatistics.EMPTY;
    // guarded by this: the operators of done drivers, by operator id
    private final Map<Integer, OperatorStatistics> finishedOperators = new TreeMap<>();

    public PipelineContext(int pipelineId, QueryMemoryContext queryMemory)
    {
        this.pipelineId = pipelineId;
        this.queryMemory = requireNonNull(queryMemory, "queryMemory is null");
    }

    public int pipelineId()
    {
        return pipelineId;
    }

    public QueryMemoryContext queryMemory()
    {
        return queryMemory;
    }

    public DriverContext newDriverContext()
    {
        DriverContext context = new DriverContext(this);
        synchronized (this) {
            createdDrivers++;
        }
        liveDrivers.add(context);
        return context;
    }

    synchronized void driverStarted()
    {
        startedDrivers++;
    }

    void driverFinished(DriverContext context, boolean wasStarted)
    {
        PipelineStatistics driverTotals = countersOf(context);
        synchronized (this) {
            if (!wasStarted) {
                startedDrivers++;
            }
            finishedTotals = finishedTotals.add(new PipelineStatistics(0, 0, 1, driverTotals.cpuNanos(), driverTotals.wallNanos(),
                    driverTotals.rawInputPositions(), driverTotals.rawInputBytes(), driverTotals.peakMemoryBytes()));
            for (OperatorContext operator : context.operatorContexts()) {
                finishedOperators.merge(operator.operatorId(), OperatorStatistics.of(pipelineId, operator), OperatorStatistics::add);
            }
            liveDrivers.remove(context);
        }
    }

    /** Each operator of the pipeline, summed over its drivers, done and live, in operator order. */
    public List<OperatorStatistics> operatorStatistics()
    {
        Map<Integer, OperatorStatistics> operators;
        synchronized (this) {
            operators = new TreeMap<>(finishedOperators);
        }
        for (DriverContext driver : liveDrivers) {
            for (OperatorContext operator : driver.operatorContexts()) {
                operators.merge(operator.operatorId(), OperatorStatistics.of(pipelineId, operator), OperatorStatistics::add);
            }
        }
        return new ArrayList<>(operators.values());
    }

    public PipelineStatistics statistics()
    {
        PipelineStatistics totals;
        int queued;
        int running;
        synchronized (this) {
            totals = finishedTotals;
            queued = createdDrivers - startedDrivers;
            running = startedDrivers - finishedTotals.completedDrivers();
        }
        PipelineStatistics live = PipelineStatistics.EMPTY;
        for (DriverContext driver : liveDrivers) {
            live = live.add(countersOf(driver));
        }
        return new PipelineStatistics(queued, running, totals.completedDrivers(),
                totals.cpuNanos() + live.cpuNanos(), totals.wallNanos() + live.wallNanos(),
                totals.rawInputPositions() + live.rawInputPositions(), totals.rawInputBytes() + live.rawInputBytes(),
                Math.max(totals.peakMemoryBytes(), live.peakMemoryBytes()));
    }

    private static PipelineStatistics countersOf(DriverContext driver)
    {
        long rawPositions = 0;
        long rawBytes = 0;
        long peak = 0;
        for (OperatorContext operator : driver.operatorContexts()) {
            rawPositions += operator.rawInputPositions();
            rawBytes += operator.rawInputBytes();
            peak = Math.max(peak, operator.memory().peakBytes());
        }
        return new PipelineStatistics(0, 0, 0, driver.cpuNanos(), driver.wallNanos(), rawPositions, rawBytes, peak);
    }
}
