package io.strata.launcher.cluster;

import com.facebook.presto.jdbc.PrestoDriver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.launcher.TestingStrata;
import io.strata.launcher.config.EtcDirectory;
import io.strata.launcher.config.NodeConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/strata cluster start --workers 2}: one coordinator and two workers as separate processes, started once
 * for the class; the last test stops them with {@code cluster stop}.
 */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClusterWithWorkersProcess
{
    @TempDir
    static Path directory;

    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private ClusterDescriptor descriptor;

    @BeforeAll
    void startCluster()
    {
        TestingStrata.Result start = TestingStrata.run("cluster", "start", "--dir", directory.toString(), "--workers", "2");
        assertThat(start.exitCode()).as(start.toString()).isZero();
        descriptor = ClusterDescriptor.read(directory.resolve(ClusterDescriptor.FILE_NAME));
    }

    @AfterAll
    void killLeftovers()
    {
        if (LocalCluster.find(directory).isPresent()) {
            ClusterLauncher.stop(directory, Duration.ofSeconds(5));
        }
        if (descriptor != null) {
            for (long pid : descriptor.pids().values()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Test
    @Order(1)
    void testClusterJsonListsTheWorkers()
    {
        assertThat(descriptor.coordinators()).hasSize(1);
        assertThat(descriptor.workers()).hasSize(2);
        assertThat(descriptor.pids()).containsOnlyKeys("worker-1", "worker-2", "coordinator-1");
        assertThat(descriptor.logs()).containsOnlyKeys("worker-1", "worker-2", "coordinator-1");
        for (URI worker : descriptor.workers()) {
            assertThat(worker.getHost()).isEqualTo("127.0.0.1");
        }

        // the coordinator places tasks on the workers only
        NodeConfiguration coordinator = EtcDirectory.load(ClusterLauncher.etcDirectory(directory, "coordinator-1"));
        assertThat(coordinator.property("node-scheduler.workers")).contains(descriptor.workers().get(0) + "," + descriptor.workers().get(1));
        assertThat(coordinator.property("node-scheduler.include-coordinator")).contains("false");
    }

    @Test
    @Order(2)
    void testWorkersAnswerAsWorkers()
            throws IOException, InterruptedException
    {
        for (int index = 0; index < 2; index++) {
            URI worker = descriptor.workers().get(index);
            HttpResponse<String> info = send(HttpRequest.newBuilder(worker.resolve("/v1/info")));
            assertThat(info.statusCode()).isEqualTo(200);
            JsonNode json = mapper.readTree(info.body());
            assertThat(json.get("coordinator").asBoolean()).isFalse();
            assertThat(json.get("starting").asBoolean()).isFalse();
            assertThat(json.get("nodeId").asText()).isEqualTo("worker-" + (index + 1));
            assertThat(json.get("state").asText()).isEqualTo("ACTIVE");

            HttpResponse<String> statement = send(HttpRequest.newBuilder(worker.resolve("/v1/statement"))
                    .header("X-Presto-User", "test")
                    .POST(HttpRequest.BodyPublishers.ofString("SELECT 1")));
            assertThat(statement.statusCode()).isEqualTo(404);
            assertThat(mapper.readTree(statement.body()).get("message").asText()).contains("is a worker");
        }
    }

    @Test
    @Order(3)
    void testQueriesThroughTheCoordinator()
            throws SQLException
    {
        // expected rows from the TPC-H specification: 25 nations, five per region, region keys 0 to 4;
        // lineitem at scale factor 0.01 has 60175 rows
        assertThat(query("SELECT count(*), sum(n_regionkey) FROM nation")).containsExactly(List.of("25", "50"));
        assertThat(query("SELECT r_name, count(*) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name"))
                .containsExactly(
                        List.of("AFRICA", "5"),
                        List.of("AMERICA", "5"),
                        List.of("ASIA", "5"),
                        List.of("EUROPE", "5"),
                        List.of("MIDDLE EAST", "5"));
        assertThat(query("SELECT count(*) FROM lineitem")).containsExactly(List.of("60175"));
    }

    @Test
    @Order(4)
    void testStopStopsTheWorkersToo()
            throws IOException
    {
        TestingStrata.Result stop = TestingStrata.run("cluster", "stop", "--dir", directory.toString());
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(directory.resolve(ClusterDescriptor.FILE_NAME)).doesNotExist();
        for (long pid : descriptor.pids().values()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid " + pid).isNotEqualTo(Optional.of(true));
        }
        // each worker shut down through its hook, not SIGKILL
        assertThat(Files.readString(Path.of(descriptor.logs().get("worker-1")))).contains("Strata worker worker-1 stopped");
        assertThat(Files.readString(Path.of(descriptor.logs().get("worker-2")))).contains("Strata worker worker-2 stopped");
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException
    {
        return httpClient.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<List<String>> query(String sql)
            throws SQLException
    {
        URI coordinator = descriptor.coordinators().get(0);
        Properties properties = new Properties();
        properties.setProperty("user", "test");
        List<List<String>> rows = new ArrayList<>();
        try (PrestoDriver driver = new PrestoDriver();
                Connection connection = driver.connect("jdbc:presto://" + coordinator.getHost() + ":" + coordinator.getPort() + "/tpch/tiny", properties);
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(resultSet.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
