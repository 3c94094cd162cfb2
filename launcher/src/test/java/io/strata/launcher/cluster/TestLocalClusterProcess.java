package io.strata.launcher.cluster;

import io.strata.client.HttpClientFactory;
import io.strata.client.ServerInfoClient;
import io.strata.launcher.TestingStrata;
import io.strata.protocol.ServerInfo;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java API of the local cluster, as tests of other packages use it. */
@Tag("process")
class TestLocalClusterProcess
{
    @TempDir
    Path directory;

    @Test
    void testTwoCoordinators()
    {
        List<Long> pids = new ArrayList<>();
        try (LocalCluster cluster = ClusterLauncher.builder(directory).coordinators(2).classpath(TestingStrata.builtClasspath()).build().start()) {
            pids.addAll(cluster.pids().values());
            assertThat(cluster.coordinators()).hasSize(2);
            assertThat(cluster.isAlive()).isTrue();
            URI first = cluster.coordinators().get(0);
            URI second = cluster.coordinators().get(1);
            assertThat(cluster.jdbcUrl()).isEqualTo(String.format("jdbc:strata://127.0.0.1:%s,127.0.0.1:%s/tpch/tiny?discovery=direct", first.getPort(), second.getPort()));
            assertThat(LocalCluster.find(directory).map(LocalCluster::descriptor)).contains(cluster.descriptor());

            OkHttpClient httpClient = HttpClientFactory.createHttpClient();
            ServerInfo info = ServerInfoClient.fetchServerInfo(httpClient, second, Duration.ofSeconds(10));
            assertThat(info.starting()).isFalse();
            assertThat(info.coordinatorId()).contains("c2");

            // a second cluster in the same directory is refused while the first runs
            assertThatThrownBy(() -> ClusterLauncher.builder(directory).build().start())
                    .isInstanceOf(ClusterStartException.class)
                    .hasMessageContaining("already runs");
        }
        finally {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
        assertThat(LocalCluster.find(directory)).isEmpty();
    }

    @Test
    void testNodeThatFailsToStart()
    {
        // the node rejects a catalog with an unknown connector and exits; the start fails with its log
        ClusterLauncher launcher = ClusterLauncher.builder(directory)
                .classpath(TestingStrata.builtClasspath())
                .catalogs(Map.of("broken", Map.of("connector.name", "no-such-connector")))
                .startupTimeout(Duration.ofSeconds(60))
                .build();
        assertThatThrownBy(launcher::start)
                .isInstanceOf(ClusterStartException.class)
                .hasMessageContaining("coordinator-1 exited")
                .hasMessageContaining("no-such-connector");
        assertThat(LocalCluster.find(directory)).isEmpty();
    }
}
