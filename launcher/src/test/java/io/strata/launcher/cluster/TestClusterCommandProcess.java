package io.strata.launcher.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.launcher.TestingStrata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/strata cluster start} and {@code stop} from the built tree, as a user runs them. */
@Tag("process")
class TestClusterCommandProcess
{
    @TempDir
    Path directory;

    private final List<Long> pids = new ArrayList<>();

    @AfterEach
    void killLeftovers()
    {
        // whatever an assertion left running: the cluster.json's processes, then any pid seen
        if (LocalCluster.find(directory).isPresent()) {
            ClusterLauncher.stop(directory, Duration.ofSeconds(5));
        }
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void testStartQueryStop()
            throws IOException, InterruptedException
    {
        TestingStrata.Result start = TestingStrata.run("cluster", "start", "--dir", directory.toString());
        assertThat(start.exitCode()).as(start.toString()).isZero();

        Path file = directory.resolve("cluster.json");
        assertThat(file).isRegularFile();
        ClusterDescriptor descriptor = ClusterDescriptor.read(file);
        pids.addAll(descriptor.pids().values());
        assertThat(descriptor.coordinators()).hasSize(1);
        assertThat(descriptor.workers()).isEmpty();
        assertThat(descriptor.resourceManagers()).isEmpty();
        URI coordinator = descriptor.coordinators().get(0);
        assertThat(coordinator.getHost()).isEqualTo("127.0.0.1");
        assertThat(descriptor.jdbcUrl()).isEqualTo("jdbc:strata://127.0.0.1:" + coordinator.getPort() + "/tpch/tiny?discovery=direct");
        assertThat(descriptor.pids()).containsOnlyKeys("coordinator-1");
        assertThat(descriptor.logs()).containsOnlyKeys("coordinator-1");
        assertThat(Path.of(descriptor.logs().get("coordinator-1"))).isRegularFile();
        assertThat(new ObjectMapper().readTree(start.stdout())).isEqualTo(new ObjectMapper().readTree(file.toFile()));

        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = httpClient.send(
                HttpRequest.newBuilder(coordinator.resolve("/v1/info")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = new ObjectMapper().readTree(response.body());
        assertThat(info.get("starting").asBoolean()).isFalse();
        assertThat(info.get("coordinator").asBoolean()).isTrue();
        assertThat(info.get("coordinatorId").asText()).isEqualTo("c1");

        TestingStrata.Result stop = TestingStrata.run("cluster", "stop", "--dir", directory.toString());
        assertThat(stop.exitCode()).as(stop.toString()).isZero();
        assertThat(file).doesNotExist();
        for (long pid : descriptor.pids().values()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("pid " + pid).isNotEqualTo(Optional.of(true));
        }
        // the node shut down through its hook, not SIGKILL
        assertThat(Files.readString(Path.of(descriptor.logs().get("coordinator-1")))).contains("stopped");

        TestingStrata.Result again = TestingStrata.run("cluster", "stop", "--dir", directory.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr()).contains("nothing to stop");
    }

    @Test
    void testZeroCoordinatorsIsAUsageError()
    {
        TestingStrata.Result start = TestingStrata.run("cluster", "start", "--dir", directory.toString(), "--coordinators", "0");
        assertThat(start.exitCode()).as(start.toString()).isEqualTo(2);
        assertThat(start.stderr()).contains("--coordinators");
        assertThat(directory.resolve("cluster.json")).doesNotExist();
    }
}
