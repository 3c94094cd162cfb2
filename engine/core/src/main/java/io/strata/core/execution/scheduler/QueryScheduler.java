package io.strata.core.execution.scheduler;

import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.exchange.RemoteSplit;
import io.strata.core.execution.memory.DataSizes;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.FragmentPartitioning;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmentId;
import io.strata.core.fragmenter.SubPlan;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeTaskManagers;
import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.RemoteSourceNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Runs a query's stages as tasks on the cluster's nodes and feeds their table scans splits.
 * <ul>
 * <li><b>Placement.</b> The root fragment runs one task on this coordinator (the protocol reads its output
 * buffer); a fragment reading tables only the coordinator holds runs there too; a {@code SOURCE} fragment runs a
 * task on every schedulable node; a {@code HASH} fragment runs {@code hashPartitionCount} tasks spread over the
 * nodes in turn; any other {@code SINGLE} fragment one task on the next node in turn.</li>
 * <li><b>Tasks first.</b> Every task is created up front, producers before consumers, each with one output
 * buffer per consumer task (one for a gathering exchange); a consumer's first update carries every upstream
 * buffer it reads as remote splits, so exchanges need no further scheduling.</li>
 * <li><b>Lazy splits.</b> A stage's scans take splits from their connector in batches of {@code splitBatchSize},
 * each batch to the stage's task with the fewest unfinished splits, while that task holds fewer than
 * {@code maxPendingSplitsPerTask}; then the stage waits for a task's status to change. A fragment's scans are fed
 * in order, build sides first. With the phased policy a stage whose scans feed the probe side of a join gets no
 * split before every stage feeding that join's build side has had all of its splits.</li>
 * <li><b>Following.</b> Every task's status is long-polled until it ends; a failed task fails the query with the
 * task's error, and a node that cannot be reached fails it naming the node (which the node manager then leaves
 * out of the next queries' placement until it answers again).</li>
 * </ul>
 */
public final class QueryScheduler
{
    private final Session session;
    private final SubPlan plan;
    private final NodeManager nodeManager;
    private final NodeTaskManagers nodeTaskManagers;
    private final CatalogManager catalogManager;
    private final Executor executor;
    private final ScheduledExecutorService monitor;
    private final int splitBatchSize;
    private final int maxPendingSplitsPerTask;
    private final boolean phased;
    private final int hashPartitionCount;
    private final long maxQueryMemoryBytes;
    private final Consumer<Throwable> onFailure;
    private final TaskId rootTaskId;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger totalSplits = new AtomicInteger();
    private final AtomicLong nextSequenceId = new AtomicLong();
    // fragment id → stage, in creation order (producers before consumers); filled by start()
    private final Map<PlanFragmentId, Stage> stages = new LinkedHashMap<>();
    // guarded by this
    private ScheduledFuture<?> memoryCheck;

    /**
     * @param hashPartitionCount the tasks of each hash-partitioned stage
     * @param monitor runs the periodic refresh of every task's status, which checks the query's memory on all nodes
     * @param maxQueryMemoryBytes the most memory the query may hold on all nodes together
     * @param onFailure told once of the failure that ends the query (a task's, a node's, or the scheduler's own)
     */
    public QueryScheduler(Session session, SubPlan plan, NodeManager nodeManager, NodeTaskManagers nodeTaskManagers, CatalogManager catalogManager,
            Executor executor, ScheduledExecutorService monitor, int splitBatchSize, int maxPendingSplitsPerTask, boolean phased, int hashPartitionCount, long maxQueryMemoryBytes,
            Consumer<Throwable> onFailure)
    {
        this.session = requireNonNull(session, "session is null");
        this.plan = requireNonNull(plan, "plan is null");
        this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
        this.nodeTaskManagers = requireNonNull(nodeTaskManagers, "nodeTaskManagers is null");
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.monitor = requireNonNull(monitor, "monitor is null");
        this.splitBatchSize = splitBatchSize;
        this.maxPendingSplitsPerTask = maxPendingSplitsPerTask;
        this.phased = phased;
        if (hashPartitionCount < 1) {
            throw new IllegalArgumentException("hashPartitionCount must be positive");
        }
        this.hashPartitionCount = hashPartitionCount;
        this.maxQueryMemoryBytes = maxQueryMemoryBytes;
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
        this.rootTaskId = new TaskId(session.queryId(), plan.fragment().id().id(), 0);
    }

    private static final long MEMORY_CHECK_MILLIS = 500;

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
     * Places and creates every task (synchronously: a failure to create one is thrown), then starts feeding splits
     * and following the tasks on the executor.
     *
     * @throws StrataException {@code NO_NODES_AVAILABLE} when no node may run tasks
     */
    public void start()
    {
        List<InternalNode> nodes = nodeManager.schedulableNodes();
        if (nodes.isEmpty()) {
            throw new StrataException(ErrorCode.NO_NODES_AVAILABLE, "No worker nodes are available to run the query");
        }
        Map<PlanFragmentId, Set<PlanFragmentId>> prerequisites = new HashMap<>();
        collectPrerequisites(plan, Set.of(), prerequisites);
        Map<PlanFragmentId, Integer> consumerTasks = new HashMap<>();
        AtomicInteger nextNode = new AtomicInteger();
        List<SubPlan> order = new ArrayList<>();
        postOrder(plan, order);
        // place consumers first (their task count sizes their producers' buffers), create producers first
        Map<PlanFragmentId, List<InternalNode>> placements = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            SubPlan subPlan = order.get(i);
            List<InternalNode> placed = place(subPlan.fragment(), nodes, nextNode);
            placements.put(subPlan.fragment().id(), placed);
            for (SubPlan child : subPlan.children()) {
                consumerTasks.put(child.fragment().id(), placed.size());
            }
        }
        synchronized (this) {
            for (SubPlan subPlan : order) {
                PlanFragment fragment = subPlan.fragment();
                Stage stage = new Stage(fragment, prerequisites.getOrDefault(fragment.id(), Set.of()));
                stages.put(fragment.id(), stage);
                int buffers = fragment.outputPartitioning().type() == ExchangeNode.Type.GATHER ? 1 : consumerTasks.get(fragment.id());
                List<InternalNode> placed = placements.get(fragment.id());
                for (int partition = 0; partition < placed.size(); partition++) {
                    InternalNode node = placed.get(partition);
                    TaskId taskId = new TaskId(session.queryId(), fragment.id().id(), partition);
                    StageTask task = new StageTask(taskId, node, nodeTaskManagers.taskManager(node));
                    List<SplitAssignment> remoteSplits = remoteSplits(fragment, partition);
                    task.latest = updateTask(task, new TaskUpdateRequest(session, Optional.of(fragment), remoteSplits, new OutputBuffers(buffers)));
                    stage.tasks.add(task);
                }
                for (PlanNodeId sourceId : fragment.partitionedSources()) {
                    TableScanNode scan = findScan(fragment.root(), sourceId).orElseThrow(() -> new IllegalArgumentException("no table scan " + sourceId));
                    ConnectorSplitSource splitSource = catalogManager.requireConnector(scan.catalogName()).splitManager()
                            .getSplits(session.toConnectorSession(), scan.table());
                    stage.sources.add(new ScanSource(sourceId, scan.catalogName(), splitSource));
                }
            }
        }
        for (Stage stage : stages.values()) {
            for (StageTask task : stage.tasks) {
                follow(stage, task, task.latest.version());
            }
        }
        executor.execute(this::scheduleStages);
        ScheduledFuture<?> refresh = monitor.scheduleWithFixedDelay(() -> executor.execute(this::refreshStatuses), MEMORY_CHECK_MILLIS, MEMORY_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        synchronized (this) {
            memoryCheck = refresh;
        }
        if (done.get()) {
            refresh.cancel(false);
        }
    }

    /**
     * Asks every running task's status now (a status changes version only with its state and splits, not with its
     * memory) and fails the query when its memory on all nodes together is over the limit, as Presto's cluster memory
     * manager does. Asynchronous: a node that does not answer holds no thread, and gets no second request while the
     * first is open.
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void refreshStatuses()
    {
        if (done.get()) {
            return;
        }
        for (StageTask task : allTasks()) {
            synchronized (this) {
                if (task.refreshing || (task.latest != null && task.latest.state().isDone())) {
                    continue;
                }
                task.refreshing = true;
            }
            task.taskManager.getTaskStatus(task.taskId, -1).whenCompleteAsync((current, failure) -> {
                synchronized (this) {
                    task.refreshing = false;
                    if (current != null && (task.latest == null || current.version() >= task.latest.version())) {
                        task.latest = current;
                    }
                }
                // a failure to reach the task is its follower's to report
                if (current != null && !done.get()) {
                    checkMemory();
                }
            }, executor);
        }
    }

    private void checkMemory()
    {
        ClusterStatistics statistics = statistics();
        long memory = statistics.statistics().memoryBytes();
        if (memory > maxQueryMemoryBytes) {
            fail(new StrataException(ErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT, "Query exceeded distributed user memory limit of "
                    + DataSizes.succinctBytes(maxQueryMemoryBytes) + " [" + DataSizes.succinctBytes(memory) + " on " + statistics.nodes() + " nodes]"));
        }
    }

    private List<InternalNode> place(PlanFragment fragment, List<InternalNode> nodes, AtomicInteger nextNode)
    {
        if (fragment.id().equals(plan.fragment().id()) || fragment.partitioning() == FragmentPartitioning.COORDINATOR_ONLY) {
            return List.of(nodeManager.currentNode());
        }
        return switch (fragment.partitioning()) {
            case SOURCE -> nodes;
            case HASH -> {
                List<InternalNode> placed = new ArrayList<>();
                for (int i = 0; i < hashPartitionCount; i++) {
                    placed.add(nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size())));
                }
                yield placed;
            }
            case SINGLE, COORDINATOR_ONLY -> List.of(nodes.get(Math.floorMod(nextNode.getAndIncrement(), nodes.size())));
        };
    }

    /** The upstream buffers task {@code partition} of the fragment reads, one assignment per remote source, complete. */
    private List<SplitAssignment> remoteSplits(PlanFragment fragment, int partition)
    {
        List<RemoteSourceNode> remoteSources = new ArrayList<>();
        collectRemoteSources(fragment.root(), remoteSources);
        List<SplitAssignment> assignments = new ArrayList<>();
        for (RemoteSourceNode remote : remoteSources) {
            List<ScheduledSplit> splits = new ArrayList<>();
            for (PlanFragmentId sourceId : remote.sourceFragmentIds()) {
                Stage upstream = requireNonNull(stages.get(sourceId), "upstream stage not created");
                OutputBufferId buffer = new OutputBufferId(upstream.fragment.outputPartitioning().type() == ExchangeNode.Type.GATHER ? 0 : partition);
                for (StageTask task : upstream.tasks) {
                    URI location = URI.create(task.node.uri().toString().replaceAll("/+$", "") + "/v1/task/" + task.taskId + "/results/" + buffer);
                    splits.add(new ScheduledSplit(nextSequenceId.getAndIncrement(), RemoteSplit.split(location)));
                }
            }
            assignments.add(new SplitAssignment(remote.id(), splits, true));
        }
        return assignments;
    }

    private TaskStatus updateTask(StageTask task, TaskUpdateRequest request)
    {
        try {
            return task.taskManager.updateTask(task.taskId, request);
        }
        catch (StrataException e) {
            if (e.errorCode() == ErrorCode.REMOTE_TASK_ERROR) {
                nodeManager.reportUnreachable(task.node);
            }
            throw e;
        }
    }

    /**
     * Follows a task's status until it ends. The callback handles the outcome itself, so the future it returns is
     * not kept.
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void follow(Stage stage, StageTask task, long version)
    {
        if (done.get()) {
            return;
        }
        task.taskManager.getTaskStatus(task.taskId, version).whenCompleteAsync((status, cause) -> {
            if (done.get()) {
                if (cause == null) {
                    followToEnd(task, status);
                }
                return;
            }
            if (cause != null) {
                StrataException failure = unwrap(cause);
                if (failure.errorCode() == ErrorCode.REMOTE_TASK_ERROR) {
                    nodeManager.reportUnreachable(task.node);
                }
                fail(failure);
                return;
            }
            synchronized (this) {
                task.latest = status;
            }
            checkMemory();
            if (done.get()) {
                return;
            }
            if (status.state() == TaskState.FAILED) {
                fail(status.failures().isEmpty()
                        ? new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, "Task " + task.taskId + " on " + task.node.describe() + " failed")
                        : status.failures().get(0).toException());
                return;
            }
            if (status.state() == TaskState.ABORTED || status.state() == TaskState.CANCELED) {
                // the query did not end it (it would be done): the node shutting down did, or a failure of another task of
                // the query that a consumer saw first; that failure, when known, is the one to report
                Optional<StrataException> failure = failedTaskFailure();
                if (failure.isEmpty()) {
                    nodeManager.reportUnreachable(task.node);
                }
                fail(failure.orElseGet(() -> new StrataException(ErrorCode.REMOTE_TASK_ERROR, "Task " + task.taskId + " was "
                        + status.state().toString().toLowerCase(Locale.ENGLISH) + " on node " + task.node.describe() + ", which may have shut down")));
                return;
            }
            if (!stage.schedulingDone) {
                scheduleStages();
            }
            if (!status.state().isDone()) {
                follow(stage, task, status.version());
            }
        }, executor);
    }

    /**
     * After the query ended: keeps a task's newer status (for its statistics and {@code system.runtime.tasks}) and goes on
     * following a task that only flushes its last pages until it ends, without acting on what it reports.
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void followToEnd(StageTask task, TaskStatus status)
    {
        keepIfNewer(task, status);
        if (status.state() != TaskState.FLUSHING) {
            return;
        }
        task.taskManager.getTaskStatus(task.taskId, status.version()).whenCompleteAsync((next, cause) -> {
            if (cause == null) {
                followToEnd(task, next);
            }
        }, executor);
    }

    private synchronized void keepIfNewer(StageTask task, TaskStatus status)
    {
        if (task.latest == null || status.version() >= task.latest.version()) {
            task.latest = status;
        }
    }

    private synchronized Optional<StrataException> failedTaskFailure()
    {
        for (StageTask task : allTasks()) {
            if (task.latest != null && task.latest.state() == TaskState.FAILED && !task.latest.failures().isEmpty()) {
                return Optional.of(task.latest.failures().get(0).toException());
            }
        }
        return Optional.empty();
    }

    private static StrataException unwrap(Throwable throwable)
    {
        Throwable cause = throwable;
        while (cause.getCause() != null && !(cause instanceof StrataException)) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataException strata) {
            return strata;
        }
        return new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, String.valueOf(cause.getMessage()), cause);
    }

    /** One round over the stages still handing out splits; rounds never overlap (the lock). */
    private synchronized void scheduleStages()
    {
        if (done.get()) {
            return;
        }
        try {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Stage stage : stages.values()) {
                    if (!stage.schedulingDone && prerequisitesDone(stage) && scheduleStage(stage)) {
                        stage.schedulingDone = true;
                        // a stage done may release stages waiting for it
                        progress = true;
                    }
                }
            }
        }
        catch (RuntimeException e) {
            fail(e);
        }
    }

    private boolean prerequisitesDone(Stage stage)
    {
        if (!phased) {
            return true;
        }
        for (PlanFragmentId id : stage.prerequisites) {
            Stage prerequisite = stages.get(id);
            if (prerequisite != null && !prerequisite.schedulingDone) {
                return false;
            }
        }
        return true;
    }

    /** Hands out what splits the stage's tasks have room for; returns whether every scan of the stage is exhausted. */
    private boolean scheduleStage(Stage stage)
    {
        for (ScanSource source : stage.sources) {
            if (source.noMoreSplitsSent) {
                continue;
            }
            while (!source.splitSource.isFinished()) {
                int room = 0;
                for (StageTask task : stage.tasks) {
                    room += Math.max(0, maxPendingSplitsPerTask - task.pendingSplits());
                }
                if (room <= 0) {
                    return false;
                }
                List<ConnectorSplit> splits = source.splitSource.nextBatch(Math.min(splitBatchSize, room));
                if (splits.isEmpty()) {
                    break;
                }
                // each split to the task with the fewest unfinished splits, counting those of this batch
                Map<StageTask, List<ScheduledSplit>> batches = new LinkedHashMap<>();
                for (ConnectorSplit split : splits) {
                    StageTask target = leastBusy(stage);
                    target.assignedSplits++;
                    batches.computeIfAbsent(target, task -> new ArrayList<>())
                            .add(new ScheduledSplit(nextSequenceId.getAndIncrement(), new Split(source.catalogName, split)));
                }
                totalSplits.addAndGet(splits.size());
                for (Map.Entry<StageTask, List<ScheduledSplit>> batch : batches.entrySet()) {
                    StageTask target = batch.getKey();
                    keepIfNewer(target, updateTask(target, new TaskUpdateRequest(session, Optional.empty(),
                            List.of(new SplitAssignment(source.sourceId, batch.getValue(), false)), OutputBuffers.SINGLE)));
                }
            }
            if (!source.splitSource.isFinished()) {
                // builds before the probes that wait for them: a probe's blocked drivers must never hold the room a build still needs
                return false;
            }
            source.noMoreSplitsSent = true;
            source.close();
            for (StageTask task : stage.tasks) {
                keepIfNewer(task, updateTask(task, new TaskUpdateRequest(session, Optional.empty(), List.of(new SplitAssignment(source.sourceId, List.of(), true)),
                        OutputBuffers.SINGLE)));
            }
        }
        return true;
    }

    private static StageTask leastBusy(Stage stage)
    {
        StageTask best = stage.tasks.get(0);
        for (StageTask task : stage.tasks) {
            if (task.pendingSplits() < best.pendingSplits()) {
                best = task;
            }
        }
        return best;
    }

    private void fail(Throwable failure)
    {
        if (done.compareAndSet(false, true)) {
            synchronized (this) {
                if (memoryCheck != null) {
                    memoryCheck.cancel(false);
                }
            }
            closeSources();
            onFailure.accept(failure);
        }
    }

    /** Stops feeding splits and following tasks (the query ended). Idempotent. */
    public void stop()
    {
        done.set(true);
        synchronized (this) {
            if (memoryCheck != null) {
                memoryCheck.cancel(false);
            }
        }
        executor.execute(this::closeSources);
    }

    /**
     * Stops scheduling and ends every task of the query on every node: canceled when the user canceled, else aborted.
     * A node that cannot be reached is skipped (its tasks end with it).
     */
    public void endTasks(boolean canceled)
    {
        stop();
        List<StageTask> tasks = allTasks();
        for (StageTask task : tasks) {
            Runnable end = () -> {
                try {
                    if (canceled) {
                        task.taskManager.cancelTask(task.taskId);
                    }
                    else {
                        task.taskManager.abortTask(task.taskId);
                    }
                }
                catch (RuntimeException e) {
                    // the task was never created, or is gone already
                }
            };
            if (task.taskId.equals(rootTaskId)) {
                end.run();
            }
            else {
                executor.execute(end);
            }
        }
    }

    /**
     * The root task's output is complete: stops scheduling, reads every task's status once more (so that the query's
     * statistics are final when it reports finishing: every upstream driver has ended, but their last statuses may not
     * have arrived) and aborts the other tasks that have not ended: at once those still running (a LIMIT left them), after
     * {@link #FLUSHING_GRACE_MILLIS} those flushing, which end finished by themselves once their consumer removed their
     * buffer. Finished tasks keep their counters.
     */
    @SuppressWarnings("FutureReturnValueIgnored")
    public void endUpstreamTasks()
    {
        stop();
        // the tasks' last counters, for the query's final statistics: asked of all at once, waited for briefly
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (StageTask task : allTasks()) {
            TaskStatus latest;
            synchronized (this) {
                latest = task.latest;
            }
            if (latest == null || !latest.state().isDone()) {
                reads.add(task.taskManager.getTaskStatus(task.taskId, -1).thenAccept(status -> keepIfNewer(task, status)));
            }
        }
        try {
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get(FINAL_STATUS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException e) {
            // a task gone or slow keeps its last status
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (StageTask task : allTasks()) {
            TaskStatus latest;
            synchronized (this) {
                latest = task.latest;
            }
            if (task.taskId.equals(rootTaskId) || (latest != null && latest.state().isDone())) {
                continue;
            }
            if (latest != null && latest.state() == TaskState.FLUSHING) {
                monitor.schedule(() -> executor.execute(() -> abortUnlessDone(task)), FLUSHING_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            }
            else {
                executor.execute(() -> abortUnlessDone(task));
            }
        }
    }

    private static final long FLUSHING_GRACE_MILLIS = 2000;
    private static final long FINAL_STATUS_WAIT_MILLIS = 1000;

    private void abortUnlessDone(StageTask task)
    {
        synchronized (this) {
            if (task.latest != null && task.latest.state().isDone()) {
                return;
            }
        }
        try {
            keepIfNewer(task, task.taskManager.abortTask(task.taskId));
        }
        catch (RuntimeException e) {
            // gone already
        }
    }

    private synchronized List<StageTask> allTasks()
    {
        List<StageTask> tasks = new ArrayList<>();
        stages.values().forEach(stage -> tasks.addAll(stage.tasks));
        return tasks;
    }

    /** Every task of the query with the node it runs on, producers first. */
    public List<PlacedTask> tasks()
    {
        return allTasks().stream().map(task -> new PlacedTask(task.taskId, task.node, task.taskManager)).toList();
    }

    /** A task of the query, where it runs, and the task API to reach it. */
    public record PlacedTask(TaskId taskId, InternalNode node, TaskManager taskManager) {}

    /** Every task of the query with the latest status this scheduler has of it, producers first (for {@code system.runtime.tasks}). */
    public synchronized List<TaskSnapshot> taskSnapshots()
    {
        List<TaskSnapshot> snapshots = new ArrayList<>();
        for (StageTask task : allTasks()) {
            if (task.latest != null) {
                snapshots.add(new TaskSnapshot(task.node, task.latest));
            }
        }
        return snapshots;
    }

    /** A task as the scheduler last saw it: the node it runs on and its latest status. */
    public record TaskSnapshot(InternalNode node, TaskStatus latestStatus)
    {
        public TaskSnapshot
        {
            requireNonNull(node, "node is null");
            requireNonNull(latestStatus, "latestStatus is null");
        }
    }

    /**
     * The query's counters over every task's latest status: splits, times, rows and bytes read summed; memory per node
     * (the tasks of a query on one node share its memory) summed over nodes.
     */
    public synchronized ClusterStatistics statistics()
    {
        int queued = 0;
        int running = 0;
        int completed = 0;
        long cpu = 0;
        long scheduled = 0;
        long rows = 0;
        long bytes = 0;
        Map<String, Long> memoryPerNode = new HashMap<>();
        Map<String, Long> peakPerNode = new HashMap<>();
        Set<String> nodes = new HashSet<>();
        for (StageTask task : allTasks()) {
            nodes.add(task.node.nodeId());
            if (task.latest == null) {
                continue;
            }
            TaskStatistics statistics = task.latest.statistics();
            queued += statistics.queuedSplits();
            running += statistics.runningSplits();
            completed += statistics.completedSplits();
            cpu += statistics.cpuNanos();
            scheduled += statistics.scheduledNanos();
            rows += statistics.processedInputRows();
            bytes += statistics.processedInputBytes();
            memoryPerNode.merge(task.node.nodeId(), statistics.memoryBytes(), Math::max);
            peakPerNode.merge(task.node.nodeId(), statistics.peakMemoryBytes(), Math::max);
        }
        long memory = memoryPerNode.values().stream().mapToLong(Long::longValue).sum();
        long peak = peakPerNode.values().stream().mapToLong(Long::longValue).sum();
        return new ClusterStatistics(nodes.size(), new TaskStatistics(queued, running, completed, cpu, scheduled, rows, bytes, 0, 0, memory, peak));
    }

    /** The query's counters summed over its tasks, and the number of nodes running them. */
    public record ClusterStatistics(int nodes, TaskStatistics statistics) {}

    private synchronized void closeSources()
    {
        for (Stage stage : stages.values()) {
            for (ScanSource source : stage.sources) {
                source.close();
            }
        }
    }

    private static void postOrder(SubPlan subPlan, List<SubPlan> order)
    {
        for (SubPlan child : subPlan.children()) {
            postOrder(child, order);
        }
        order.add(subPlan);
    }

    /**
     * For each fragment, the fragments whose splits must all be handed out before its own: those below the build side
     * of every join whose probe side its rows flow into.
     */
    private static void collectPrerequisites(SubPlan subPlan, Set<PlanFragmentId> inherited, Map<PlanFragmentId, Set<PlanFragmentId>> prerequisites)
    {
        Map<PlanFragmentId, SubPlan> children = new HashMap<>();
        subPlan.children().forEach(child -> children.put(child.fragment().id(), child));
        walk(subPlan.fragment().id(), subPlan.fragment().root(), inherited, children, prerequisites);
    }

    private static void walk(PlanFragmentId fragmentId, PlanNode node, Set<PlanFragmentId> waitingFor, Map<PlanFragmentId, SubPlan> children,
            Map<PlanFragmentId, Set<PlanFragmentId>> prerequisites)
    {
        PlanNode probe = null;
        PlanNode build = null;
        if (node instanceof JoinNode join) {
            boolean swapped = join.type() == JoinNode.Type.RIGHT;
            probe = swapped ? join.right() : join.left();
            build = swapped ? join.left() : join.right();
        }
        else if (node instanceof SemiJoinNode semiJoin) {
            probe = semiJoin.source();
            build = semiJoin.filteringSource();
        }
        if (probe != null) {
            Set<PlanFragmentId> buildFragments = new HashSet<>();
            fragmentsBelow(build, children, buildFragments);
            Set<PlanFragmentId> probeWaits = new HashSet<>(waitingFor);
            probeWaits.addAll(buildFragments);
            walk(fragmentId, build, waitingFor, children, prerequisites);
            walk(fragmentId, probe, probeWaits, children, prerequisites);
            return;
        }
        if (node instanceof TableScanNode) {
            prerequisites.computeIfAbsent(fragmentId, id -> new HashSet<>()).addAll(waitingFor);
        }
        if (node instanceof RemoteSourceNode remote) {
            for (PlanFragmentId sourceId : remote.sourceFragmentIds()) {
                collectPrerequisites(children.get(sourceId), waitingFor, prerequisites);
            }
        }
        for (PlanNode source : node.sources()) {
            walk(fragmentId, source, waitingFor, children, prerequisites);
        }
    }

    private static void fragmentsBelow(PlanNode node, Map<PlanFragmentId, SubPlan> children, Set<PlanFragmentId> fragments)
    {
        if (node instanceof RemoteSourceNode remote) {
            for (PlanFragmentId sourceId : remote.sourceFragmentIds()) {
                children.get(sourceId).allFragments().forEach(fragment -> fragments.add(fragment.id()));
            }
        }
        for (PlanNode source : node.sources()) {
            fragmentsBelow(source, children, fragments);
        }
    }

    private static void collectRemoteSources(PlanNode node, List<RemoteSourceNode> remoteSources)
    {
        if (node instanceof RemoteSourceNode remote) {
            remoteSources.add(remote);
        }
        for (PlanNode source : node.sources()) {
            collectRemoteSources(source, remoteSources);
        }
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

    private static final class Stage
    {
        private final PlanFragment fragment;
        private final Set<PlanFragmentId> prerequisites;
        private final List<StageTask> tasks = new ArrayList<>();
        private final List<ScanSource> sources = new ArrayList<>();
        // guarded by the scheduler
        private volatile boolean schedulingDone;

        Stage(PlanFragment fragment, Set<PlanFragmentId> prerequisites)
        {
            this.fragment = fragment;
            this.prerequisites = Set.copyOf(prerequisites);
        }
    }

    private static final class StageTask
    {
        private final TaskId taskId;
        private final InternalNode node;
        private final TaskManager taskManager;
        // guarded by the scheduler
        private TaskStatus latest;
        // guarded by the scheduler
        private int assignedSplits;
        // guarded by the scheduler: a status refresh is in flight
        private boolean refreshing;

        StageTask(TaskId taskId, InternalNode node, TaskManager taskManager)
        {
            this.taskId = taskId;
            this.node = node;
            this.taskManager = taskManager;
        }

        int pendingSplits()
        {
            return assignedSplits - (latest == null ? 0 : latest.statistics().completedSplits());
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

        void close()
        {
            if (!closed) {
                closed = true;
                splitSource.close();
            }
        }
    }
}
