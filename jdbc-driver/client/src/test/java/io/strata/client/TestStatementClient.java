package io.strata.client;

import io.strata.client.TestingCoordinator.RecordedRequest;
import io.strata.protocol.Column;
import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.ErrorLocation;
import io.strata.protocol.QueryError;
import io.strata.protocol.QueryResults;
import io.strata.protocol.QueryState;
import io.strata.protocol.StatementStats;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.strata.client.TestingCoordinator.dropConnection;
import static io.strata.client.TestingCoordinator.ok;
import static io.strata.client.TestingCoordinator.status;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 10, unit = SECONDS)
class TestStatementClient
{
    private static final String QUERY_ID = "20250101_000000_00001_c1";
    private static final String QUEUED_PATH = "/v1/statement/queued/" + QUERY_ID + "/x1/1";
    private static final String EXECUTING_PATH = "/v1/statement/executing/" + QUERY_ID + "/x1/";
    private static final OkHttpClient HTTP_CLIENT = HttpClientFactory.createHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private TestingCoordinator coordinator;
    private ClientSession session;

    @BeforeEach
    void setUp()
            throws IOException
    {
        coordinator = new TestingCoordinator();
        session = ClientSession.builder(coordinator.uri(), "alice")
                .source("test")
                .catalog("tpch")
                .schema("tiny")
                .timeZone(ZoneId.of("Europe/Warsaw"))
                .locale(Locale.GERMANY)
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterEach
    void tearDown()
    {
        coordinator.close();
        HTTP_CLIENT.connectionPool().evictAll();
    }

    @AfterAll
    static void shutDownHttpClient()
    {
        HTTP_CLIENT.dispatcher().executorService().shutdown();
        HTTP_CLIENT.connectionPool().evictAll();
    }

    @Test
    void followsQueuedAndExecutingPagesToTheEnd()
    {
        List<Column> columns = List.of(Column.of("n", "bigint", Dialect.PRESTO), Column.of("price", "decimal(10,2)", Dialect.PRESTO));
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.RUNNING).nextUri(coordinator.uri(EXECUTING_PATH + "1")).columns(columns).build()));
        coordinator.respond("GET", EXECUTING_PATH + "1", ok(results(QueryState.RUNNING)
                .nextUri(coordinator.uri(EXECUTING_PATH + "2"))
                .columns(columns)
                .data(List.of(List.of(1, "1.50"), Arrays.asList(2, null)))
                .build()));
        coordinator.respond("GET", EXECUTING_PATH + "2", ok(results(QueryState.RUNNING)
                .nextUri(coordinator.uri(EXECUTING_PATH + "3"))
                .columns(columns)
                .data(List.of(List.of(9007199254740993L, "3.00")))
                .build()));
        coordinator.respond("GET", EXECUTING_PATH + "3", ok(results(QueryState.FINISHED).columns(columns).build()));

        List<List<Object>> rows = new ArrayList<>();
        List<String> states = new ArrayList<>();
        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT n, price FROM t")) {
            assertThat(client.queryId()).isEqualTo(QUERY_ID);
            assertThat(client.columns()).isEmpty();
            do {
                states.add(client.stats().state());
                rows.addAll(client.currentRows());
            } while (client.advance());

            assertThat(client.isFinished()).isTrue();
            assertThat(client.isRunning()).isFalse();
            assertThat(client.error()).isEmpty();
            assertThat(client.columns()).contains(columns);
            assertThat(client.updateType()).isEmpty();
            assertThat(client.advance()).isFalse();
            client.throwIfFailed();
        }

        assertThat(states).containsExactly("QUEUED", "RUNNING", "RUNNING", "RUNNING", "FINISHED");
        assertThat(rows).containsExactly(List.of(1, "1.50"), Arrays.asList(2, null), List.of(9007199254740993L, "3.00"));
        // GET, in order, and no DELETE once finished
        assertThat(coordinator.requests()).extracting(RecordedRequest::toString).containsExactly(
                "POST /v1/statement",
                "GET " + QUEUED_PATH,
                "GET " + EXECUTING_PATH + "1",
                "GET " + EXECUTING_PATH + "2",
                "GET " + EXECUTING_PATH + "3");
    }

    @Test
    void sendsTheSessionInHeaders()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.FINISHED).build()));
        ClientSession richSession = session.toBuilder()
                .clientTags(Set.of("etl"))
                .clientInfo(Optional.of("{\"tool\":\"test\"}"))
                .traceToken(Optional.of("trace-1"))
                .property("query_max_run_time", "1h")
                .property("optimizer.join_order", "a b&c=d")
                .preparedStatement("my statement", "SELECT * FROM t WHERE a = ?")
                .preparedStatement("other", "VALUES 1")
                .build();

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, richSession, "SELECT 'é'")) {
            while (client.advance()) {
                assertThat(client.isRunning() || client.isFinished()).isTrue();
            }
        }

        RecordedRequest post = coordinator.requests("POST", "/v1/statement").get(0);
        assertThat(post.body()).isEqualTo("SELECT 'é'");
        assertThat(post.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(post.header("X-Presto-User")).isEqualTo("alice");
        assertThat(post.header("X-Presto-Source")).isEqualTo("test");
        assertThat(post.header("X-Presto-Catalog")).isEqualTo("tpch");
        assertThat(post.header("X-Presto-Schema")).isEqualTo("tiny");
        assertThat(post.header("X-Presto-Time-Zone")).isEqualTo("Europe/Warsaw");
        assertThat(post.header("X-Presto-Language")).isEqualTo("de-DE");
        assertThat(post.header("X-Presto-Client-Tags")).isEqualTo("etl");
        assertThat(post.header("X-Presto-Client-Info")).isEqualTo("{\"tool\":\"test\"}");
        assertThat(post.header("X-Presto-Trace-Token")).isEqualTo("trace-1");
        assertThat(post.headers("X-Presto-Session")).containsExactly("query_max_run_time=1h", "optimizer.join_order=a+b%26c%3Dd");
        assertThat(post.headers("X-Presto-Prepared-Statement")).containsExactly(
                "my+statement=SELECT+*+FROM+t+WHERE+a+%3D+%3F",
                "other=VALUES+1");
        assertThat(post.header("X-Presto-Transaction-Id")).isEqualTo("NONE");
        assertThat(post.header("User-Agent")).startsWith("strata-client/");

        RecordedRequest get = coordinator.requests("GET", QUEUED_PATH).get(0);
        assertThat(get.header("X-Presto-User")).isEqualTo("alice");
        assertThat(get.header("X-Presto-Catalog")).isNull();
        assertThat(get.header("X-Presto-Transaction-Id")).isNull();
    }

    @Test
    void retriesAGetOn503And502And504()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH,
                status(503),
                status(502).body("text/html", "<html>bad gateway</html>"),
                status(504),
                ok(results(QueryState.FINISHED).columns(List.of(Column.of("x", "bigint", Dialect.PRESTO))).data(List.of(List.of(7))).build()));

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT 7")) {
            assertThat(client.advance()).isTrue();
            assertThat(client.currentRows()).containsExactly(List.of(7));
            assertThat(client.isFinished()).isTrue();
        }
        assertThat(coordinator.requests("GET", QUEUED_PATH)).hasSize(4);
    }

    @Test
    void retriesAGetAfterAnIoError()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        // three drops: more than OkHttp's own silent retry of a stale pooled connection absorbs
        coordinator.respond("GET", QUEUED_PATH, dropConnection(), dropConnection(), dropConnection(), ok(results(QueryState.FINISHED).build()));

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT 1")) {
            assertThat(client.advance()).isTrue();
            assertThat(client.isFinished()).isTrue();
        }
        assertThat(coordinator.requests("GET", QUEUED_PATH)).hasSize(4);
    }

    @Test
    void givesUpRetryingAtTheRequestTimeout()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, status(503).body("text/plain", "busy"));
        ClientSession impatient = session.toBuilder().requestTimeout(Duration.ofMillis(400)).build();

        long start = System.nanoTime();
        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, impatient, "SELECT 1")) {
            assertThatThrownBy(client::advance)
                    .isInstanceOfSatisfying(ClientProtocolException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(503);
                        assertThat(e.bodySnippet()).isEqualTo("busy");
                    })
                    .hasMessageStartingWith("Gave up fetching " + coordinator.uri(QUEUED_PATH) + " after ")
                    .hasMessageContaining("returned 503: busy");
            assertThat(client.isRunning()).isFalse();
            assertThat(client.advance()).isFalse();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        // attempts at 0, 100 and 300 ms; the next one, 300 ms later, would start past the deadline
        assertThat(coordinator.requests("GET", QUEUED_PATH)).hasSizeBetween(2, 3);
    }

    @Test
    void doesNotRetryThePost()
    {
        coordinator.respond("POST", "/v1/statement", status(503).body("text/plain", "shutting down"));

        assertThatThrownBy(() -> StatementClient.execute(HTTP_CLIENT, session, "SELECT 1"))
                .isInstanceOfSatisfying(ClientProtocolException.class, e -> assertThat(e.httpStatus()).hasValue(503))
                .hasMessageContaining("returned 503: shutting down");
        assertThat(coordinator.requests()).hasSize(1);
    }

    @Test
    void connectionFailureIsTyped()
            throws IOException
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClientSession nowhere = session.toBuilder().server(URI.create("http://127.0.0.1:" + closedPort)).build();

        assertThatThrownBy(() -> StatementClient.execute(HTTP_CLIENT, nowhere, "SELECT 1"))
                .isInstanceOf(ClientConnectionException.class)
                .hasMessageStartingWith("Error submitting statement to http://127.0.0.1:" + closedPort + "/v1/statement");
    }

    @Test
    void parseFailureReportsTheBody()
    {
        coordinator.respond("POST", "/v1/statement", status(200).body("text/html", "<html><body>Login required</body></html>"));

        assertThatThrownBy(() -> StatementClient.execute(HTTP_CLIENT, session, "SELECT 1"))
                .isInstanceOfSatisfying(ClientProtocolException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(200);
                    assertThat(e.bodySnippet()).isEqualTo("<html><body>Login required</body></html>");
                })
                .hasMessageContaining("Invalid response to POST")
                .hasMessageContaining("text/html");
    }

    @Test
    void unexpectedStatusOnGetIsNotRetried()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, status(410).body("text/plain", "Gone"));

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT 1")) {
            assertThatThrownBy(client::advance)
                    .isInstanceOfSatisfying(ClientProtocolException.class, e -> assertThat(e.httpStatus()).hasValue(410))
                    .hasMessageStartingWith("Query not found or gone");
        }
        assertThat(coordinator.requests("GET", QUEUED_PATH)).hasSize(1);
        // a client that failed does not DELETE
        assertThat(coordinator.requests("DELETE", QUEUED_PATH)).isEmpty();
    }

    @Test
    void sessionUpdatesReachTheNextStatement()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.FINISHED).updateType("PREPARE").build())
                .header("X-Presto-Set-Catalog", "memory")
                .header("X-Presto-Set-Schema", "default")
                .header("X-Presto-Set-Session", "join_distribution_type=BROADCAST")
                .header("X-Presto-Set-Session", "query_max_run_time=2h%201m")
                .header("X-Presto-Clear-Session", "old_property")
                .header("X-Presto-Added-Prepare", "my+query=SELECT+*+FROM+t+WHERE+x+%3D+%3F")
                .header("X-Presto-Deallocated-Prepare", "stale")
                .header("X-Presto-Started-Transaction-Id", "tx-42"));
        ClientSession before = session.toBuilder()
                .property("old_property", "1")
                .property("kept", "yes")
                .preparedStatement("stale", "VALUES 0")
                .build();

        SessionUpdates updates;
        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, before, "PREPARE my_query FROM ...")) {
            while (client.advance()) {
                assertThat(client.updateType()).contains("PREPARE");
            }
            updates = client.sessionUpdates();
        }

        assertThat(updates.setCatalog()).contains("memory");
        assertThat(updates.setSchema()).contains("default");
        assertThat(updates.setSessionProperties()).containsExactly(
                Map.entry("join_distribution_type", "BROADCAST"),
                Map.entry("query_max_run_time", "2h 1m"));
        assertThat(updates.resetSessionProperties()).containsExactly("old_property");
        assertThat(updates.addedPreparedStatements()).containsExactly(Map.entry("my query", "SELECT * FROM t WHERE x = ?"));
        assertThat(updates.deallocatedPreparedStatements()).containsExactly("stale");
        assertThat(updates.startedTransactionId()).contains("tx-42");

        ClientSession after = before.withUpdates(updates);
        assertThat(after.catalog()).contains("memory");
        assertThat(after.schema()).contains("default");
        assertThat(after.properties()).containsExactly(
                Map.entry("kept", "yes"),
                Map.entry("join_distribution_type", "BROADCAST"),
                Map.entry("query_max_run_time", "2h 1m"));
        assertThat(after.preparedStatements()).containsExactly(Map.entry("my query", "SELECT * FROM t WHERE x = ?"));
        assertThat(after.transactionId()).contains("tx-42");

        // the next statement carries the new session
        String secondPath = "/v1/statement/queued/20250101_000000_00002_c1/x2/1";
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).id("20250101_000000_00002_c1").nextUri(coordinator.uri(secondPath)).build())
                .header("X-Presto-Clear-Transaction-Id", "true"));
        coordinator.respond("GET", secondPath, ok(results(QueryState.FINISHED).id("20250101_000000_00002_c1").updateType("COMMIT").build()));
        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, after, "COMMIT")) {
            while (client.advance()) {
                assertThat(client.isFinished()).isTrue();
            }
            assertThat(after.withUpdates(client.sessionUpdates()).transactionId()).isEmpty();
        }
        List<RecordedRequest> posts = coordinator.requests("POST", "/v1/statement");
        RecordedRequest second = posts.get(posts.size() - 1);
        assertThat(second.header("X-Presto-Catalog")).isEqualTo("memory");
        assertThat(second.header("X-Presto-Schema")).isEqualTo("default");
        assertThat(second.headers("X-Presto-Session")).containsExactly("kept=yes", "join_distribution_type=BROADCAST", "query_max_run_time=2h+1m");
        assertThat(second.headers("X-Presto-Prepared-Statement")).containsExactly("my+query=SELECT+*+FROM+t+WHERE+x+%3D+%3F");
        assertThat(second.header("X-Presto-Transaction-Id")).isEqualTo("tx-42");
    }

    @Test
    void trinoDialectSpeaksTrinoHeaders()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.FINISHED).build())
                .header("X-Trino-Set-Catalog", "system")
                .header("X-Presto-Set-Schema", "ignored"));
        ClientSession trino = session.toBuilder().dialect(Dialect.TRINO).build();

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, trino, "USE system.x")) {
            assertThat(client.isFinished()).isTrue();
            assertThat(client.sessionUpdates().setCatalog()).contains("system");
            assertThat(client.sessionUpdates().setSchema()).isEmpty();
        }
        RecordedRequest post = coordinator.requests().get(0);
        assertThat(post.header("X-Trino-User")).isEqualTo("alice");
        assertThat(post.header("X-Trino-Transaction-Id")).isEqualTo("NONE");
        assertThat(post.header("X-Presto-User")).isNull();
    }

    @Test
    void cancelSendsDeleteToTheCurrentNextUri()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("DELETE", QUEUED_PATH, status(204));

        StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT * FROM big");
        assertThat(client.cancel()).isTrue();
        assertThat(client.isCanceled()).isTrue();
        assertThat(client.advance()).isFalse();
        assertThat(client.cancel()).isFalse();
        client.close();

        assertThat(coordinator.requests()).extracting(RecordedRequest::toString).containsExactly("POST /v1/statement", "DELETE " + QUEUED_PATH);
        assertThat(coordinator.requests().get(1).header("X-Presto-User")).isEqualTo("alice");
    }

    @Test
    void closeCancelsARunningStatementButNotAFinishedOne()
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.FINISHED).build()));
        coordinator.respond("DELETE", QUEUED_PATH, status(204));

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT 1")) {
            assertThat(client.isRunning()).isTrue();
        }
        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT 1")) {
            assertThat(client.advance()).isTrue();
            assertThat(client.isFinished()).isTrue();
        }
        assertThat(coordinator.requests()).extracting(RecordedRequest::toString).containsExactly(
                "POST /v1/statement",
                "DELETE " + QUEUED_PATH,
                "POST /v1/statement",
                "GET " + QUEUED_PATH);
    }

    @Test
    void cancelInterruptsARequestInFlight()
            throws Exception
    {
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.FINISHED).build()).delay(Duration.ofSeconds(5)));
        coordinator.respond("DELETE", QUEUED_PATH, status(204));

        StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT * FROM slow");
        CompletableFuture<Boolean> advanced = CompletableFuture.supplyAsync(client::advance);
        while (coordinator.requests("GET", QUEUED_PATH).isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }

        long start = System.nanoTime();
        assertThat(client.cancel()).isTrue();
        assertThat(advanced.get(2, SECONDS)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(client.isCanceled()).isTrue();
        assertThat(coordinator.requests("DELETE", QUEUED_PATH)).hasSize(1);
    }

    @Test
    void failedQueryMapsToTheTypedException()
    {
        QueryError error = QueryError.of(ErrorCode.SYNTAX_ERROR, "line 1:8: mismatched input 'FORM'", Optional.of(new ErrorLocation(1, 8)), Optional.empty());
        coordinator.respond("POST", "/v1/statement", ok(results(QueryState.QUEUED).nextUri(coordinator.uri(QUEUED_PATH)).build()));
        coordinator.respond("GET", QUEUED_PATH, ok(results(QueryState.FAILED).error(error).build()));

        try (StatementClient client = StatementClient.execute(HTTP_CLIENT, session, "SELECT * FORM t")) {
            client.throwIfFailed();
            assertThat(client.advance()).isTrue();
            assertThat(client.advance()).isFalse();
            assertThat(client.isFinished()).isTrue();
            assertThat(client.error()).contains(error);

            assertThatThrownBy(client::throwIfFailed)
                    .isInstanceOfSatisfying(QueryFailedException.class, e -> {
                        assertThat(e.queryId()).isEqualTo(QUERY_ID);
                        assertThat(e.errorCode()).isEqualTo(1);
                        assertThat(e.errorName()).isEqualTo("SYNTAX_ERROR");
                        assertThat(e.errorType()).isEqualTo("USER_ERROR");
                        assertThat(e.sqlState()).contains("42000");
                        assertThat(e.errorLocation()).contains(new ErrorLocation(1, 8));
                        assertThat(e.retriable()).isFalse();
                    })
                    .hasMessage("Query failed (#" + QUERY_ID + "): line 1:8: mismatched input 'FORM'");
        }
        assertThat(coordinator.requests("DELETE", QUEUED_PATH)).isEmpty();
    }

    private QueryResults.Builder results(QueryState state)
    {
        return QueryResults.builder(QUERY_ID, coordinator.uri("/ui/query.html?" + QUERY_ID), StatementStats.builder().state(state).queued(state == QueryState.QUEUED).build());
    }
}
