package io.strata.core.execution.query;

import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.node.InternalNode;
import io.strata.core.node.LocalNodeManager;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeTaskManagers;
import io.strata.core.planner.StatementPlanner;
import io.strata.core.session.Session;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The engine behind the server: plans statements with the front end's {@link StatementPlanner} and runs
 * them as tasks through a {@link TaskManager} (in this process an {@code SqlTaskManager}; later remote
 * workers behind the same interface). Owns the threads that plan queries, schedule splits and read
 * results; {@link #close()} stops them.
 */
public final class SqlQueryEngine
        implements QueryEngine, AutoCloseable
{
    private static final InternalNode LOCAL_NODE = new InternalNode("local", URI.create("http://127.0.0.1"), true);

    private final StatementPlanner planner;
    private final CatalogManager catalogManager;
    private final TaskManager taskManager;
    private final NodeManager nodeManager;
    private final NodeTaskManagers nodeTaskManagers;
    private final QueryEngineConfig config;
    private final ExecutorService executor;
    private final ScheduledExecutorService monitor;

    /** A cluster of one: every task runs on {@code taskManager}, in this process. */
    public SqlQueryEngine(StatementPlanner planner, CatalogManager catalogManager, TaskManager taskManager, QueryEngineConfig config)
    {
        this(planner, catalogManager, taskManager, new LocalNodeManager(LOCAL_NODE), node -> taskManager, config);
    }

    /**
     * @param taskManager this node's own task manager
     * @param nodeManager the nodes tasks may go to; when it lists only this node, queries run as one fragment
     * @param nodeTaskManagers the task API of each node
     */
    public SqlQueryEngine(StatementPlanner planner, CatalogManager catalogManager, TaskManager taskManager, NodeManager nodeManager,
            NodeTaskManagers nodeTaskManagers, QueryEngineConfig config)
    {
        this.planner = requireNonNull(planner, "planner is null");
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.taskManager = requireNonNull(taskManager, "taskManager is null");
        this.nodeManager = requireNonNull(nodeManager, "nodeManager is null");
        this.nodeTaskManagers = requireNonNull(nodeTaskManagers, "nodeTaskManagers is null");
        this.config = requireNonNull(config, "config is null");
        this.executor = Executors.newFixedThreadPool(config.planningThreads(), new DaemonThreadFactory("strata-query-"));
        this.monitor = Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("strata-query-monitor-"));
    }

    @Override
    public QueryExecution createQuery(Session session, String sql)
    {
        return new SqlQueryExecution(session, sql, planner, catalogManager, taskManager, nodeManager, nodeTaskManagers, executor, monitor, config);
    }

    @Override
    public void close()
    {
        monitor.shutdownNow();
        executor.shutdownNow();
    }

    private static final class DaemonThreadFactory
            implements ThreadFactory
    {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        DaemonThreadFactory(String prefix)
        {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable)
        {
            Thread thread = new Thread(runnable, prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        }
    }
}
