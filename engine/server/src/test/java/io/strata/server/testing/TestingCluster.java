package io.strata.server.testing;

import io.strata.core.execution.QueryEngine;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.session.Session;
import io.strata.server.CoordinatorServices;
import io.strata.server.WorkerServices;
import io.strata.server.config.ServerConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator and workers in this JVM, each the real server of its role on loopback, configured as the local
 * cluster configures its processes: the coordinator lists the workers ({@code node-scheduler.workers}), places tasks on
 * them and not on itself, through their task API over HTTP, and reads their output over HTTP exchanges.
 * {@code sessionProperties} are added to every query's session (to force a join distribution, say).
 */
public final class TestingCluster
        implements AutoCloseable
{
    private static final String COORDINATOR_ID = "coordinator";

    private final List<WorkerServices> workers = new ArrayList<>();
    private final CoordinatorServices coordinator;
    private final Map<String, String> sessionProperties;

    private TestingCluster(int workerCount, Map<String, Map<String, String>> catalogs, Map<String, String> sessionProperties, Map<String, String> nodeProperties)
    {
        this.sessionProperties = Map.copyOf(requireNonNull(sessionProperties, "sessionProperties is null"));
        CoordinatorServices started = null;
        try {
            List<String> workerUris = new ArrayList<>();
            for (int i = 1; i <= workerCount; i++) {
                WorkerServices worker = WorkerServices.start(config("worker-" + i, Map.of("node.role", "worker"), nodeProperties), catalogs);
                workers.add(worker);
                workerUris.add(worker.baseUri().toString());
            }
            Map<String, String> scheduling = Map.of(
                    "node-scheduler.workers", String.join(",", workerUris),
                    "node-scheduler.include-coordinator", "false",
                    "node-scheduler.liveness-interval", "200ms");
            started = CoordinatorServices.start(config(COORDINATOR_ID, scheduling, nodeProperties), catalogs);
        }
        catch (RuntimeException e) {
            workers.forEach(WorkerServices::close);
            throw e;
        }
        coordinator = started;
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

    private static ServerConfig config(String nodeId, Map<String, String> roleProperties, Map<String, String> nodeProperties)
    {
        Map<String, String> properties = new HashMap<>(Map.of(
                "node.id", nodeId,
                "http-server.http.host", "127.0.0.1",
                "http-server.http.port", "0",
                "http-server.threads.max", "2",
                "task.max-worker-threads", "2"));
        properties.putAll(roleProperties);
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

    /** The coordinator's server: its base URI takes client statements. */
    public CoordinatorServices coordinator()
    {
        return coordinator;
    }

    public List<WorkerServices> workers()
    {
        return List.copyOf(workers);
    }

    @Override
    public void close()
    {
        if (coordinator != null) {
            coordinator.close();
        }
        workers.forEach(WorkerServices::close);
    }
}
