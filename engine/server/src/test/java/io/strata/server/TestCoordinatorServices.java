package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.core.execution.OutputColumn;
import io.strata.protocol.ErrorCode;
import io.strata.server.TestingHttpClient.Result;
import io.strata.server.TestingQueryEngine.Script;
import io.strata.server.TestingQueryEngine.TestingQueryExecution;
import io.strata.server.config.ServerConfig;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.strata.server.TestingQueryEngine.page;
import static io.strata.spi.type.BigintType.BIGINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
final class TestCoordinatorServices
{
    private static final long WAIT_MILLIS = 10_000;

    @Test
    void testInfo()
    {
        try (CoordinatorServices server = start(Map.of(), new TestingQueryEngine());
                TestingHttpClient client = new TestingHttpClient(server.baseUri())) {
            assertThat(server.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+");

            Result info = client.get("/v1/info");
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.header("Content-Type")).isEqualTo("application/json");
            JsonNode json = client.json(info);
            assertThat(json.get("nodeVersion").get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
            String[] parts = json.get("nodeVersion").get("version").asText().split("\\.", -1);
            assertThat(Integer.parseInt(parts[0])).isGreaterThanOrEqualTo(0);
            assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(0);
            assertThat(json.get("environment").asText()).isEqualTo("test");
            assertThat(json.get("coordinator").asBoolean()).isTrue();
            assertThat(json.get("starting").asBoolean()).isFalse();
            assertThat(json.get("uptime").asText()).matches("\\d+\\.\\d{2}(ns|us|ms|s|m|h|d)");
            assertThat(json.get("coordinatorId").asText()).isEqualTo("coordinatora");

            Result state = client.get("/v1/info/state");
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.text()).isEqualTo("\"ACTIVE\"");
            assertThat(client.get("/v1/info/coordinator").status()).isEqualTo(200);
        }
    }

    @Test
    void testAbandonedQueryIsFailedAndForgotten()
            throws InterruptedException
    {
        TestingQueryEngine engine = new TestingQueryEngine()
                .register("SELECT slow", Script.builder()
                        .columns(new OutputColumn("x", BIGINT))
                        .pages(page(List.of(BIGINT), new Object[] {1L}))
                        .holdOutput()
                        .build());
        try (CoordinatorServices server = start(Map.of("query.client.timeout", "300ms"), engine);
                TestingHttpClient client = new TestingHttpClient(server.baseUri())) {
            JsonNode posted = client.json(client.post("SELECT slow", "X-Presto-User", "a"));
            URI next = URI.create(client.json(client.get(URI.create(posted.get("nextUri").asText()))).get("nextUri").asText());
            TestingQueryExecution execution = engine.execution(posted.get("id").asText());

            // a client polling more often than the timeout keeps the query alive
            for (int poll = 0; poll < 4; poll++) {
                Thread.sleep(100);
                assertThat(client.head(next).status()).isEqualTo(200);
            }
            assertThat(execution.failCalls()).isEmpty();

            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (execution.failCalls().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(execution.failCalls()).hasSize(1);
            StrataException failure = execution.failCalls().get(0);
            assertThat(failure.errorCode()).isEqualTo(ErrorCode.ABANDONED_QUERY);
            assertThat(failure.getMessage()).contains(posted.get("id").asText());
            assertThat(client.get(next).status()).isEqualTo(404);
            assertThat(server.statementResource().trackedQueries()).isZero();
        }
    }

    @Test
    void testFinishedQueriesExpire()
            throws InterruptedException
    {
        TestingQueryEngine engine = new TestingQueryEngine()
                .register("SELECT 1", Script.builder()
                        .columns(new OutputColumn("x", BIGINT))
                        .pages(page(List.of(BIGINT), new Object[] {1L}))
                        .build());
        try (CoordinatorServices server = start(Map.of("query.min-expire-age", "200ms", "query.max-history", "1"), engine);
                TestingHttpClient client = new TestingHttpClient(server.baseUri())) {
            List<Result> results = client.run("SELECT 1", "X-Presto-User", "a");
            URI last = URI.create(client.json(results.get(results.size() - 2)).get("nextUri").asText());
            // just finished: a repeated GET of the last token still works
            assertThat(client.get(last).status()).isEqualTo(200);
            long deadline = System.currentTimeMillis() + WAIT_MILLIS;
            while (server.statementResource().trackedQueries() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.statementResource().trackedQueries()).isZero();
            assertThat(client.get(last).status()).isEqualTo(404);
        }
    }

    @Test
    void testCloseFailsRunningQueriesAndIsIdempotent()
    {
        TestingQueryEngine engine = new TestingQueryEngine()
                .register("SELECT slow", Script.builder()
                        .columns(new OutputColumn("x", BIGINT))
                        .holdOutput()
                        .build());
        CoordinatorServices server = start(Map.of(), engine);
        try (TestingHttpClient client = new TestingHttpClient(server.baseUri())) {
            JsonNode posted = client.json(client.post("SELECT slow", "X-Presto-User", "a"));
            client.get(URI.create(posted.get("nextUri").asText()));
            server.close();
            server.close();
            TestingQueryExecution execution = engine.execution(posted.get("id").asText());
            assertThat(execution.failCalls()).extracting(StrataException::errorCode).containsExactly(ErrorCode.SERVER_SHUTTING_DOWN);
            assertThatThrownBy(() -> client.get("/v1/info")).isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void testRealEngineRunsQueriesOverCatalogs()
    {
        try (CoordinatorServices server = CoordinatorServices.start(config(Map.of()), Map.of("tpch", Map.of("connector.name", "tpch")));
                TestingHttpClient client = new TestingHttpClient(server.baseUri())) {
            List<Result> results = client.run("SELECT count(*), min(r_name) FROM tpch.tiny.region", "X-Presto-User", "a");
            List<String> rows = new ArrayList<>();
            for (Result result : results) {
                JsonNode data = client.json(result).get("data");
                if (data != null) {
                    data.forEach(row -> rows.add(row.toString()));
                }
            }
            assertThat(rows).containsExactly("[5,\"AFRICA\"]");
            JsonNode last = client.json(results.get(results.size() - 1));
            assertThat(last.get("stats").get("state").asText()).isEqualTo("FINISHED");
        }
    }

    @Test
    void testCatalogsCreated()
    {
        try (CoordinatorServices server = CoordinatorServices.start(config(Map.of()), Map.of("tpch", Map.of("connector.name", "tpch")), (config, catalogs, baseUri) -> new TestingQueryEngine())) {
            assertThat(server.catalogManager().catalogNames()).containsExactly("system", "tpch");
        }
    }

    @Test
    void testBadCatalogStopsStart()
    {
        assertThatThrownBy(() -> CoordinatorServices.start(config(Map.of()), Map.of("broken", Map.of("connector.name", "no-such-connector")), (config, catalogs, baseUri) -> new TestingQueryEngine()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken")
                .hasMessageContaining("no-such-connector");
    }

    @Test
    void testPortInUse()
    {
        try (CoordinatorServices first = start(Map.of(), new TestingQueryEngine())) {
            String port = String.valueOf(first.baseUri().getPort());
            assertThatThrownBy(() -> start(Map.of("http-server.http.port", port), new TestingQueryEngine()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    private static CoordinatorServices start(Map<String, String> overrides, TestingQueryEngine engine)
    {
        return CoordinatorServices.start(config(overrides), Map.of(), (config, catalogs, baseUri) -> engine);
    }

    private static ServerConfig config(Map<String, String> overrides)
    {
        Map<String, String> properties = new HashMap<>(Map.of(
                "node.id", "coordinator-a",
                "node.environment", "test",
                "http-server.http.host", "127.0.0.1",
                "http-server.http.port", "0",
                "http-server.threads.max", "1",
                "protocol.v1.threads", "2"));
        properties.putAll(overrides);
        return ServerConfig.fromProperties(properties);
    }
}
