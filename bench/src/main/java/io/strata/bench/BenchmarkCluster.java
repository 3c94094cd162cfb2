package io.strata.bench;

import io.strata.server.CoordinatorServices;
import io.strata.server.WorkerServices;
import io.strata.server.config.ServerConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator that runs no tasks itself ({@code node-scheduler.include-coordinator=false}) and N workers, all in
 * this JVM, each the real server of its role on loopback: the coordinator places tasks on the workers through their
 * task API and the tasks read each other's output over HTTP exchanges, as between processes. One JVM rather than
 * processes so that a benchmark sizes one heap on a shared machine and starts and stops the cluster with no launcher;
 * the nodes share its garbage collector and JIT, which separate processes would not. With no workers the
 * coordinator runs every task itself, as a single node.
 */
final class BenchmarkCluster
        implements AutoCloseable
{
    private final List<WorkerServices> workers;
    private final CoordinatorServices coordinator;

    private BenchmarkCluster(List<WorkerServices> workers, CoordinatorServices coordinator)
    {
        this.workers = List.copyOf(workers);
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
    }

    /**
     * @param nodeProperties server properties of every node ({@code task.max-worker-threads}, say)
     */
    static BenchmarkCluster start(int workerCount, Map<String, Map<String, String>> catalogs, Map<String, String> nodeProperties)
    {
        if (workerCount < 0) {
            throw new IllegalArgumentException("negative worker count: " + workerCount);
        }
        List<WorkerServices> workers = new ArrayList<>();
        try {
            List<String> workerUris = new ArrayList<>();
            for (int i = 1; i <= workerCount; i++) {
                WorkerServices worker = WorkerServices.start(config("worker-" + i, Map.of("node.role", "worker"), nodeProperties), catalogs);
                workers.add(worker);
                workerUris.add(worker.baseUri().toString());
            }
            Map<String, String> scheduling = workerCount == 0 ? Map.of() : Map.of(
                    "node-scheduler.workers", String.join(",", workerUris),
                    "node-scheduler.include-coordinator", "false");
            CoordinatorServices coordinator = CoordinatorServices.start(config("coordinator", scheduling, nodeProperties), catalogs);
            return new BenchmarkCluster(workers, coordinator);
        }
        catch (RuntimeException e) {
            workers.forEach(WorkerServices::close);
            throw e;
        }
    }

    private static ServerConfig config(String nodeId, Map<String, String> roleProperties, Map<String, String> nodeProperties)
    {
        Map<String, String> properties = new HashMap<>();
        properties.put("node.id", nodeId);
        properties.put("http-server.http.host", "127.0.0.1");
        properties.put("http-server.http.port", "0");
        properties.putAll(nodeProperties);
        properties.putAll(roleProperties);
        return ServerConfig.fromProperties(properties);
    }

    /** The presto-jdbc URL of the coordinator with the given default catalog and schema. */
    String jdbcUrl(String catalog, String schema)
    {
        URI uri = coordinator.baseUri();
        return "jdbc:presto://" + uri.getHost() + ":" + uri.getPort() + "/" + catalog + "/" + schema;
    }

    List<WorkerServices> workers()
    {
        return workers;
    }

    @Override
    public void close()
    {
        coordinator.close();
        workers.forEach(WorkerServices::close);
    }
}
