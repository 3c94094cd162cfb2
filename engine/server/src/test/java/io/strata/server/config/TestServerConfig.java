package io.strata.server.config;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TestServerConfig
{
    @Test
    void testDefaults()
    {
        ServerConfig config = ServerConfig.fromProperties(Map.of("node.id", "Coordinator_01-East"));
        assertThat(config.nodeId()).isEqualTo("Coordinator_01-East");
        assertThat(config.environment()).isEqualTo("strata");
        assertThat(config.coordinatorId()).isEqualTo("coordinator01eas");
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.httpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(config.maxRequestSize()).isEqualTo(DataSize.parse("16MB"));
        assertThat(config.maxRequestHeaderSize()).isEqualTo(DataSize.parse("1MB"));
        assertThat(config.protocolThreads()).isEqualTo(4);
        assertThat(config.clientTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.minExpireAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxHistory()).isEqualTo(100);
        assertThat(config.maxQueryLength()).isEqualTo(1_000_000);
        assertThat(config.maxMemoryPerNode()).isEqualTo(DataSize.parse("1GB"));
        assertThat(config.maxWorkerThreads()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(config.taskQuantum()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.levelThresholds()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(300));
        assertThat(config.levelTimeMultiplier()).isEqualTo(2.0);
        assertThat(ServerConfig.fromProperties(config.toProperties())).isEqualTo(config);
    }

    @Test
    void testExplicitValues()
    {
        Map<String, String> properties = new HashMap<>();
        properties.put("node.id", "node1");
        properties.put("node.environment", "production_1");
        properties.put("node.role", "coordinator");
        properties.put("coordinator.id", "c7");
        properties.put("http-server.http.host", "127.0.0.1");
        properties.put("http-server.http.port", "0");
        properties.put("http-server.threads.max", "3");
        properties.put("http-server.max-request-size", "2MB");
        properties.put("http-server.max-request-header-size", "64kB");
        properties.put("protocol.v1.threads", "8");
        properties.put("query.client.timeout", "30s");
        properties.put("query.min-expire-age", "1.5m");
        properties.put("query.max-history", "0");
        properties.put("query.max-length", "5000");
        properties.put("query.max-memory-per-node", "512MB");
        properties.put("task.max-worker-threads", " 16 ");
        properties.put("task.quantum", "250ms");
        properties.put("task.level-thresholds", "1ms, 10ms,1m,5m");
        properties.put("task.level-time-multiplier", "3");
        ServerConfig config = ServerConfig.fromProperties(properties);
        assertThat(config.coordinatorId()).isEqualTo("c7");
        assertThat(config.httpPort()).isZero();
        assertThat(config.maxRequestSize().bytes()).isEqualTo(2 * 1024 * 1024);
        assertThat(config.clientTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.minExpireAge()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.maxHistory()).isZero();
        assertThat(config.maxWorkerThreads()).isEqualTo(16);
        assertThat(config.taskQuantum()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.levelThresholds()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(10), Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(config.levelTimeMultiplier()).isEqualTo(3.0);
        assertThat(ServerConfig.fromProperties(config.toProperties())).isEqualTo(config);
        assertThat(ServerConfig.properties()).extracting(ServerConfig.Property::key).containsAll(properties.keySet());
    }

    @Test
    void testErrorsNameTheProperty()
    {
        assertRejected(Map.of(), "property node.id is required");
        assertRejected(Map.of("node.id", "a", "query.max-total-memory", "1GB", "http.port", "1"), "unknown properties: http.port, query.max-total-memory");
        assertRejected(Map.of("node.id", "-a"), "node.id=-a");
        assertRejected(Map.of("node.id", "a", "node.environment", "Prod"), "node.environment=Prod");
        assertRejected(Map.of("node.id", "a", "node.role", "gateway"), "node.role=gateway");
        assertRejected(Map.of("node.id", "a", "coordinator.id", "Bad_Id"), "coordinator.id=Bad_Id");
        assertRejected(Map.of("node.id", "a", "coordinator.id", "abcdefghijklmnopq"), "coordinator.id=");
        assertRejected(Map.of("node.id", "a", "http-server.http.port", "65536"), "http-server.http.port=65536");
        assertRejected(Map.of("node.id", "a", "http-server.http.port", "http"), "http-server.http.port=http");
        assertRejected(Map.of("node.id", "a", "http-server.threads.max", "0"), "http-server.threads.max=0");
        assertRejected(Map.of("node.id", "a", "http-server.max-request-size", "12"), "http-server.max-request-size=12");
        assertRejected(Map.of("node.id", "a", "http-server.max-request-size", "1B"), "http-server.max-request-size=1B");
        assertRejected(Map.of("node.id", "a", "query.client.timeout", "5"), "query.client.timeout=5");
        assertRejected(Map.of("node.id", "a", "query.client.timeout", "0s"), "query.client.timeout=");
        assertRejected(Map.of("node.id", "a", "query.client.timeout", "5 minutes"), "query.client.timeout=5 minutes");
        assertRejected(Map.of("node.id", "a", "query.max-history", "-1"), "query.max-history=-1");
        assertRejected(Map.of("node.id", "a", "query.max-memory-per-node", "0B"), "query.max-memory-per-node=");
        assertRejected(Map.of("node.id", "a", "query.max-memory", "0B"), "query.max-memory=");
        assertRejected(Map.of("node.id", "a", "exchange.compression-codec", "gzip"), "exchange.compression-codec=gzip");
        assertRejected(Map.of("node.id", "a", "task.max-worker-threads", "many"), "task.max-worker-threads=many");
        assertRejected(Map.of("node.id", "a", "task.quantum", "0s"), "task.quantum=");
        assertRejected(Map.of("node.id", "a", "task.level-thresholds", "1s,10s,60s"), "task.level-thresholds=");
        assertRejected(Map.of("node.id", "a", "task.level-thresholds", "1s,10s,5s,300s"), "task.level-thresholds=");
        assertRejected(Map.of("node.id", "a", "task.level-time-multiplier", "0.5"), "task.level-time-multiplier=");
    }

    @Test
    void testRolesAndNodeScheduler()
    {
        ServerConfig coordinator = ServerConfig.fromProperties(Map.of("node.id", "c"));
        assertThat(coordinator.role()).isEqualTo(ServerConfig.NodeRole.COORDINATOR);
        assertThat(coordinator.workers()).isEmpty();
        assertThat(coordinator.hasWorkers()).isFalse();
        assertThat(coordinator.includeCoordinator()).isTrue();
        assertThat(coordinator.livenessInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(coordinator.livenessFailures()).isEqualTo(3);

        ServerConfig withWorkers = ServerConfig.fromProperties(Map.of(
                "node.id", "c",
                "node-scheduler.workers", " http://127.0.0.1:9001, http://localhost:9002/ ",
                "node-scheduler.include-coordinator", "FALSE",
                "node-scheduler.liveness-interval", "200ms",
                "node-scheduler.liveness-failures", "5"));
        assertThat(withWorkers.workers()).containsExactly(URI.create("http://127.0.0.1:9001"), URI.create("http://localhost:9002"));
        assertThat(withWorkers.hasWorkers()).isTrue();
        assertThat(withWorkers.includeCoordinator()).isFalse();
        assertThat(withWorkers.livenessInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(withWorkers.livenessFailures()).isEqualTo(5);
        assertThat(ServerConfig.fromProperties(withWorkers.toProperties())).isEqualTo(withWorkers);

        ServerConfig worker = ServerConfig.fromProperties(Map.of("node.id", "worker-1", "node.role", "worker"));
        assertThat(worker.role()).isEqualTo(ServerConfig.NodeRole.WORKER);
        assertThat(worker.workers()).isEqualTo(List.of());
        assertThat(ServerConfig.fromProperties(worker.toProperties())).isEqualTo(worker);

        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "127.0.0.1:9001"), "node-scheduler.workers=127.0.0.1:9001");
        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "http://127.0.0.1"), "must be http://host:port");
        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "https://h:1"), "must be http://host:port");
        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "http://h:1/v1"), "must be http://host:port");
        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "http://h:1,,http://h:2"), "empty entry");
        assertRejected(Map.of("node.id", "a", "node-scheduler.workers", "http://h:1,http://h:1/"), "lists a worker twice");
        assertRejected(Map.of("node.id", "a", "node.role", "worker", "node-scheduler.workers", "http://h:1"), "only a coordinator has workers");
        assertRejected(Map.of("node.id", "a", "node-scheduler.include-coordinator", "yes"), "node-scheduler.include-coordinator=yes");
        assertRejected(Map.of("node.id", "a", "node-scheduler.liveness-interval", "0s"), "node-scheduler.liveness-interval=");
        assertRejected(Map.of("node.id", "a", "node-scheduler.liveness-failures", "0"), "node-scheduler.liveness-failures=0");
    }

    private static void assertRejected(Map<String, String> properties, String messagePart)
    {
        assertThatThrownBy(() -> ServerConfig.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void testDataSize()
    {
        assertThat(DataSize.parse("0B").bytes()).isZero();
        assertThat(DataSize.parse("512kB").bytes()).isEqualTo(512 * 1024);
        assertThat(DataSize.parse("16MB").bytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(DataSize.parse("1.5GB").bytes()).isEqualTo(1536L * 1024 * 1024);
        assertThat(DataSize.parse(" 2 tb ").bytes()).isEqualTo(2L << 40);
        assertThat(DataSize.parse("1PB").bytes()).isEqualTo(1L << 50);
        assertThat(DataSize.parse("16MB").toString()).isEqualTo("16MB");
        assertThat(DataSize.ofBytes(1536).toString()).isEqualTo("1536B");
        assertThat(DataSize.ofBytes(0).toString()).isEqualTo("0B");
        assertThatThrownBy(() -> DataSize.parse("1")).hasMessageContaining("not a data size");
        assertThatThrownBy(() -> DataSize.parse("1XB")).hasMessageContaining("unknown data size unit");
        assertThatThrownBy(() -> DataSize.parse("-1MB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.parse("100000PB")).hasMessageContaining("too large");
    }

    @Test
    void testDurations()
    {
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("7us")).isEqualTo(Duration.ofNanos(7000));
        assertThat(Durations.parse("3ns")).isEqualTo(Duration.ofNanos(3));
        assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> Durations.parse("5")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("5M")).hasMessageContaining("unknown duration unit");
        assertThatThrownBy(() -> Durations.parse("-5s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Durations.parse("999999999999d")).hasMessageContaining("too long");
    }
}
