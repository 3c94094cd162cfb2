package io.strata.core.execution.task;

import io.strata.core.execution.buffer.BufferState;
import io.strata.core.execution.buffer.OutputBufferStatistics;
import io.strata.core.execution.buffer.PartitionedOutputBuffer;
import io.strata.core.execution.driver.Driver;
import io.strata.core.execution.driver.DriverFactory;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.driver.PipelineContext;
import io.strata.core.execution.driver.PipelineStatistics;
import io.strata.core.execution.driver.RemoteSourceFactory;
import io.strata.core.execution.executor.DriverListener;
import io.strata.core.execution.executor.TaskExecutionStats;
import io.strata.core.execution.executor.TaskExecutor;
import io.strata.core.execution.executor.TaskHandle;
import io.strata.core.execution.memory.QueryMemoryContext;
import io.strata.core.execution.pipeline.LocalExecutionPlan;
import io.strata.core.execution.pipeline.LocalExecutionPlanner;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One task running in this process: its pipelines, drivers, output buffer and state. Drivers of a pipeline
 * that reads splits are made one per split as splits arrive; the others when the task starts. The task
 * finishes when every driver is done, every split-reading pipeline got its last split, and its consumers
 * took every output page.
 */
final class SqlTask
{
    private final TaskId taskId;
    private final String instanceId = UUID.randomUUID().toString();
    private final QueryMemoryContext queryMemory;
    private final TaskExecutor executor;
    private final TaskHandle handle;
    private final PartitionedOutputBuffer outputBuffer;
    private final Consumer<SqlTask> onDone;
    private final AtomicReference<TaskState> state = new AtomicReference<>(TaskState.PLANNED);
    private final List<ExecutionFailure> failures = new CopyOnWriteArrayList<>();

    // guarded by this
    private final List<PipelineContext> pipelineContexts = new ArrayList<>();
    // guarded by this
    private final Map<PlanNodeId, DriverFactory> sourcePipelines = new HashMap<>();
    // guarded by this
    private final Map<PlanNodeId, RemoteSourceFactory> remoteSources = new HashMap<>();
    // guarded by this
    private final Map<DriverFactory, PipelineContext> contexts = new HashMap<>();
    // guarded by this
    private final Map<PlanNodeId, Long> lastSequenceIds = new HashMap<>();
    // guarded by this
    private final Set<Driver> liveDrivers = new LinkedHashSet<>();
    // guarded by this
    private final List<DriverFactory> driverFactories = new ArrayList<>();
    // per pipeline (as pipelineContexts): whether it reads splits; kept for the status once the factories are gone
    private final List<Boolean> readsSplits = new ArrayList<>();
    // guarded by this
    private long version;
    // guarded by this
    private CompletableFuture<Void> versionChanged = new CompletableFuture<>();
    // guarded by this
    private Instant doneTime;

    SqlTask(TaskId taskId, QueryMemoryContext queryMemory, TaskExecutor executor, int outputBuffers, long maxOutputBufferBytes, Consumer<SqlTask> onDone)
    {
        this.taskId = requireNonNull(taskId, "taskId is null");
        this.queryMemory = requireNonNull(queryMemory, "queryMemory is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.onDone = requireNonNull(onDone, "onDone is null");
        this.handle = executor.addTask(taskId.toString());
        this.outputBuffer = new PartitionedOutputBuffer(instanceId, outputBuffers, maxOutputBufferBytes);
    }

    /** Registers the buffer listener; separate from the constructor so that {@code this} does not escape it. */
    void start(LocalExecutionPlanner planner, Session session, PlanFragment fragment)
    {
        outputBuffer.addStateChangeListener(this::outputBufferChanged);
        try {
            LocalExecutionPlan plan = planner.plan(session, fragment, outputBuffer);
            List<Driver> initialDrivers = new ArrayList<>();
            synchronized (this) {
                for (DriverFactory factory : plan.driverFactories()) {
                    PipelineContext context = new PipelineContext(factory.pipelineId(), queryMemory);
                    pipelineContexts.add(context);
                    contexts.put(factory, context);
                    driverFactories.add(factory);
                    readsSplits.add(factory.sourceId().isPresent());
                    factory.sourceId().ifPresent(sourceId -> sourcePipelines.put(sourceId, factory));
                    if (factory.operatorFactories().get(0) instanceof RemoteSourceFactory remote) {
                        remoteSources.put(remote.sourceId(), remote);
                    }
                }
                for (DriverFactory factory : driverFactories) {
                    if (factory.driverInstances().isPresent()) {
                        for (int i = 0; i < factory.driverInstances().getAsInt(); i++) {
                            initialDrivers.add(createDriver(factory));
                        }
                        factory.noMoreDrivers();
                    }
                }
            }
            for (Driver driver : initialDrivers) {
                enqueue(driver);
            }
            checkComplete();
        }
        catch (RuntimeException e) {
            fail(e);
        }
    }

    TaskId taskId()
    {
        return taskId;
    }

    TaskExecutionStats executionStats()
    {
        return handle.stats();
    }

    String queryId()
    {
        return taskId.queryId();
    }

    PartitionedOutputBuffer outputBuffer()
    {
        return outputBuffer;
    }

    TaskState state()
    {
        return state.get();
    }

    void addSplits(List<SplitAssignment> assignments)
    {
        List<Driver> drivers = new ArrayList<>();
        try {
            synchronized (this) {
                if (state.get().isDone()) {
                    return;
                }
                for (SplitAssignment assignment : assignments) {
                    RemoteSourceFactory remote = remoteSources.get(assignment.planNodeId());
                    if (remote != null) {
                        addRemoteSplits(remote, assignment);
                        continue;
                    }
                    DriverFactory factory = sourcePipelines.get(assignment.planNodeId());
                    if (factory == null) {
                        throw new IllegalArgumentException("task " + taskId + " has no table scan " + assignment.planNodeId());
                    }
                    long last = lastSequenceIds.getOrDefault(assignment.planNodeId(), -1L);
                    for (ScheduledSplit split : assignment.splits()) {
                        if (split.sequenceId() <= last || factory.isNoMoreDrivers()) {
                            continue;
                        }
                        last = split.sequenceId();
                        Driver driver = createDriver(factory);
                        driver.addSplit(split.split());
                        driver.noMoreSplits();
                        drivers.add(driver);
                    }
                    lastSequenceIds.put(assignment.planNodeId(), last);
                    if (assignment.noMoreSplits()) {
                        factory.noMoreDrivers();
                    }
                }
                bumpVersion();
            }
        }
        catch (RuntimeException e) {
            fail(e);
            return;
        }
        for (Driver driver : drivers) {
            enqueue(driver);
        }
        checkComplete();
    }

    // guarded by this
    private void addRemoteSplits(RemoteSourceFactory remote, SplitAssignment assignment)
    {
        long last = lastSequenceIds.getOrDefault(assignment.planNodeId(), -1L);
        for (ScheduledSplit split : assignment.splits()) {
            if (split.sequenceId() > last) {
                last = split.sequenceId();
                remote.addSplit(split.split());
            }
        }
        lastSequenceIds.put(assignment.planNodeId(), last);
        if (assignment.noMoreSplits()) {
            remote.noMoreSplits();
        }
    }

    // guarded by this
    private Driver createDriver(DriverFactory factory)
    {
        Driver driver = factory.createDriver(contexts.get(factory).newDriverContext());
        liveDrivers.add(driver);
        return driver;
    }

    private void enqueue(Driver driver)
    {
        state.compareAndSet(TaskState.PLANNED, TaskState.RUNNING);
        executor.enqueueDriver(handle, driver, new DriverListener()
        {
            @Override
            public void driverFinished()
            {
                SqlTask.this.driverDone(driver);
            }

            @Override
            public void driverFailed(Throwable cause)
            {
                // fail first: the task must not look complete when its last driver failed
                fail(cause);
                SqlTask.this.driverDone(driver);
            }
        });
    }

    private void driverDone(Driver driver)
    {
        synchronized (this) {
            liveDrivers.remove(driver);
            bumpVersion();
        }
        checkComplete();
    }

    /** When every driver is done and no more can come, the output is complete. */
    private void checkComplete()
    {
        synchronized (this) {
            if (state.get().isDone() || !liveDrivers.isEmpty()) {
                return;
            }
            for (DriverFactory factory : driverFactories) {
                if (!factory.isNoMoreDrivers()) {
                    return;
                }
            }
        }
        if (state.compareAndSet(TaskState.RUNNING, TaskState.FLUSHING) || state.compareAndSet(TaskState.PLANNED, TaskState.FLUSHING)) {
            changed();
        }
        outputBuffer.setNoMorePages();
    }

    private void outputBufferChanged()
    {
        if (outputBuffer.state() == BufferState.FINISHED && state.compareAndSet(TaskState.FLUSHING, TaskState.FINISHED)) {
            done();
        }
    }

    /** Fails the task with its own error, unless it already ended (the first outcome stays). */
    void fail(Throwable cause)
    {
        ExecutionFailure failure = ExecutionFailure.of(cause);
        end(TaskState.FAILED, failure.toException(), failure);
    }

    void cancel()
    {
        end(TaskState.CANCELED, new StrataException(ErrorCode.USER_CANCELED, "Task " + taskId + " was canceled"), null);
    }

    void abort()
    {
        end(TaskState.ABORTED, new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, "Task " + taskId + " was aborted"), null);
    }

    /**
     * Moves to a terminal state unless already in one; stops the drivers and fails the buffer with
     * {@code cause}, which pending readers of the output receive.
     *
     * @param failure the failure to report, or null when the task did not fail by itself
     */
    private void end(TaskState terminal, StrataException cause, ExecutionFailure failure)
    {
        while (true) {
            TaskState current = state.get();
            if (current.isDone()) {
                return;
            }
            if (state.compareAndSet(current, terminal)) {
                break;
            }
        }
        if (failure != null) {
            failures.add(failure);
        }
        executor.removeTask(handle);
        List<Driver> drivers;
        synchronized (this) {
            drivers = new ArrayList<>(liveDrivers);
            liveDrivers.clear();
        }
        for (Driver driver : drivers) {
            try {
                driver.close();
            }
            catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        outputBuffer.fail(cause);
        done();
    }

    private void done()
    {
        synchronized (this) {
            doneTime = Instant.now();
            // a done task stays listed for its status (task.info.max-age): it must not keep its operator
            // factories, which hold what the query built (a join's hash table)
            driverFactories.clear();
            sourcePipelines.clear();
            contexts.clear();
        }
        changed();
        onDone.accept(this);
    }

    private void changed()
    {
        synchronized (this) {
            bumpVersion();
        }
    }

    // guarded by this
    private void bumpVersion()
    {
        version++;
        CompletableFuture<Void> changed = versionChanged;
        versionChanged = new CompletableFuture<>();
        // completing outside the lock is not needed: listeners only re-read the status
        changed.complete(null);
    }

    synchronized Instant doneTime()
    {
        return doneTime;
    }

    CompletableFuture<TaskStatus> statusAfter(long currentVersion)
    {
        CompletableFuture<Void> waitFor;
        synchronized (this) {
            if (version > currentVersion || state.get().isDone()) {
                return CompletableFuture.completedFuture(status());
            }
            waitFor = versionChanged;
        }
        return waitFor.thenApply(ignored -> status());
    }

    /** Each operator of each pipeline, summed over its drivers; kept once the task is done. */
    List<OperatorStatistics> operatorStatistics()
    {
        List<PipelineContext> pipelines;
        synchronized (this) {
            pipelines = List.copyOf(pipelineContexts);
        }
        List<OperatorStatistics> operators = new ArrayList<>();
        for (PipelineContext pipeline : pipelines) {
            operators.addAll(pipeline.operatorStatistics());
        }
        return operators;
    }

    /** Whether the task still holds its operator factories (and so what they built); false once done. */
    synchronized boolean holdsOperatorFactories()
    {
        return !driverFactories.isEmpty();
    }

    TaskStatus status()
    {
        List<PipelineContext> pipelines;
        List<Boolean> splitDriven;
        long currentVersion;
        synchronized (this) {
            pipelines = List.copyOf(pipelineContexts);
            splitDriven = List.copyOf(readsSplits);
            currentVersion = version;
        }
        int queuedSplits = 0;
        int runningSplits = 0;
        int completedSplits = 0;
        long cpuNanos = 0;
        long scheduledNanos = 0;
        long rawRows = 0;
        long rawBytes = 0;
        for (int i = 0; i < pipelines.size(); i++) {
            PipelineStatistics statistics = pipelines.get(i).statistics();
            if (splitDriven.get(i)) {
                queuedSplits += statistics.queuedDrivers();
                runningSplits += statistics.runningDrivers();
                completedSplits += statistics.completedDrivers();
            }
            cpuNanos += statistics.cpuNanos();
            scheduledNanos += statistics.wallNanos();
            rawRows += statistics.rawInputPositions();
            rawBytes += statistics.rawInputBytes();
        }
        OutputBufferStatistics buffer = outputBuffer.statistics();
        TaskStatistics statistics = new TaskStatistics(queuedSplits, runningSplits, completedSplits, cpuNanos, scheduledNanos, rawRows, rawBytes,
                buffer.totalRowsAdded(), buffer.totalBytesAdded(), queryMemory.reservedBytes(), queryMemory.peakBytes());
        return new TaskStatus(taskId, instanceId, currentVersion, state.get(), failures, statistics);
    }
}
