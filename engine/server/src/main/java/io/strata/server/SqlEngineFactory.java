package io.strata.server;

import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.executor.LevelSchedule;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.query.QueryEngineConfig;
import io.strata.core.execution.query.SqlQueryEngine;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.session.Session;
import io.strata.server.config.ServerConfig;
import io.strata.sql.parser.SqlParser;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Creates the real SQL engine of a coordinator: parser, planner with the default optimizer passes, and the
 * node's task manager, which runs the coordinator's own tasks through the same interface workers serve.
 */
public final class SqlEngineFactory
        implements QueryEngineFactory
{
    @Override
    public QueryEngine create(ServerConfig config, CatalogManager catalogManager, Supplier<URI> baseUri)
    {
        SqlTaskManager taskManager = createTaskManager(config, catalogManager);
        SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        SqlQueryEngine engine = new SqlQueryEngine(planner, catalogManager, taskManager, QueryEngineConfig.defaults());
        return new OwningQueryEngine(engine, taskManager);
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

    /** The engine and the task manager it runs on, closed together: queries first, then their tasks. */
    private static final class OwningQueryEngine
            implements QueryEngine, TaskManagerOwner, AutoCloseable
    {
        private final SqlQueryEngine engine;
        private final SqlTaskManager taskManager;

        OwningQueryEngine(SqlQueryEngine engine, SqlTaskManager taskManager)
        {
            this.engine = requireNonNull(engine, "engine is null");
            this.taskManager = requireNonNull(taskManager, "taskManager is null");
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
        public void close()
        {
            try {
                engine.close();
            }
            finally {
                taskManager.close();
            }
        }
    }
}
