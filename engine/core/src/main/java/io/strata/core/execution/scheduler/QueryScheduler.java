package io.strata.core.execution.scheduler;

import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.SubPlan;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Schedules a query's single fragment as one task and feeds it splits: each round asks the task's status,
 * and while the task holds fewer than {@code maxPendingSplitsPerTask} unfinished splits, takes a batch from
 * each table scan's split source and sends it in one task update; then waits for the task's status to
 * change. When a source is exhausted, the task is told no more splits will come for that scan.
 */
public final class QueryScheduler
{
    private final Session session;
    private final PlanFragment fragment;
    private final TaskManager taskManager;
    private final CatalogManager catalogManager;
    private final Executor executor;
    private final int splitBatchSize;
    private final int maxPendingSplitsPerTask;
    private final Consumer<Throwable> onFailure;
    private final TaskId rootTaskId;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger totalSplits = new AtomicInteger();

    // guarded by this
    private final List<ScanSource> sources = new ArrayList<>();
    // guarded by this
    private long nextSequenceId;

    public QueryScheduler(Session session, SubPlan plan, TaskManager taskManager, CatalogManager catalogManager, Executor executor, int splitBatchSize,
            int maxPendingSplitsPerTask, Consumer<Throwable> onFailure)
    {
        this.session = requireNonNull(session, "session is null");
        requireNonNull(plan, "plan is null");
        if (!plan.children().isEmpty()) {
            throw new IllegalArgumentException("plans of several fragments are not scheduled yet");
        }
        this.fragment = plan.fragment();
        this.taskManager = requireNonNull(taskManager, "taskManager is null");
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.splitBatchSize = splitBatchSize;
        this.maxPendingSplitsPerTask = maxPendingSplitsPerTask;
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
        this.rootTaskId = new TaskId(session.queryId(), fragment.id().id(), 0);
    }

    public TaskId rootTaskId()
    {
        return rootTaskId;
    }

    /** Splits handed to tasks so far. */
    public int totalSplits()
    {
        return totalSplits.get();
    }

    /**
     * Creates the task (synchronously: a failure to plan it is thrown) and starts feeding splits on the
     * executor.
     */
    public synchronized void start()
    {
        TaskStatus status = taskManager.updateTask(rootTaskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(), OutputBuffers.SINGLE));
        for (PlanNodeId sourceId : fragment.partitionedSources()) {
            TableScanNode scan = findScan(fragment.root(), sourceId).orElseThrow(() -> new IllegalArgumentException("no table scan " + sourceId));
            ConnectorSplitSource splitSource = catalogManager.requireConnector(scan.catalogName()).splitManager()
                    .getSplits(session.toConnectorSession(), scan.table());
            sources.add(new ScanSource(sourceId, scan.catalogName(), splitSource));
        }
        executor.execute(() -> scheduleRound(status));
    }

    private static Optional<TableScanNode> findScan(PlanNode node, PlanNodeId id)
    {
        if (node instanceof TableScanNode && node.id().equals(id)) {
            return Optional.of((TableScanNode) node);
        }
        for (PlanNode source : node.sources()) {
            Optional<TableScanNode> found = findScan(source, id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * One round; rounds never overlap (the next is scheduled by this one), and the lock keeps {@link #stop()}
     * out. The next round's callback handles its outcome itself, so the future it returns is not kept.
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private synchronized void scheduleRound(TaskStatus status)
    {
        if (done.get()) {
            return;
        }
        try {
            if (status.state().isDone()) {
                closeSources();
                return;
            }
            int pending = status.statistics().queuedSplits() + status.statistics().runningSplits();
            List<SplitAssignment> assignments = new ArrayList<>();
            boolean allFinished = true;
            for (ScanSource source : sources) {
                if (source.noMoreSplitsSent) {
                    continue;
                }
                List<ScheduledSplit> batch = new ArrayList<>();
                int room = maxPendingSplitsPerTask - pending;
                if (room > 0) {
                    for (ConnectorSplit split : source.splitSource.nextBatch(Math.min(splitBatchSize, room))) {
                        batch.add(new ScheduledSplit(nextSequenceId++, new Split(source.catalogName, split)));
                    }
                }
                pending += batch.size();
                totalSplits.addAndGet(batch.size());
                boolean finished = source.splitSource.isFinished();
                if (finished) {
                    source.noMoreSplitsSent = true;
                    source.closed = true;
                    source.splitSource.close();
                }
                else {
                    allFinished = false;
                }
                if (!batch.isEmpty() || finished) {
                    assignments.add(new SplitAssignment(source.sourceId, batch, finished));
                }
                if (!finished) {
                    // scans are fed in the fragment's order, builds before the probes that wait for them: a
                    // probe's blocked drivers must never hold the room a build still needs
                    break;
                }
            }
            TaskStatus current = status;
            if (!assignments.isEmpty()) {
                current = taskManager.updateTask(rootTaskId, new TaskUpdateRequest(session, Optional.empty(), assignments, OutputBuffers.SINGLE));
            }
            if (allFinished) {
                done.set(true);
                return;
            }
            taskManager.getTaskStatus(rootTaskId, current.version()).whenCompleteAsync((next, failure) -> {
                if (failure != null) {
                    fail(failure);
                    return;
                }
                // scheduleRound reports its own failures
                scheduleRound(next);
            }, executor);
        }
        catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Throwable failure)
    {
        closeSources();
        onFailure.accept(failure);
    }

    /** Stops feeding splits (the query ended). Idempotent. */
    public void stop()
    {
        done.set(true);
        executor.execute(this::closeSources);
    }

    private synchronized void closeSources()
    {
        done.set(true);
        for (ScanSource source : sources) {
            if (!source.closed) {
                source.closed = true;
                source.splitSource.close();
            }
        }
    }

    private static final class ScanSource
    {
        private final PlanNodeId sourceId;
        private final String catalogName;
        private final ConnectorSplitSource splitSource;
        private boolean noMoreSplitsSent;
        private boolean closed;

        ScanSource(PlanNodeId sourceId, String catalogName, ConnectorSplitSource splitSource)
        {
            this.sourceId = sourceId;
            this.catalogName = catalogName;
            this.splitSource = splitSource;
        }
    }
}
