package io.strata.launcher.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TestClusterDescriptor
{
    @TempDir
    Path directory;

    @Test
    void testJsonFormat()
            throws IOException
    {
        List<URI> coordinators = List.of(URI.create("http://127.0.0.1:41517"), URI.create("http://127.0.0.1:41518"));
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("coordinator-1", 101L);
        pids.put("coordinator-2", 102L);
        Map<String, String> logs = new LinkedHashMap<>();
        logs.put("coordinator-1", "/tmp/logs/coordinator-1.log");
        logs.put("coordinator-2", "/tmp/logs/coordinator-2.log");
        ClusterDescriptor descriptor = new ClusterDescriptor(coordinators, List.of(), List.of(), ClusterDescriptor.jdbcUrl(coordinators), pids, logs);

        Path file = directory.resolve(ClusterDescriptor.FILE_NAME);
        descriptor.write(file);
        assertThat(Files.readString(file, UTF_8).replace(System.lineSeparator(), "\n")).isEqualTo("""
                {
                  "coordinators" : [ "http://127.0.0.1:41517", "http://127.0.0.1:41518" ],
                  "workers" : [ ],
                  "resourceManagers" : [ ],
                  "jdbcUrl" : "jdbc:strata://127.0.0.1:41517,127.0.0.1:41518/tpch/tiny?discovery=direct",
                  "pids" : {
                    "coordinator-1" : 101,
                    "coordinator-2" : 102
                  },
                  "logs" : {
                    "coordinator-1" : "/tmp/logs/coordinator-1.log",
                    "coordinator-2" : "/tmp/logs/coordinator-2.log"
                  }
                }""");
        assertThat(ClusterDescriptor.read(file)).isEqualTo(descriptor);
        assertThat(directory.resolve(ClusterDescriptor.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void testStopWithoutClusterIsANoOp()
    {
        assertThat(ClusterLauncher.stop(directory, Duration.ofSeconds(1))).isFalse();
        assertThat(LocalCluster.find(directory)).isEmpty();
    }

    @Test
    void testFreePortsAreDistinct()
            throws IOException
    {
        List<Integer> ports = ClusterLauncher.freePorts(5);
        assertThat(new HashSet<>(ports)).hasSize(5);
        assertThat(ports).allSatisfy(port -> assertThat(port).isBetween(1, 65535));
    }

    @Test
    void testStaleDescriptorIsCleanedUp()
    {
        // a cluster.json whose processes are gone: stop removes it without touching anything else
        ClusterDescriptor stale = new ClusterDescriptor(
                List.of(URI.create("http://127.0.0.1:1")), List.of(), List.of(), "jdbc:strata://127.0.0.1:1/tpch/tiny?discovery=direct",
                Map.of("coordinator-1", 999_999_999L), Map.of("coordinator-1", "/nonexistent.log"));
        stale.write(directory.resolve(ClusterDescriptor.FILE_NAME));
        assertThat(LocalCluster.find(directory).orElseThrow().isAlive()).isFalse();
        assertThat(ClusterLauncher.stop(directory, Duration.ofSeconds(1))).isTrue();
        assertThat(directory.resolve(ClusterDescriptor.FILE_NAME)).doesNotExist();
    }
}
