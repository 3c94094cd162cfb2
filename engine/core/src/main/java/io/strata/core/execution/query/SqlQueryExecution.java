package io.strata.core.execution.query;

import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.QueryStatistics;
import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.fragmenter.AnyNodeScans;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.fragmenter.SubPlan;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.metadata.DataDefinitionTask;
import io.strata.core.metadata.SystemSessionProperties;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeTaskManagers;
import io.strata.core.optimizer.AddExchanges;
import io.strata.core.planner.AnnotatedPlanPrinter;
import io.strata.core.planner.PlannedStatement;
import io.strata.core.planner.StatementPlanner;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.QueryState;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * One statement's run on the coordinator. {@link #start()} plans on the engine's executor, then schedules
 * the plan's fragment as a task on the {@link TaskManager} and reads the task's output buffer by token: one
 * read at a time, and the next only once fewer than a read's bytes are waiting for the client, so a client
 * that does not read stalls the query (the task's bounded buffer fills and its drivers block).
 */
final class SqlQueryExecution
        implements QueryExecution
{
    private static final OutputBufferId ROOT_BUFFER = new OutputBufferId(0);
    private static final double ROWS_PER_HASH_TASK = 10_000;

    private final Session session;
    private final String sql;
    private final StatementPlanner planner;
    private final CatalogManager catalogManager;
    private final TaskManager taskManager;
    private final NodeManager nodeManager;
    private final NodeTaskManagers nodeTaskManagers;
    private final Executor executor;
    private final ScheduledExecutorService monitor;
    private final QueryEngineConfig config;
    private final long createNanos = System.nanoTime();
    private final AtomicBoolean started = new AtomicBoolean();

    // guarded by this
    private QueryState state = QueryState.QUEUED;
    // guarded by this
    private long startNanos = -1;
    // guarded by this
    private long endNanos = -1;
    // guarded by this
    private boolean planned;
    // guarded by this
    private boolean plannedUnreported;
    // guarded by this
    private Optional<List<OutputColumn>> columns = Optional.empty();
    // guarded by this
    private Optional<String> updateType = Optional.empty();
    // guarded by this
    private SessionUpdates sessionUpdates = SessionUpdates.NONE;
    // guarded by this
    private Optional<StrataException> failure = Optional.empty();
    // guarded by this
    private Optional<QueryScheduler> scheduler = Optional.empty();
    // guarded by this
    private final Deque<Page> pages = new ArrayDeque<>();
    // guarded by this
    private long queuedBytes;
    // guarded by this
    private long token;
    // guarded by this
    private boolean fetching;
    // guarded by this
    private boolean outputComplete;
    // guarded by this
    private CompletableFuture<Void> changed = new CompletableFuture<>();
    // guarded by this: the table an INSERT or CREATE TABLE AS writes its output to, instead of the client
    private Optional<TableWriter> writer = Optional.empty();
    // guarded by this
    private OptionalLong writtenRows = OptionalLong.empty();
    // guarded by this: EXPLAIN ANALYZE drops the output and returns the plan with the operators' counters
    private Optional<AnnotatedPlanPrinter> explainAnalyze = Optional.empty();

    /**
     * @param taskManager this node's task manager: it runs the root task, whose output the client reads
     * @param nodeManager the nodes the query's other tasks may go to; when it lists only this node, the plan runs as one fragment
     */
    SqlQueryExecution(Session session, String sql, StatementPlanner planner, CatalogManager catalogManager, TaskManager taskManager, NodeManager nodeManager,
            NodeTaskManagers nodeTaskManagers, Executor executor, ScheduledExecutorService monitor, QueryEngineConfig config)
    {
        this.monitor = requireNonNull(monitor, "monitor is null");
        this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
        this.nodeTaskManagers = requireNonNull(nodeTaskManagers, "nodeTaskManagers is null");
        this.session = requireNonNull(session, "session is null");
        this.sql = requireNonNull(sql, "sql is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.taskManager = requireNonNull(taskManager, "taskManager is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public String queryId()
    {
        return session.queryId();
    }

    @Override
    public synchronized QueryState state()
    {
        return state;
    }

    @Override
    public void start()
    {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            startNanos = System.nanoTime();
            state = QueryState.PLANNING;
        }
        signal();
        executor.execute(this::planAndRun);
    }

    private void planAndRun()
    {
        try {
            PlannedStatement statement = planner.plan(session, sql);
            statement.dataDefinition().ifPresent(DataDefinitionTask::execute);
            Optional<TableWriter> tableWriter = statement.writeTarget().map(target -> TableWriter.begin(session, catalogManager, target));
            Optional<List<OutputColumn>> outputColumns = tableWriter.isPresent()
                    ? Optional.of(TableWriter.OUTPUT_COLUMNS)
                    : statement.explainAnalyze().isPresent() ? Optional.of(ExplainAnalyzeOutput.OUTPUT_COLUMNS) : statement.plan().map(SqlQueryExecution::outputColumns);
            synchronized (this) {
                if (state.isDone()) {
                    tableWriter.ifPresent(TableWriter::abort);
                    return;
                }
                writer = tableWriter;
                explainAnalyze = statement.explainAnalyze();
                columns = outputColumns;
                updateType = statement.updateType();
                sessionUpdates = statement.sessionUpdates();
                planned = true;
                plannedUnreported = true;
                if (statement.plan().isEmpty()) {
                    outputComplete = true;
                    state = QueryState.FINISHED;
                    endNanos = System.nanoTime();
                }
                else {
                    state = QueryState.STARTING;
                }
            }
            signal();
            if (statement.plan().isEmpty()) {
                return;
            }
            List<InternalNode> nodes = nodeManager.schedulableNodes();
            SubPlan plan;
            if (nodes.equals(List.of(nodeManager.currentNode()))) {
                // a cluster of one: no exchanges, the whole plan in one task
                plan = new PlanFragmenter().fragment(statement.plan().get());
            }
            else {
                AnyNodeScans anyNodeScans = new AnyNodeScans(catalogManager);
                plan = new PlanFragmenter(anyNodeScans).fragment(AddExchanges.addExchanges(statement.plan().get(), session, anyNodeScans));
            }
            QueryScheduler queryScheduler = new QueryScheduler(session, plan, nodeManager, nodeTaskManagers, catalogManager, executor, monitor, config.splitBatchSize(),
                    config.maxPendingSplitsPerTask(), SystemSessionProperties.isPhasedExecution(session), hashPartitionCount(statement.plan().get(), nodes.size()),
                    config.maxQueryMemoryBytes(), cause -> fail(toStrataException(cause)));
            synchronized (this) {
                if (state.isDone()) {
                    return;
                }
                scheduler = Optional.of(queryScheduler);
            }
            queryScheduler.start();
            synchronized (this) {
                if (state == QueryState.STARTING) {
                    state = QueryState.RUNNING;
                }
            }
            signal();
            fetch();
            if (isDone()) {
                // failed or canceled while the task was being created
                abortTask();
            }
        }
        catch (RuntimeException | Error e) {
            fail(toStrataException(e));
        }
    }

    /**
     * The tasks of each hash-partitioned stage: {@code hash_partition_count} when set; else one per node, but no more
     * than one per {@link #ROWS_PER_HASH_TASK} rows of the largest table the query reads, so that small queries do not
     * spread thin.
     */
    private int hashPartitionCount(PlanNode plan, int nodeCount)
    {
        int configured = SystemSessionProperties.getHashPartitionCount(session);
        if (configured > 0) {
            return configured;
        }
        double largest = largestTableRows(plan);
        return (int) Math.max(1, Math.min(nodeCount, Math.ceil(largest / ROWS_PER_HASH_TASK)));
    }

    private static double largestTableRows(PlanNode node)
    {
        double largest = node instanceof TableScanNode scan ? scan.statistics().rowCount().orElse(ROWS_PER_HASH_TASK * 1000) : 0;
        for (PlanNode source : node.sources()) {
            largest = Math.max(largest, largestTableRows(source));
        }
        return largest;
    }

    private static List<OutputColumn> outputColumns(OutputNode plan)
    {
        List<OutputColumn> columns = new ArrayList<>();
        for (int i = 0; i < plan.columnNames().size(); i++) {
            columns.add(new OutputColumn(plan.columnNames().get(i), plan.outputs().get(i).type()));
        }
        return columns;
    }

    private synchronized boolean isDone()
    {
        return state.isDone();
    }

    /** Reads the next batch of output, unless a read is under way; {@link #resultsArrived} handles the outcome. */
    @SuppressWarnings("FutureReturnValueIgnored")
    private void fetch()
    {
        TaskId taskId;
        long fetchToken;
        synchronized (this) {
            if (fetching || outputComplete || state.isDone() || scheduler.isEmpty()) {
                return;
            }
            fetching = true;
            taskId = scheduler.get().rootTaskId();
            fetchToken = token;
        }
        taskManager.getTaskResults(taskId, ROOT_BUFFER, fetchToken, config.maxResultFetchBytes())
                .whenCompleteAsync(this::resultsArrived, executor);
    }

    private void resultsArrived(BufferResult result, Throwable cause)
    {
        try {
            takeResults(result, cause);
        }
        catch (RuntimeException e) {
            fail(toStrataException(e));
        }
    }

    private void takeResults(BufferResult result, Throwable cause)
    {
        if (cause != null) {
            fail(toStrataException(cause));
            return;
        }
        Optional<TableWriter> tableWriter;
        Optional<AnnotatedPlanPrinter> planPrinter;
        TaskId taskId;
        synchronized (this) {
            tableWriter = writer;
            planPrinter = explainAnalyze;
            taskId = scheduler.orElseThrow().rootTaskId();
        }
        List<Page> output = result.pages();
        if (tableWriter.isPresent()) {
            output = write(tableWriter.get(), result);
        }
        else if (planPrinter.isPresent()) {
            output = result.bufferComplete() ? List.of(explainAnalyzePage(planPrinter.get(), taskId)) : List.of();
        }
        if (result.bufferComplete() && !isDone()) {
            // the root task has all it needs: upstream tasks still running (under a LIMIT) are not needed; done before the
            // query can report finishing, so that the statistics it reports then are every task's final ones
            Optional<QueryScheduler> currentScheduler;
            synchronized (this) {
                currentScheduler = scheduler;
            }
            currentScheduler.ifPresent(QueryScheduler::endUpstreamTasks);
        }
        boolean fetchMore;
        synchronized (this) {
            fetching = false;
            if (state.isDone()) {
                return;
            }
            for (Page page : output) {
                pages.addLast(page);
                queuedBytes += page.sizeInBytes();
            }
            token = result.nextToken();
            if (result.bufferComplete()) {
                outputComplete = true;
            }
            updateOutputState();
            fetchMore = !outputComplete && queuedBytes < config.maxResultFetchBytes();
        }
        signal();
        if (fetchMore) {
            fetch();
        }
    }

    /**
     * The plan with its operators' counters. The buffer completes as the last driver ends, so this waits
     * (briefly) for the task to be done, when the counters are final.
     */
    private Page explainAnalyzePage(AnnotatedPlanPrinter printer, TaskId taskId)
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            TaskStatus status = taskManager.getTaskStatus(taskId);
            while (!status.state().isDone() && System.nanoTime() < deadline) {
                status = taskManager.getTaskStatus(taskId, status.version()).get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }
        catch (ExecutionException | TimeoutException e) {
            // print the counters as they are
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long elapsedMillis;
        synchronized (this) {
            elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - createNanos);
        }
        return ExplainAnalyzeOutput.page(printer, operatorStatistics(), elapsedMillis);
    }

    /** The operators of the query: each summed over the tasks of its stage (the tasks of a stage run the same pipelines). */
    private List<OperatorStatistics> operatorStatistics()
    {
        Optional<QueryScheduler> currentScheduler;
        synchronized (this) {
            currentScheduler = scheduler;
        }
        Map<List<Integer>, OperatorStatistics> operators = new LinkedHashMap<>();
        for (QueryScheduler.PlacedTask task : currentScheduler.orElseThrow().tasks()) {
            try {
                for (OperatorStatistics operator : task.taskManager().getOperatorStatistics(task.taskId())) {
                    operators.merge(List.of(task.taskId().stageId(), operator.pipelineId(), operator.operatorId()), operator, OperatorStatistics::add);
                }
            }
            catch (RuntimeException e) {
                // a task whose node is gone: its counters are lost, the others still print
            }
        }
        return List.copyOf(operators.values());
    }

    /** Writes the pages to the table; once the output is complete, commits and returns the page of the count. */
    private List<Page> write(TableWriter tableWriter, BufferResult result)
    {
        for (Page page : result.pages()) {
            tableWriter.append(page);
        }
        if (!result.bufferComplete()) {
            return List.of();
        }
        Page count = tableWriter.finish();
        synchronized (this) {
            writtenRows = OptionalLong.of(tableWriter.rows());
        }
        return List.of(count);
    }

    // guarded by this
    private void updateOutputState()
    {
        if (!outputComplete || state.isDone()) {
            return;
        }
        if (pages.isEmpty()) {
            state = QueryState.FINISHED;
            endNanos = System.nanoTime();
        }
        else {
            state = QueryState.FINISHING;
        }
    }

    @Override
    public synchronized Optional<List<OutputColumn>> columns()
    {
        return columns;
    }

    @Override
    public synchronized boolean isPlanned()
    {
        return planned || state == QueryState.FAILED;
    }

    @Override
    public synchronized Optional<String> updateType()
    {
        return updateType;
    }

    @Override
    public synchronized OptionalLong updateCount()
    {
        return writtenRows;
    }

    @Override
    public synchronized SessionUpdates sessionUpdates()
    {
        return sessionUpdates;
    }

    @Override
    public Page pollPage()
    {
        Page page;
        boolean fetchMore;
        boolean finished;
        synchronized (this) {
            page = pages.pollFirst();
            if (page == null) {
                return null;
            }
            queuedBytes -= page.sizeInBytes();
            QueryState before = state;
            updateOutputState();
            finished = before != state;
            fetchMore = !fetching && !outputComplete && queuedBytes < config.maxResultFetchBytes();
        }
        if (finished) {
            signal();
        }
        if (fetchMore) {
            fetch();
        }
        return page;
    }

    @Override
    public synchronized boolean isOutputFinished()
    {
        return outputComplete && pages.isEmpty() && state != QueryState.FAILED;
    }

    @Override
    public synchronized CompletableFuture<Void> whenChanged()
    {
        if (!pages.isEmpty() || state.isDone() || plannedUnreported) {
            plannedUnreported = false;
            return CompletableFuture.completedFuture(null);
        }
        return changed;
    }

    private void signal()
    {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            toComplete = changed;
            changed = new CompletableFuture<>();
        }
        toComplete.complete(null);
    }

    @Override
    public synchronized Optional<StrataException> failure()
    {
        return failure;
    }

    @Override
    public QueryStatistics statistics()
    {
        Optional<QueryScheduler> currentScheduler;
        synchronized (this) {
            currentScheduler = scheduler;
        }
        Optional<QueryScheduler.ClusterStatistics> cluster = currentScheduler.map(QueryScheduler::statistics);
        TaskStatistics task = cluster.map(QueryScheduler.ClusterStatistics::statistics).orElse(TaskStatistics.EMPTY);
        synchronized (this) {
            long now = System.nanoTime();
            long queuedNanos = (startNanos < 0 ? now : startNanos) - createNanos;
            long elapsedNanos = (endNanos < 0 ? now : endNanos) - createNanos;
            boolean scheduled = cluster.isPresent() && cluster.get().nodes() > 0;
            return new QueryStatistics(
                    state,
                    scheduled,
                    cluster.map(QueryScheduler.ClusterStatistics::nodes).orElse(0),
                    currentScheduler.map(QueryScheduler::totalSplits).orElse(0),
                    task.queuedSplits(),
                    task.runningSplits(),
                    task.completedSplits(),
                    TimeUnit.NANOSECONDS.toMillis(task.cpuNanos()),
                    TimeUnit.NANOSECONDS.toMillis(task.scheduledNanos()),
                    TimeUnit.NANOSECONDS.toMillis(queuedNanos),
                    TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
                    task.processedInputRows(),
                    task.processedInputBytes(),
                    task.peakMemoryBytes());
        }
    }

    @Override
    public List<QueryScheduler.TaskSnapshot> tasks()
    {
        Optional<QueryScheduler> currentScheduler;
        synchronized (this) {
            currentScheduler = scheduler;
        }
        return currentScheduler.map(QueryScheduler::taskSnapshots).orElse(List.of());
    }

    @Override
    public void cancel()
    {
        fail(new StrataException(ErrorCode.USER_CANCELED, "Query was canceled"));
    }

    @Override
    public void fail(StrataException cause)
    {
        requireNonNull(cause, "cause is null");
        Optional<TableWriter> tableWriter;
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            tableWriter = writer;
        }
        // before the failure shows: a client that saw it must not find the rows or the table a write left behind
        tableWriter.ifPresent(TableWriter::abort);
        synchronized (this) {
            if (state.isDone()) {
                return;
            }
            failure = Optional.of(cause);
            state = QueryState.FAILED;
            endNanos = System.nanoTime();
            pages.clear();
            queuedBytes = 0;
        }
        signal();
        abortTask();
    }

    /** Stops the scheduler and the task: canceled when the user canceled, else aborted. */
    private void abortTask()
    {
        Optional<QueryScheduler> currentScheduler;
        boolean canceled;
        synchronized (this) {
            currentScheduler = scheduler;
            canceled = failure.map(cause -> cause.errorCode() == ErrorCode.USER_CANCELED).orElse(false);
        }
        if (currentScheduler.isEmpty()) {
            return;
        }
        currentScheduler.get().endTasks(canceled);
    }

    /** A user error keeps its code; anything unexpected becomes {@code GENERIC_INTERNAL_ERROR} with its message. */
    static StrataException toStrataException(Throwable throwable)
    {
        Throwable cause = throwable;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataException) {
            return (StrataException) cause;
        }
        String message = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, message, cause);
    }
}
