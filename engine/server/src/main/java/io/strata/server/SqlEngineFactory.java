package io.strata.server;

import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.executor.LevelSchedule;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.query.QueryEngineConfig;
import io.strata.core.execution.query.SqlQueryEngine;
import io.strata.core.execution.remote.HttpNodeTaskManagers;
import io.strata.core.execution.remote.HttpTaskManagerConfig;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.node.InternalNode;
import io.strata.core.node.LocalNodeManager;
import io.strata.core.node.NodeManager;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.session.Session;
import io.strata.server.config.ServerConfig;
import io.strata.server.node.DeferredNodeManager;
import io.strata.server.node.HttpNodeManager;
import io.strata.sql.parser.SqlParser;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Creates the real SQL engine of a coordinator: parser, planner with the default optimizer passes, the node's task
 * manager, which runs the coordinator's own tasks through the same interface workers serve, and the nodes tasks go
 * to: this coordinator alone ({@link LocalNodeManager}) when {@code node-scheduler.workers} is empty, else the
 * workers it lists, checked for liveness ({@link HttpNodeManager}).
 */
public final class SqlEngineFactory
        implements QueryEngineFactory
{
    // a check times out after at most 5 s
    private static final Duration FIRST_CHECKS_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public QueryEngine create(ServerConfig config, CatalogManager catalogManager, Supplier<URI> baseUri)
    {
        SqlTaskManager taskManager = createTaskManager(config, catalogManager);
        // the liveness checks' client; remote tasks have their own (HttpNodeTaskManagers), with many long polls open at once
        OkHttpClient httpClient = new OkHttpClient();
        Supplier<InternalNode> coordinator = () -> new InternalNode(config.nodeId(), baseUri.get(), true);
        NodeManager nodeManager = config.hasWorkers()
                ? startNodeManager(config, coordinator, httpClient)
                : new DeferredNodeManager(() -> new LocalNodeManager(coordinator.get()));
        HttpNodeTaskManagers nodeTaskManagers = new HttpNodeTaskManagers(config.nodeId(), taskManager, HttpTaskManagerConfig.DEFAULT);
        SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        SqlQueryEngine engine = new SqlQueryEngine(planner, catalogManager, taskManager, nodeManager, nodeTaskManagers,
                QueryEngineConfig.defaults().withMaxQueryMemoryBytes(config.maxMemory().bytes()));
        return new OwningQueryEngine(engine, taskManager, nodeManager, httpClient, nodeTaskManagers);
    }

    /** Checks the workers, and waits (briefly) for the first answers, so that the first queries find the workers that are up. */
    private static HttpNodeManager startNodeManager(ServerConfig config, Supplier<InternalNode> coordinator, OkHttpClient httpClient)
    {
        HttpNodeManager nodeManager = HttpNodeManager.start(coordinator, config.environment(), config.workers(), config.includeCoordinator(),
                config.livenessInterval(), config.livenessFailures(), httpClient);
        try {
            nodeManager.awaitFirstChecks(FIRST_CHECKS_TIMEOUT);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return nodeManager;
    }

    /** The node's task manager, with the executor and memory settings of {@code config}: coordinators and workers alike. */
    static SqlTaskManager createTaskManager(ServerConfig config, CatalogManager catalogManager)
    {
        TaskManagerConfig taskConfig = TaskManagerConfig.defaults()
                .withWorkerThreads(config.maxWorkerThreads())
                .withMaxQueryMemoryPerNodeBytes(config.maxMemoryPerNode().bytes())
                .withQuantum(config.taskQuantum())
                .withLevelSchedule(levelSchedule(config));
        return new SqlTaskManager(catalogManager, taskConfig);
    }

    private static LevelSchedule levelSchedule(ServerConfig config)
    {
        List<Duration> thresholds = new ArrayList<>();
        thresholds.add(Duration.ZERO);
        thresholds.addAll(config.levelThresholds());
        return new LevelSchedule(thresholds, config.levelTimeMultiplier());
    }

    /**
     * The engine, the task manager it runs on, the nodes it places tasks on and the internal HTTP client, closed
     * together: queries first, then the liveness checks, the client, and the tasks.
     */
    private static final class OwningQueryEngine
            implements QueryEngine, TaskManagerOwner, NodeManagerOwner, AutoCloseable
    {
        private final SqlQueryEngine engine;
        private final SqlTaskManager taskManager;
        private final NodeManager nodeManager;
        private final OkHttpClient httpClient;
        private final HttpNodeTaskManagers nodeTaskManagers;

        OwningQueryEngine(SqlQueryEngine engine, SqlTaskManager taskManager, NodeManager nodeManager, OkHttpClient httpClient,
                HttpNodeTaskManagers nodeTaskManagers)
        {
            this.nodeTaskManagers = requireNonNull(nodeTaskManagers, "nodeTaskManagers is null");
            this.engine = requireNonNull(engine, "engine is null");
            this.taskManager = requireNonNull(taskManager, "taskManager is null");
            this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
            this.httpClient = requireNonNull(httpClient, "httpClient is null");
        }

        @Override
        public QueryExecution createQuery(Session session, String sql)
        {
            return engine.createQuery(session, sql);
        }

        @Override
        public TaskManager taskManager()
        {
            return taskManager;
        }

        @Override
        public NodeManager nodeManager()
        {
            return nodeManager;
        }

        @Override
        public void close()
        {
            try {
                engine.close();
                if (nodeManager instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                httpClient.dispatcher().executorService().shutdownNow();
                httpClient.connectionPool().evictAll();
                nodeTaskManagers.close();
            }
            catch (Exception e) {
                throw new IllegalStateException("closing the engine failed", e);
            }
            finally {
                taskManager.close();
            }
        }
    }
}
