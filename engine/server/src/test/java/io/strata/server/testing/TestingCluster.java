package io.strata.server.testing;

import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.query.QueryEngineConfig;
import io.strata.core.execution.query.SqlQueryEngine;
import io.strata.core.execution.remote.HttpNodeTaskManagers;
import io.strata.core.execution.remote.HttpTaskManagerConfig;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeState;
import io.strata.core.node.NodeStatus;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.session.Session;
import io.strata.server.CoordinatorServices;
import io.strata.server.TaskManagerOwner;
import io.strata.server.config.ServerConfig;
import io.strata.sql.parser.SqlParser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator and workers in this JVM, each a real server on loopback: the workers serve the task API, the
 * coordinator plans, places tasks on the workers (not on itself) through their task API over HTTP, and reads their
 * output over HTTP exchanges. The query memory limit on all nodes together is twice the per-node limit.
 * {@code sessionProperties} are added to every query's session (to force a join distribution, say).
 */
public final class TestingCluster
        implements AutoCloseable
{
    private static final String COORDINATOR_ID = "coordinator";

    private final List<CoordinatorServices> workers = new ArrayList<>();
    private final CoordinatorServices coordinator;
    private final Map<String, String> sessionProperties;

    private TestingCluster(int workerCount, Map<String, Map<String, String>> catalogs, Map<String, String> sessionProperties, Map<String, String> nodeProperties)
    {
        this.sessionProperties = Map.copyOf(requireNonNull(sessionProperties, "sessionProperties is null"));
        List<InternalNode> workerNodes = new ArrayList<>();
        try {
            for (int i = 1; i <= workerCount; i++) {
                CoordinatorServices worker = CoordinatorServices.start(config("worker-" + i, nodeProperties), catalogs);
                workers.add(worker);
                InternalNode node = new InternalNode("worker-" + i, worker.baseUri(), false);
                workerNodes.add(node);
            }
            AtomicReference<InternalNode> self = new AtomicReference<>();
            coordinator = CoordinatorServices.start(config(COORDINATOR_ID, nodeProperties), catalogs, (config, catalogManager) -> {
                SqlTaskManager taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.defaults().withWorkerThreads(2)
                        .withMaxQueryMemoryPerNodeBytes(config.maxMemoryPerNode().bytes()));
                SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
                NodeManager nodeManager = new FixedNodeManager(self, workerNodes);
                HttpNodeTaskManagers nodeTaskManagers = new HttpNodeTaskManagers(COORDINATOR_ID, taskManager, HttpTaskManagerConfig.DEFAULT);
                SqlQueryEngine engine = new SqlQueryEngine(planner, catalogManager, taskManager, nodeManager, nodeTaskManagers,
                        QueryEngineConfig.defaults().withMaxQueryMemoryBytes(config.maxMemoryPerNode().bytes() * 2));
                return new ClusterEngine(engine, taskManager, nodeTaskManagers);
            });
            self.set(new InternalNode(COORDINATOR_ID, coordinator.baseUri(), true));
        }
        catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static TestingCluster start(int workerCount, Map<String, Map<String, String>> catalogs, Map<String, String> sessionProperties)
    {
        return start(workerCount, catalogs, sessionProperties, Map.of());
    }

    /** @param nodeProperties server properties of every node ({@code query.max-memory-per-node}, say) */
    public static TestingCluster start(int workerCount, Map<String, Map<String, String>> catalogs, Map<String, String> sessionProperties,
            Map<String, String> nodeProperties)
    {
        return new TestingCluster(workerCount, catalogs, sessionProperties, nodeProperties);
    }

    private static ServerConfig config(String nodeId, Map<String, String> nodeProperties)
    {
        Map<String, String> properties = new HashMap<>(Map.of(
                "node.id", nodeId,
                "http-server.http.host", "127.0.0.1",
                "http-server.http.port", "0",
                "http-server.threads.max", "2",
                "task.max-worker-threads", "2"));
        properties.putAll(nodeProperties);
        return ServerConfig.fromProperties(properties);
    }

    public CatalogManager catalogManager()
    {
        return coordinator.catalogManager();
    }

    /** The coordinator's engine; every query's session gets the cluster's session properties. */
    public QueryEngine queryEngine()
    {
        QueryEngine engine = coordinator.queryEngine();
        return (session, sql) -> engine.createQuery(withProperties(session), sql);
    }

    private Session withProperties(Session session)
    {
        Map<String, String> properties = new LinkedHashMap<>(sessionProperties);
        properties.putAll(session.systemProperties());
        return new Session(session.queryId(), session.user(), session.source(), session.catalog(), session.schema(), session.timeZone(),
                session.language(), session.clientTags(), session.clientInfo(), session.traceToken(), properties, session.catalogProperties(),
                session.preparedStatements(), session.transactionId(), session.start());
    }

    public List<CoordinatorServices> workers()
    {
        return List.copyOf(workers);
    }

    @Override
    public void close()
    {
        if (coordinator != null) {
            coordinator.close();
        }
        workers.forEach(CoordinatorServices::close);
    }

    /** The workers, always active; the coordinator runs only the root task. */
    private record FixedNodeManager(AtomicReference<InternalNode> self, List<InternalNode> workers)
            implements NodeManager
    {
        @Override
        public InternalNode currentNode()
        {
            return requireNonNull(self.get(), "the coordinator has not started");
        }

        @Override
        public List<InternalNode> schedulableNodes()
        {
            return workers;
        }

        @Override
        public List<NodeStatus> allNodes()
        {
            List<NodeStatus> nodes = new ArrayList<>();
            nodes.add(new NodeStatus(currentNode(), NodeState.ACTIVE, Optional.of(Instant.now())));
            workers.forEach(worker -> nodes.add(new NodeStatus(worker, NodeState.ACTIVE, Optional.of(Instant.now()))));
            return nodes;
        }

        @Override
        public void reportUnreachable(InternalNode node) {}
    }

    private record ClusterEngine(SqlQueryEngine engine, SqlTaskManager taskManager, HttpNodeTaskManagers nodeTaskManagers)
            implements QueryEngine, TaskManagerOwner, AutoCloseable
    {
        @Override
        public QueryExecution createQuery(Session session, String sql)
        {
            return engine.createQuery(session, sql);
        }

        @Override
        public void close()
        {
            try {
                engine.close();
            }
            finally {
                nodeTaskManagers.close();
                taskManager.close();
            }
        }
    }
}
