package io.strata.core.execution.task;

import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.exchange.ExchangeClientConfig;
import io.strata.core.execution.exchange.HttpExchangeClient;
import io.strata.core.execution.executor.TaskExecutionStats;
import io.strata.core.execution.executor.TaskExecutor;
import io.strata.core.execution.executor.TaskExecutorStats;
import io.strata.core.execution.memory.MemoryPool;
import io.strata.core.execution.memory.QueryMemoryContext;
import io.strata.core.execution.pipeline.LocalExecutionPlanner;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.metadata.CatalogManager;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * Runs tasks in this process: the task API of a worker, and the one the coordinator uses for its own tasks.
 * Owns the task executor (its threads) and the node's memory pool; the tasks of one query share the query's
 * memory context, and with it the per-node limit.
 */
public final class SqlTaskManager
        implements TaskManager, AutoCloseable
{
    private final TaskManagerConfig config;
    private final TaskExecutor executor;
    private final LocalExecutionPlanner planner;
    private final MemoryPool memoryPool;
    private final OkHttpClient exchangeHttpClient;
    private final ScheduledExecutorService exchangeRetries;
    private final Map<TaskId, SqlTask> tasks = new ConcurrentHashMap<>();

    // guarded by this
    private final Map<String, QueryMemoryContext> queryMemory = new HashMap<>();
    // guarded by this
    private final Map<String, Integer> liveTasksPerQuery = new HashMap<>();

    public SqlTaskManager(CatalogManager catalogManager, TaskManagerConfig config)
    {
        requireNonNull(catalogManager, "catalogManager is null");
        this.config = requireNonNull(config, "config is null");
        this.executor = new TaskExecutor(config.workerThreads(), config.quantum().toNanos(), config.levelSchedule()).start();
        // a task's remote sources read their upstream tasks over HTTP; many long polls may be open at once
        Dispatcher dispatcher = new Dispatcher(Executors.newCachedThreadPool(daemonThreads("strata-exchange-http-")));
        dispatcher.setMaxRequests(1024);
        dispatcher.setMaxRequestsPerHost(256);
        this.exchangeHttpClient = new OkHttpClient.Builder().dispatcher(dispatcher).connectTimeout(Duration.ofSeconds(2)).build();
        this.exchangeRetries = Executors.newSingleThreadScheduledExecutor(daemonThreads("strata-exchange-retry-"));
        this.planner = new LocalExecutionPlanner(catalogManager, config.maxLocalExchangeBufferBytes(), config.maxPartialAggregationMemoryBytes(),
                () -> new HttpExchangeClient(exchangeHttpClient, () -> new PagesSerde(CompressionCodec.NONE), ExchangeClientConfig.DEFAULT, exchangeRetries));
        this.memoryPool = new MemoryPool(config.memoryPoolBytes());
    }

    public MemoryPool memoryPool()
    {
        return memoryPool;
    }

    /** The task executor's queue and threads, for the scheduler and {@code system.runtime}. */
    public TaskExecutorStats executorStats()
    {
        return executor.stats();
    }

    /** How the executor has treated each task this node holds (its level, scheduled time and drivers). */
    public List<TaskExecutionStats> taskExecutionStats()
    {
        List<TaskExecutionStats> stats = new ArrayList<>();
        for (SqlTask task : tasks.values()) {
            stats.add(task.executionStats());
        }
        return stats;
    }

    @Override
    public TaskStatus updateTask(TaskId taskId, TaskUpdateRequest request)
    {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(request, "request is null");
        SqlTask task = tasks.get(taskId);
        if (task == null) {
            if (request.fragment().isEmpty()) {
                throw new StrataException(ErrorCode.NOT_FOUND, "Task " + taskId + " does not exist, and the update has no fragment to create it");
            }
            removeOldTasks();
            SqlTask created = new SqlTask(taskId, acquireQueryMemory(taskId.queryId()), executor, request.outputBuffers().bufferCount(),
                    config.maxOutputBufferBytes(), this::taskDone);
            task = tasks.putIfAbsent(taskId, created);
            if (task == null) {
                task = created;
                task.start(planner, request.session(), request.fragment().get());
            }
            else {
                releaseQueryMemory(taskId.queryId());
            }
        }
        task.addSplits(request.splitAssignments());
        return task.status();
    }

    @Override
    public TaskStatus getTaskStatus(TaskId taskId)
    {
        return task(taskId).status();
    }

    @Override
    public CompletableFuture<TaskStatus> getTaskStatus(TaskId taskId, long currentVersion)
    {
        SqlTask task = tasks.get(taskId);
        if (task == null) {
            return CompletableFuture.failedFuture(notFound(taskId));
        }
        return task.statusAfter(currentVersion);
    }

    @Override
    public CompletableFuture<BufferResult> getTaskResults(TaskId taskId, OutputBufferId bufferId, long token, long maxBytes)
    {
        SqlTask task = tasks.get(taskId);
        if (task == null) {
            return CompletableFuture.failedFuture(notFound(taskId));
        }
        return task.outputBuffer().get(bufferId, token, maxBytes);
    }

    @Override
    public void acknowledgeTaskResults(TaskId taskId, OutputBufferId bufferId, long token)
    {
        SqlTask task = tasks.get(taskId);
        if (task != null) {
            task.outputBuffer().acknowledge(bufferId, token);
        }
    }

    @Override
    public TaskStatus cancelTask(TaskId taskId)
    {
        SqlTask task = task(taskId);
        task.cancel();
        return task.status();
    }

    @Override
    public TaskStatus abortTask(TaskId taskId)
    {
        SqlTask task = task(taskId);
        task.abort();
        return task.status();
    }

    @Override
    public List<TaskStatus> getAllTaskStatus()
    {
        List<TaskStatus> statuses = new ArrayList<>();
        for (SqlTask task : tasks.values()) {
            statuses.add(task.status());
        }
        return statuses;
    }

    @Override
    public List<OperatorStatistics> getOperatorStatistics(TaskId taskId)
    {
        return task(taskId).operatorStatistics();
    }

    boolean holdsOperatorFactories(TaskId taskId)
    {
        return task(taskId).holdsOperatorFactories();
    }

    private SqlTask task(TaskId taskId)
    {
        SqlTask task = tasks.get(taskId);
        if (task == null) {
            throw notFound(taskId);
        }
        return task;
    }

    private static StrataException notFound(TaskId taskId)
    {
        return new StrataException(ErrorCode.NOT_FOUND, "Task " + taskId + " does not exist");
    }

    private synchronized QueryMemoryContext acquireQueryMemory(String queryId)
    {
        liveTasksPerQuery.merge(queryId, 1, Integer::sum);
        return queryMemory.computeIfAbsent(queryId, id -> new QueryMemoryContext(id, config.maxQueryMemoryPerNodeBytes(), memoryPool));
    }

    private synchronized void releaseQueryMemory(String queryId)
    {
        int remaining = liveTasksPerQuery.merge(queryId, -1, Integer::sum);
        if (remaining <= 0) {
            liveTasksPerQuery.remove(queryId);
            queryMemory.remove(queryId);
        }
    }

    private void taskDone(SqlTask task)
    {
        releaseQueryMemory(task.queryId());
    }

    /** Forgets done tasks older than {@code task.info.max-age}. */
    private void removeOldTasks()
    {
        Instant oldest = Instant.now().minus(config.taskInfoMaxAge());
        tasks.values().removeIf(task -> {
            Instant doneTime = task.doneTime();
            return doneTime != null && doneTime.isBefore(oldest);
        });
    }

    @Override
    public void close()
    {
        for (SqlTask task : tasks.values()) {
            task.abort();
        }
        executor.close();
        exchangeRetries.shutdownNow();
        exchangeHttpClient.dispatcher().executorService().shutdownNow();
        exchangeHttpClient.connectionPool().evictAll();
    }

    private static ThreadFactory daemonThreads(String prefix)
    {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
