package io.strata.server.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.core.execution.OutputColumn;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.server.CoordinatorServices;
import io.strata.server.TestingHttpClient;
import io.strata.server.TestingHttpClient.Result;
import io.strata.server.TestingQueryEngine;
import io.strata.server.TestingQueryEngine.Script;
import io.strata.server.TestingQueryEngine.TestingQueryExecution;
import io.strata.server.config.ServerConfig;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import io.strata.spi.type.Int128;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.math.BigInteger;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.server.TestingQueryEngine.page;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static java.util.Locale.ENGLISH;
import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
final class TestStatementResource
{
    private static final String[] PRESTO_USER = {"X-Presto-User", "alice"};
    private static final String[] TRINO_USER = {"X-Trino-User", "alice"};
    private static final String QUERY_ID = "\\d{8}_\\d{6}_\\d{5}_testnode1";

    private final TestingQueryEngine engine = new TestingQueryEngine();
    private CoordinatorServices server;
    private TestingHttpClient client;

    @BeforeAll
    void start()
    {
        engine.register("SELECT x, name FROM t", Script.builder()
                .columns(new OutputColumn("x", BIGINT), new OutputColumn("name", createVarcharType(25)))
                .pages(
                        page(List.of(BIGINT, createVarcharType(25)), new Object[] {1L, "one"}, new Object[] {2L, null}, new Object[] {3L, "three"}),
                        page(List.of(BIGINT, createVarcharType(25)), new Object[] {4L, "four"}, new Object[] {5L, "fünf"}))
                .build());
        engine.register("SET SESSION", Script.builder()
                .updateType("SET SESSION")
                .sessionUpdates(new SessionUpdates(
                        Optional.of("tpch"),
                        Optional.of("tiny"),
                        Map.of("query_max_run_time", "1 h"),
                        List.of("join_distribution_type"),
                        Map.of("statement 1", "SELECT ?, 'a,b'"),
                        List.of("old one"),
                        Optional.of("tx-1"),
                        true))
                .build());
        engine.register("SELECT FORM", Script.builder()
                .failOnStart(new StrataException(ErrorCode.SYNTAX_ERROR, new Location(1, 8), "mismatched input 'FORM'. Expecting: <expression>"))
                .build());
        engine.register("CREATE REJECTED", Script.builder()
                .failOnCreate(new StrataException(ErrorCode.PERMISSION_DENIED, "Access Denied: Cannot create"))
                .build());
        engine.register("SELECT forever", Script.builder()
                .columns(new OutputColumn("x", BIGINT))
                .pages(page(List.of(BIGINT), new Object[] {1L}))
                .holdOutput()
                .build());
        engine.register("SELECT held", Script.builder()
                .columns(new OutputColumn("x", BIGINT))
                .pages(page(List.of(BIGINT), new Object[] {7L}))
                .holdOutput()
                .build());
        engine.register("SELECT queued", Script.builder()
                .columns(new OutputColumn("x", BIGINT))
                .holdPlanning()
                .build());
        engine.register("INSERT INTO t", Script.builder()
                .columns(new OutputColumn("rows", BIGINT))
                .updateType("INSERT")
                .pages(page(List.of(BIGINT), new Object[] {3L}))
                .build());
        engine.register("CREATE TABLE t", Script.builder()
                .updateType("CREATE TABLE")
                .updateCount(0)
                .build());
        List<Page> bigPages = new ArrayList<>();
        for (int pageIndex = 0; pageIndex < 3; pageIndex++) {
            Object[][] rows = new Object[80_000][];
            for (int row = 0; row < rows.length; row++) {
                rows[row] = new Object[] {(long) pageIndex * rows.length + row};
            }
            bigPages.add(page(List.of(BIGINT), rows));
        }
        engine.register("SELECT big", Script.builder()
                .columns(new OutputColumn("x", BIGINT))
                .pages(bigPages)
                .build());
        List<Type> allTypes = List.of(BOOLEAN, INTEGER, BIGINT, DOUBLE, createDecimalType(12, 2), createDecimalType(38, 4), VARCHAR, DATE, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH, UNKNOWN);
        List<OutputColumn> allColumns = new ArrayList<>();
        for (Type type : allTypes) {
            allColumns.add(new OutputColumn("c_" + type.baseName().replace(' ', '_'), type));
        }
        engine.register("SELECT types", Script.builder()
                .columns(allColumns.toArray(OutputColumn[]::new))
                .pages(page(
                        allTypes,
                        new Object[] {true, 42, 9007199254740993L, Double.NaN, 1234L, Int128.valueOf(new BigInteger("-123456789012345678901234567890123")), "héllo", 11_556, 90_061_001L, 14, null},
                        new Object[] {false, -1, -5L, Double.NEGATIVE_INFINITY, -5L, Int128.valueOf(5), "", -1, -1_000L, -13, null},
                        new Object[] {null, null, null, 1.5, null, null, null, null, null, null, null}))
                .build());

        server = CoordinatorServices.start(
                ServerConfig.fromProperties(Map.of(
                        "node.id", "test-node-1",
                        "http-server.http.host", "127.0.0.1",
                        "http-server.http.port", "0",
                        "http-server.threads.max", "2",
                        "protocol.v1.threads", "2",
                        "http-server.max-request-size", "64kB",
                        "http-server.max-request-header-size", "16kB")),
                Map.of(),
                (config, catalogs, baseUri) -> engine);
        client = new TestingHttpClient(server.baseUri());
    }

    @AfterAll
    void stop()
    {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testQueryFlow()
    {
        Result posted = client.post("SELECT x, name FROM t", PRESTO_USER);
        assertThat(posted.status()).isEqualTo(200);
        assertThat(posted.header("Content-Type")).isEqualTo("application/json");
        JsonNode first = client.json(posted);
        String queryId = first.get("id").asText();
        assertThat(queryId).matches(QUERY_ID);
        assertThat(first.get("infoUri").asText()).isEqualTo(server.baseUri() + "/ui/query.html?" + queryId);
        assertThat(first.get("nextUri").asText()).matches(server.baseUri() + "/v1/statement/queued/" + queryId + "/1\\?slug=x[0-9a-f]{32}");
        assertThat(first.get("stats").get("state").asText()).isEqualTo("QUEUED");
        assertThat(first.get("stats").get("queued").asBoolean()).isTrue();
        assertThat(first.has("columns")).isFalse();
        assertThat(first.has("data")).isFalse();
        assertThat(first.get("warnings").isArray()).isTrue();
        assertThat(first.get("warnings")).isEmpty();

        List<JsonNode> responses = new ArrayList<>();
        responses.add(first);
        JsonNode current = first;
        while (current.hasNonNull("nextUri")) {
            Result result = client.get(URI.create(current.get("nextUri").asText()), PRESTO_USER);
            assertThat(result.status()).isEqualTo(200);
            current = client.json(result);
            responses.add(current);
            assertThat(responses).hasSizeLessThan(50);
        }

        JsonNode last = responses.get(responses.size() - 1);
        assertThat(last.get("stats").get("state").asText()).isEqualTo("FINISHED");
        assertThat(last.has("error")).isFalse();
        assertThat(last.has("updateType")).isFalse();
        assertThat(last.get("stats").get("processedRows").asLong()).isEqualTo(20);
        assertThat(last.get("stats").get("peakMemoryBytes").asLong()).isEqualTo(4096);
        assertThat(last.get("stats").get("progressPercentage").asDouble()).isEqualTo(100.0);

        int firstWithColumnsIndex = 0;
        while (!responses.get(firstWithColumnsIndex).has("columns")) {
            firstWithColumnsIndex++;
        }
        JsonNode firstWithColumns = responses.get(firstWithColumnsIndex);
        // columns come from the executing path only
        assertThat(responses.get(firstWithColumnsIndex - 1).get("nextUri").asText()).contains("/v1/statement/executing/" + queryId + "/");
        JsonNode columns = firstWithColumns.get("columns");
        assertThat(columns).hasSize(2);
        assertThat(columns.get(0).get("name").asText()).isEqualTo("x");
        assertThat(columns.get(0).get("type").asText()).isEqualTo("bigint");
        assertThat(columns.get(0).get("typeSignature").get("rawType").asText()).isEqualTo("bigint");
        assertThat(columns.get(1).get("type").asText()).isEqualTo("varchar(25)");
        assertThat(columns.get(1).get("typeSignature").get("arguments").get(0).get("value").asLong()).isEqualTo(25);

        List<String> rows = new ArrayList<>();
        for (JsonNode response : responses) {
            if (response.has("data")) {
                assertThat(response.has("columns")).isTrue();
                assertThat(response.get("data")).isNotEmpty();
                response.get("data").forEach(row -> rows.add(row.toString()));
            }
        }
        assertThat(rows).containsExactly("[1,\"one\"]", "[2,null]", "[3,\"three\"]", "[4,\"four\"]", "[5,\"fünf\"]");

        TestingQueryExecution execution = engine.execution(queryId);
        assertThat(execution.startCalls()).isEqualTo(1);
        assertThat(execution.session().user()).isEqualTo("alice");
        assertThat(execution.sql()).isEqualTo("SELECT x, name FROM t");
    }

    @Test
    void testRepeatedTokenIsIdempotentAndOtherTokensAreGone()
    {
        JsonNode posted = client.json(client.post("SELECT held", PRESTO_USER));
        URI queued = URI.create(posted.get("nextUri").asText());
        Result first = client.get(queued, PRESTO_USER);
        Result again = client.get(queued, PRESTO_USER);
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        URI executing = URI.create(client.json(first).get("nextUri").asText());
        Result second = client.get(executing, PRESTO_USER);
        Result secondAgain = client.get(executing, PRESTO_USER);
        assertThat(secondAgain.body()).isEqualTo(second.body());
        assertThat(secondAgain.headers().toMultimap()).isEqualTo(second.headers().toMultimap());

        // the token before the last one, and one far ahead, are gone
        Result stale = client.get(queued, PRESTO_USER);
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.text()).contains("gone");
        assertThat(client.get(withToken(executing, 99), PRESTO_USER).status()).isEqualTo(410);

        // the right token at the wrong path
        URI next = URI.create(client.json(second).get("nextUri").asText());
        assertThat(client.get(URI.create(next.toString().replace("/executing/", "/queued/")), PRESTO_USER).status()).isEqualTo(404);

        engine.execution(posted.get("id").asText()).release();
        Result last = client.get(next, PRESTO_USER);
        assertThat(client.json(last).get("data").toString()).isEqualTo("[[7]]");
        assertThat(client.json(last).has("nextUri")).isFalse();
        assertThat(client.get(next, PRESTO_USER).body()).isEqualTo(last.body());
        assertThat(client.get(withToken(next, tokenOf(next) + 1), PRESTO_USER).status()).isEqualTo(410);
    }

    @Test
    void testUnknownQueryAndWrongSlug()
    {
        JsonNode posted = client.json(client.post("SELECT x, name FROM t", PRESTO_USER));
        URI next = URI.create(posted.get("nextUri").asText());

        Result wrongSlug = client.get(URI.create(next.toString().replaceFirst("slug=x[0-9a-f]{32}", "slug=x0123456789abcdef0123456789abcdef")), PRESTO_USER);
        assertThat(wrongSlug.status()).isEqualTo(404);
        assertThat(wrongSlug.text()).isEqualTo("Query not found");

        Result missingSlug = client.get(URI.create(next.toString().replaceFirst("\\?slug=.*", "")), PRESTO_USER);
        assertThat(missingSlug.status()).isEqualTo(404);

        Result unknown = client.get("/v1/statement/queued/20240101_000000_00000_nobody/1?slug=x00", PRESTO_USER);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).isEqualTo("Query not found");
        assertThat(client.delete(server.baseUri().resolve("/v1/statement/executing/20240101_000000_00000_nobody/1?slug=x00")).status()).isEqualTo(404);
        assertThat(client.head(server.baseUri().resolve("/v1/statement/executing/20240101_000000_00000_nobody/1?slug=x00")).status()).isEqualTo(404);
        assertThat(client.head(next).status()).isEqualTo(200);
        assertThat(client.get(URI.create(next.toString().replace("/1?", "/abc?")), PRESTO_USER).status()).isEqualTo(400);
    }

    @Test
    void testCancel()
    {
        JsonNode posted = client.json(client.post("SELECT forever", PRESTO_USER));
        String queryId = posted.get("id").asText();
        JsonNode queued = client.json(client.get(URI.create(posted.get("nextUri").asText()), PRESTO_USER));
        URI executing = URI.create(queued.get("nextUri").asText());
        JsonNode running = client.json(client.get(executing, PRESTO_USER));
        assertThat(running.get("columns")).hasSize(1);
        assertThat(running.has("data")).isFalse();
        URI next = URI.create(running.get("nextUri").asText());

        Result deleted = client.delete(next, PRESTO_USER);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        TestingQueryExecution execution = engine.execution(queryId);
        assertThat(execution.canceled()).isTrue();

        JsonNode after = client.json(client.get(next, PRESTO_USER));
        assertThat(after.has("nextUri")).isFalse();
        assertThat(after.get("stats").get("state").asText()).isEqualTo("FAILED");
        assertThat(after.get("error").get("errorName").asText()).isEqualTo("USER_CANCELED");
        assertThat(after.get("error").get("sqlState").asText()).isEqualTo("57014");
        // the query's last response stays, so the client may fetch it again; the next token does not exist
        assertThat(client.get(next, PRESTO_USER).body()).isEqualTo(client.get(next, PRESTO_USER).body());
        assertThat(client.get(withToken(next, tokenOf(next) + 1), PRESTO_USER).status()).isEqualTo(410);
    }

    @Test
    void testPlanningQueryLongPolls()
    {
        JsonNode posted = client.json(client.post("SELECT queued", PRESTO_USER));
        String queryId = posted.get("id").asText();
        JsonNode planning = client.json(client.get(URI.create(posted.get("nextUri").asText() + "&maxWait=10ms"), PRESTO_USER));
        // PLANNING is past the queue: the next response comes from the executing path
        assertThat(planning.get("stats").get("state").asText()).isEqualTo("PLANNING");
        URI executing = URI.create(planning.get("nextUri").asText());
        assertThat(executing.getPath()).contains("/executing/");
        JsonNode stillPlanning = client.json(client.get(URI.create(executing + "&maxWait=20ms"), PRESTO_USER));
        assertThat(stillPlanning.has("columns")).isFalse();
        assertThat(stillPlanning.get("nextUri").asText()).contains("/executing/");

        engine.execution(queryId).release();
        JsonNode planned = client.json(client.get(URI.create(stillPlanning.get("nextUri").asText()), PRESTO_USER));
        assertThat(planned.get("columns").get(0).get("name").asText()).isEqualTo("x");
        assertThat(planned.has("nextUri")).isFalse();
        assertThat(planned.get("stats").get("state").asText()).isEqualTo("FINISHED");
    }

    @Test
    void testBadMaxWaitAndTargetResultSize()
    {
        JsonNode posted = client.json(client.post("SELECT x, name FROM t", PRESTO_USER));
        String next = posted.get("nextUri").asText();
        Result badWait = client.get(URI.create(next + "&maxWait=forever"), PRESTO_USER);
        assertThat(badWait.status()).isEqualTo(400);
        assertThat(badWait.text()).contains("maxWait");
        assertThat(client.get(URI.create(next + "&maxWait=-1s"), PRESTO_USER).status()).isEqualTo(400);
        assertThat(client.get(URI.create(next + "&targetResultSize=lots"), PRESTO_USER).status()).isEqualTo(400);
        // the query is untouched by the bad requests
        assertThat(client.get(URI.create(next + "&maxWait=5m"), PRESTO_USER).status()).isEqualTo(200);
    }

    @Test
    void testSessionUpdatesAnsweredInPrestoSpelling()
    {
        List<Result> results = client.run("SET SESSION", PRESTO_USER);
        Result withColumns = results.stream().filter(result -> client.json(result).has("columns")).findFirst().orElseThrow();
        JsonNode json = client.json(withColumns);
        assertThat(json.get("updateType").asText()).isEqualTo("SET SESSION");
        assertThat(json.get("columns")).hasSize(1);
        assertThat(json.get("columns").get(0).get("name").asText()).isEqualTo("result");
        assertThat(json.get("columns").get(0).get("type").asText()).isEqualTo("boolean");
        JsonNode last = client.json(results.get(results.size() - 1));
        assertThat(last.get("data").toString()).isEqualTo("[[true]]");
        assertThat(last.has("nextUri")).isFalse();

        assertThat(withColumns.header("X-Presto-Set-Catalog")).isEqualTo("tpch");
        assertThat(withColumns.header("X-Presto-Set-Schema")).isEqualTo("tiny");
        assertThat(withColumns.headers().values("X-Presto-Set-Session")).containsExactly("query_max_run_time=1+h");
        assertThat(withColumns.headers().values("X-Presto-Clear-Session")).containsExactly("join_distribution_type");
        assertThat(withColumns.headers().values("X-Presto-Added-Prepare")).containsExactly("statement+1=SELECT+%3F%2C+%27a%2Cb%27");
        assertThat(withColumns.headers().values("X-Presto-Deallocated-Prepare")).containsExactly("old+one");
        assertThat(withColumns.header("X-Presto-Started-Transaction-Id")).isEqualTo("tx-1");
        assertThat(withColumns.header("X-Presto-Clear-Transaction-Id")).isEqualTo("true");
        assertThat(withColumns.headers().names()).noneMatch(name -> name.toLowerCase(ENGLISH).startsWith("x-trino-"));
    }

    @Test
    void testSessionUpdatesAnsweredInTrinoSpelling()
    {
        List<Result> results = client.run("SET SESSION", TRINO_USER);
        Result withColumns = results.stream().filter(result -> client.json(result).has("columns")).findFirst().orElseThrow();
        assertThat(withColumns.header("X-Trino-Set-Catalog")).isEqualTo("tpch");
        assertThat(withColumns.headers().values("X-Trino-Set-Session")).containsExactly("query_max_run_time=1+h");
        assertThat(withColumns.header("X-Trino-Clear-Transaction-Id")).isEqualTo("true");
        assertThat(withColumns.headers().names()).noneMatch(name -> name.toLowerCase(ENGLISH).startsWith("x-presto-"));
        // Trino's shape of a varchar-free boolean column is the same; the Trino kinds show on parameterized types
        JsonNode typed = client.json(client.run("SELECT x, name FROM t", TRINO_USER).stream()
                .filter(result -> client.json(result).has("columns")).findFirst().orElseThrow());
        JsonNode varcharSignature = typed.get("columns").get(1).get("typeSignature");
        assertThat(varcharSignature.get("arguments").get(0).get("kind").asText()).isEqualTo("LONG");
        assertThat(varcharSignature.has("typeArguments")).isFalse();
    }

    @Test
    void testMixedDialectsRejected()
    {
        Result result = client.post("SELECT x, name FROM t", "X-Presto-User", "alice", "X-Trino-Source", "cli");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.text()).contains("X-Presto-").contains("X-Trino-");
    }

    @Test
    void testUpdateCountForDml()
    {
        List<Result> results = client.run("INSERT INTO t", PRESTO_USER);
        JsonNode last = client.json(results.get(results.size() - 1));
        assertThat(last.get("updateType").asText()).isEqualTo("INSERT");
        assertThat(last.get("updateCount").asLong()).isEqualTo(3);
        assertThat(last.get("columns").get(0).get("name").asText()).isEqualTo("rows");

        JsonNode ddl = client.json(client.run("CREATE TABLE t", PRESTO_USER).stream().reduce((first, second) -> second).orElseThrow());
        assertThat(ddl.get("updateType").asText()).isEqualTo("CREATE TABLE");
        assertThat(ddl.get("updateCount").asLong()).isEqualTo(0);
        assertThat(ddl.get("data").toString()).isEqualTo("[[true]]");
    }

    @Test
    void testSyntaxErrorReachesClientWithLocation()
    {
        List<Result> results = client.run("SELECT FORM", PRESTO_USER);
        JsonNode last = client.json(results.get(results.size() - 1));
        assertThat(last.has("nextUri")).isFalse();
        assertThat(last.get("stats").get("state").asText()).isEqualTo("FAILED");
        JsonNode error = last.get("error");
        assertThat(error.get("message").asText()).isEqualTo("line 1:8: mismatched input 'FORM'. Expecting: <expression>");
        assertThat(error.get("errorCode").asInt()).isEqualTo(1);
        assertThat(error.get("errorName").asText()).isEqualTo("SYNTAX_ERROR");
        assertThat(error.get("errorType").asText()).isEqualTo("USER_ERROR");
        assertThat(error.get("retriable").asBoolean()).isFalse();
        assertThat(error.get("sqlState").asText()).isEqualTo("42000");
        assertThat(error.get("errorLocation").get("lineNumber").asInt()).isEqualTo(1);
        assertThat(error.get("errorLocation").get("columnNumber").asInt()).isEqualTo(8);
        assertThat(error.get("failureInfo").get("type").asText()).isEqualTo(StrataException.class.getName());
        assertThat(error.get("failureInfo").get("stack")).isNotEmpty();
        assertThat(error.get("failureInfo").get("errorLocation").get("columnNumber").asInt()).isEqualTo(8);
    }

    @Test
    void testCreateFailureReportedOnFirstGet()
    {
        List<Result> results = client.run("CREATE REJECTED", PRESTO_USER);
        assertThat(client.json(results.get(0)).get("stats").get("state").asText()).isEqualTo("QUEUED");
        JsonNode last = client.json(results.get(results.size() - 1));
        assertThat(last.get("error").get("errorName").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(last.get("error").get("message").asText()).isEqualTo("Access Denied: Cannot create");
    }

    @Test
    void testEveryTypeEncoded()
    {
        List<Result> results = client.run("SELECT types", PRESTO_USER);
        List<String> rows = new ArrayList<>();
        JsonNode columns = null;
        for (Result result : results) {
            // NaN must arrive as a string: a bare NaN token is not JSON
            assertThat(result.text()).doesNotContain("NaN,").doesNotContain(":NaN");
            JsonNode json = client.json(result);
            if (json.has("columns")) {
                columns = json.get("columns");
            }
            if (json.has("data")) {
                json.get("data").forEach(row -> rows.add(row.toString()));
            }
        }
        assertThat(columns).isNotNull();
        List<String> types = new ArrayList<>();
        columns.forEach(column -> types.add(column.get("type").asText()));
        assertThat(types).containsExactly("boolean", "integer", "bigint", "double", "decimal(12,2)", "decimal(38,4)", "varchar", "date", "interval day to second", "interval year to month", "unknown");
        assertThat(columns.get(6).get("typeSignature").get("arguments").get(0).get("value").asLong()).isEqualTo(2147483647L);
        assertThat(rows).containsExactly(
                "[true,42,9007199254740993,\"NaN\",\"12.34\",\"-12345678901234567890123456789.0123\",\"héllo\",\"2001-08-22\",\"1 01:01:01.001\",\"1-2\",null]",
                "[false,-1,-5,\"-Infinity\",\"-0.05\",\"0.0005\",\"\",\"1969-12-31\",\"-0 00:00:01.000\",\"-1-1\",null]",
                "[null,null,null,1.5,null,null,null,null,null,null,null]");
    }

    @Test
    void testLargeResultsAreStreamedInParts()
    {
        List<Result> results = client.run("SELECT big", PRESTO_USER);
        long rows = 0;
        int responsesWithData = 0;
        for (Result result : results) {
            JsonNode json = client.json(result);
            if (json.has("data")) {
                responsesWithData++;
                // at most ~1 MB of pages (two pages of 640 kB) per response
                assertThat(json.get("data").size()).isLessThanOrEqualTo(160_000);
                rows += json.get("data").size();
            }
        }
        assertThat(rows).isEqualTo(240_000);
        assertThat(responsesWithData).isGreaterThanOrEqualTo(2);
    }

    @Test
    void testRequestSessionHeaders()
    {
        JsonNode posted = client.json(client.post("SELECT x, name FROM t",
                "X-Presto-User", "bob",
                "X-Presto-Source", "presto-jdbc",
                "X-Presto-Catalog", "tpch",
                "X-Presto-Schema", "sf1",
                "X-Presto-Time-Zone", "America/Bahia_Banderas",
                "X-Presto-Language", "en",
                "X-Presto-Client-Tags", "a, b,,a",
                "X-Presto-Client-Info", "info",
                "X-Presto-Trace-Token", "trace",
                "X-Presto-Session", "query_max_run_time=1h",
                "X-Presto-Session", "tpch.splits_per_node=4,hash_partition_count=%2C8",
                "X-Presto-Prepared-Statement", "statement1=SELECT+%3F%2C+1,my+stmt=SELECT+2",
                "X-Presto-Transaction-Id", "NONE"));
        Session session = engine.execution(posted.get("id").asText()).session();
        assertThat(session.user()).isEqualTo("bob");
        assertThat(session.source()).contains("presto-jdbc");
        assertThat(session.catalog()).contains("tpch");
        assertThat(session.schema()).contains("sf1");
        assertThat(session.timeZone()).isEqualTo(ZoneId.of("America/Bahia_Banderas"));
        assertThat(session.language()).contains("en");
        assertThat(session.clientTags()).containsExactly("a", "b");
        assertThat(session.clientInfo()).contains("info");
        assertThat(session.traceToken()).contains("trace");
        assertThat(session.systemProperties()).containsExactly(Map.entry("query_max_run_time", "1h"), Map.entry("hash_partition_count", ",8"));
        assertThat(session.catalogProperties()).containsExactly(Map.entry("tpch", Map.of("splits_per_node", "4")));
        assertThat(session.preparedStatements()).containsExactly(Map.entry("statement1", "SELECT ?, 1"), Map.entry("my stmt", "SELECT 2"));
        assertThat(session.transactionId()).isEmpty();
        assertThat(session.queryId()).isEqualTo(posted.get("id").asText());

        JsonNode trino = client.json(client.post("SELECT x, name FROM t", "X-Trino-Original-User", "carol", "X-Trino-Transaction-Id", "abc"));
        Session trinoSession = engine.execution(trino.get("id").asText()).session();
        assertThat(trinoSession.user()).isEqualTo("carol");
        assertThat(trinoSession.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(trinoSession.transactionId()).contains("abc");
    }

    @Test
    void testMalformedRequestsAreClientErrors()
    {
        assertThat(client.post("SELECT x, name FROM t").status()).isEqualTo(400);
        assertBadRequest(client.post("", PRESTO_USER), "SQL statement is empty");
        assertBadRequest(client.post("  \n", PRESTO_USER), "SQL statement is empty");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Time-Zone", "Mars/Olympus"), "X-Presto-Time-Zone");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Session", "novalue"), "X-Presto-Session");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Session", "=x"), "X-Presto-Session");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Session", "a=%zz"), "X-Presto-Session");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Prepared-Statement", "s1"), "X-Presto-Prepared-Statement");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Schema", "sf1"), "catalog");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Forwarded-Proto", "gopher"), "X-Forwarded-Proto");
        assertBadRequest(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Forwarded-Host", "bad host/path"), "X-Forwarded-Host");

        Result invalidUtf8 = client.method("POST", "/v1/statement", new byte[] {'S', (byte) 0xC3, (byte) 0x28}, PRESTO_USER);
        assertBadRequest(invalidUtf8, "UTF-8");

        Result tooLarge = client.method("POST", "/v1/statement", new byte[100 * 1024], PRESTO_USER);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text()).contains("larger than the limit");

        Result headersTooLarge = client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Presto-Client-Info", "x".repeat(32 * 1024));
        assertThat(headersTooLarge.status()).isEqualTo(431);

        Result unknownPath = client.get("/v1/nothing", PRESTO_USER);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.text()).contains("/v1/nothing");
        Result wrongMethod = client.method("PUT", "/v1/statement", new byte[0], PRESTO_USER);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("POST");
        assertThat(client.method("GET", "/v1/statement", null, PRESTO_USER).status()).isEqualTo(405);
    }

    @Test
    void testForwardedHeadersShapeUris()
    {
        JsonNode posted = client.json(client.post("SELECT x, name FROM t", "X-Presto-User", "a", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "gateway.example:8443, proxy.internal"));
        assertThat(posted.get("nextUri").asText()).startsWith("https://gateway.example:8443/v1/statement/queued/");
        assertThat(posted.get("infoUri").asText()).startsWith("https://gateway.example:8443/ui/query.html?");
    }

    @Test
    void testHeadStatement()
    {
        assertThat(client.head(server.baseUri().resolve("/v1/statement")).status()).isEqualTo(200);
    }

    private static void assertBadRequest(Result result, String messagePart)
    {
        assertThat(result.status()).as(result.text()).isEqualTo(400);
        assertThat(result.text()).contains(messagePart);
    }

    private static long tokenOf(URI uri)
    {
        String path = uri.getPath();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static URI withToken(URI uri, long token)
    {
        String path = uri.getPath();
        return uri.resolve(path.substring(0, path.lastIndexOf('/') + 1) + token + "?" + uri.getRawQuery());
    }
}
