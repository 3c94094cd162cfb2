package io.strata.launcher.acceptance;

import com.facebook.presto.jdbc.PrestoDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.launcher.TestingStrata;
import io.strata.launcher.cluster.ClusterDescriptor;
import io.strata.launcher.cluster.ClusterLauncher;
import io.strata.launcher.cluster.LocalCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * A cluster of one coordinator and {@code workers} worker processes started with {@code bin/strata cluster start}
 * (the way users start one), spoken to through the unmodified presto-jdbc driver, and the workers' task API
 * ({@code GET /v1/task}) to see where a query's tasks ran. {@link #close()} stops it with {@code cluster stop} and
 * kills whatever survived.
 */
final class WorkerProcessCluster
        implements AutoCloseable
{
    static final String USER = "acceptance";

    private final Path directory;
    private final ClusterDescriptor descriptor;
    private final PrestoDriver driver = new PrestoDriver();
    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    private WorkerProcessCluster(Path directory, ClusterDescriptor descriptor)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
    }

    static WorkerProcessCluster start(Path directory, int workers)
    {
        return start(directory, workers, Map.of());
    }

    /** Starts the cluster with these {@code config.properties} entries on every node ({@code cluster start --config}). */
    static WorkerProcessCluster start(Path directory, int workers, Map<String, String> configProperties)
    {
        List<String> arguments = new ArrayList<>(List.of("cluster", "start", "--dir", directory.toString(), "--workers", String.valueOf(workers)));
        configProperties.forEach((name, value) -> arguments.addAll(List.of("--config", name + "=" + value)));
        TestingStrata.Result start = TestingStrata.run(arguments, TestingStrata.DEFAULT_TIMEOUT);
        if (start.exitCode() != 0) {
            throw new AssertionError("cluster start failed: " + start);
        }
        return new WorkerProcessCluster(directory, ClusterDescriptor.read(directory.resolve(ClusterDescriptor.FILE_NAME)));
    }

    ClusterDescriptor descriptor()
    {
        return descriptor;
    }

    /** The process id of a node, by its name in {@code cluster.json} ({@code worker-1}, ...). */
    long pid(String nodeName)
    {
        return requireNonNull(descriptor.pids().get(nodeName), () -> "no node " + nodeName + " in " + descriptor.pids());
    }

    /** A presto-jdbc connection to the coordinator, in {@code tpch.tiny}, with these session properties. */
    Connection connect(Map<String, String> sessionProperties)
            throws SQLException
    {
        URI coordinator = descriptor.coordinators().get(0);
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        if (!sessionProperties.isEmpty()) {
            // presto-jdbc's form: name:value;name:value
            List<String> pairs = new ArrayList<>();
            sessionProperties.forEach((name, value) -> pairs.add(name + ":" + value));
            properties.setProperty("sessionProperties", String.join(";", pairs));
        }
        return driver.connect("jdbc:presto://" + coordinator.getHost() + ":" + coordinator.getPort() + "/tpch/tiny", properties);
    }

    /** The ids ({@code queryId.stage.partition}) of the tasks of {@code queryId} that worker {@code index} (0-based) holds. */
    List<String> workerTasks(int index, String queryId)
    {
        List<String> taskIds = new ArrayList<>();
        for (JsonNode status : workerTaskStatuses(index)) {
            String taskId = taskId(status.get("taskId"));
            if (taskId.startsWith(queryId + ".")) {
                taskIds.add(taskId);
            }
        }
        return taskIds;
    }

    /** What {@code GET /v1/task} of worker {@code index} (0-based) answers: a status per task it holds. */
    List<JsonNode> workerTaskStatuses(int index)
    {
        URI worker = descriptor.workers().get(index);
        try {
            HttpResponse<String> response = httpClient.send(
                    HttpRequest.newBuilder(worker.resolve("/v1/task")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + worker + "/v1/task answered " + response.statusCode() + ": " + response.body());
            }
            List<JsonNode> statuses = new ArrayList<>();
            mapper.readTree(response.body()).forEach(statuses::add);
            return statuses;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A task id as the task API writes it: {@code "q.1.0"}, or the record's fields. */
    static String taskId(JsonNode taskId)
    {
        if (taskId.isTextual()) {
            return taskId.asText();
        }
        return taskId.get("queryId").asText() + "." + taskId.get("stageId").asInt() + "." + taskId.get("id").asInt();
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            driver.close();
        }
        finally {
            if (LocalCluster.find(directory).isPresent()) {
                ClusterLauncher.stop(directory, Duration.ofSeconds(10));
            }
            for (long pid : descriptor.pids().values()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
