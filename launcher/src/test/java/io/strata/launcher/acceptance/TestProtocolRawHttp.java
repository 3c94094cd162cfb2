package io.strata.launcher.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.launcher.acceptance.RawProtocolClient.RawResponse;
import io.strata.protocol.Dialect;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * The client protocol over plain HTTP, no driver: the request flow along {@code nextUri}, idempotent GETs, the
 * status codes for stale tokens, wrong slugs, cancellation and empty statements, session headers answered in the
 * spelling of the request, error JSON, query ids, {@code /v1/info} and {@code HEAD /v1/statement}. The facts come
 * from the research notes on the protocol (shared/research/client-protocol.md, section 1).
 */
@TestInstance(PER_CLASS)
@Timeout(value = 60, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestProtocolRawHttp
{
    /** Presto's id format, our coordinator id as the suffix; gateways find ids with {@code \d+_\d+_\d+_\w+}. */
    private static final Pattern QUERY_ID = Pattern.compile("\\d{8}_\\d{6}_\\d{5}_[a-z0-9]{1,16}");
    private static final Pattern LAST_NUMBER_SEGMENT = Pattern.compile("^(.*/)(\\d+)(/?)$");
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
    private static final String NATION_QUERY = "SELECT n_nationkey, n_name FROM tpch.tiny.nation ORDER BY n_nationkey";

    private TestingCoordinator coordinator;
    private RawProtocolClient client;

    @BeforeAll
    public void startCoordinator()
    {
        coordinator = TestingCoordinator.start();
        client = new RawProtocolClient(coordinator);
    }

    @AfterAll
    public void stopCoordinator()
    {
        try {
            if (client != null) {
                client.close();
            }
        }
        finally {
            if (coordinator != null) {
                coordinator.close();
            }
        }
    }

    @Test
    public void testPostThenFollowNextUri()
    {
        RawResponse posted = client.post(Dialect.PRESTO, NATION_QUERY).requireOk();
        assertThat(posted.headers().get("Content-Type")).as("Content-Type of %s", posted).startsWith("application/json");
        JsonNode first = posted.json();
        String queryId = first.path("id").asText();
        assertThat(queryId).as("query id").matches(QUERY_ID).endsWith("_" + TestingCoordinator.COORDINATOR_ID);
        assertThat(first.path("infoUri").isTextual()).as("infoUri of %s", posted).isTrue();
        assertThat(first.path("stats").path("state").isTextual()).as("stats.state of %s", posted).isTrue();
        assertThat(posted.nextUri()).as("the POST's nextUri: %s", posted).isPresent();

        List<RawResponse> responses = client.followToEnd(Dialect.PRESTO, posted, QUERY_TIMEOUT);
        for (RawResponse response : responses) {
            JsonNode json = response.json();
            assertThat(json.path("id").asText()).as("id in %s", response).isEqualTo(queryId);
            if (json.has("data")) {
                // presto-client rejects data without columns; clients mishandle an empty data list
                assertThat(json.has("columns")).as("data without columns in %s", response).isTrue();
                assertThat(json.path("data").size()).as("empty data list in %s", response).isPositive();
            }
        }
        RawResponse last = responses.get(responses.size() - 1);
        assertThat(last.json().has("error")).as("error in %s", last).isFalse();
        assertThat(last.state()).as("final state in %s", last).isEqualTo("FINISHED");

        JsonNode columns = columns(responses);
        assertThat(columns.size()).isEqualTo(2);
        assertThat(columns.get(0).path("name").asText()).isEqualTo("n_nationkey");
        assertThat(columns.get(0).path("type").asText()).isEqualTo("bigint");
        assertThat(columns.get(1).path("name").asText()).isEqualTo("n_name");
        assertThat(columns.get(1).path("type").asText()).isEqualTo("varchar(25)");
        List<JsonNode> rows = rows(responses);
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).toString()).isEqualTo("[0,\"ALGERIA\"]");
        assertThat(rows.get(24).toString()).isEqualTo("[24,\"UNITED STATES\"]");
    }

    @Test
    public void testRepeatedGetReturnsTheSamePage()
    {
        RawResponse posted = client.post(Dialect.PRESTO, NATION_QUERY).requireOk();
        URI nextUri = posted.nextUri().orElseThrow(() -> new AssertionError("no nextUri: " + posted));
        RawResponse first = client.get(Dialect.PRESTO, nextUri).requireOk();
        RawResponse repeated = client.get(Dialect.PRESTO, nextUri).requireOk();
        assertThat(repeated.body()).as("a repeated GET of %s", nextUri).isEqualTo(first.body());
        // the query goes on from the repeated page as from the first
        List<RawResponse> responses = client.followToEnd(Dialect.PRESTO, repeated, QUERY_TIMEOUT);
        assertThat(responses.get(responses.size() - 1).state()).isEqualTo("FINISHED");
    }

    @Test
    public void testWrongTokenIsGone()
    {
        RawResponse posted = client.post(Dialect.PRESTO, NATION_QUERY).requireOk();
        URI nextUri = posted.nextUri().orElseThrow(() -> new AssertionError("no nextUri: " + posted));
        try {
            RawResponse wrongToken = client.get(Dialect.PRESTO, withTokenPlus(nextUri, 5));
            assertThat(wrongToken.code()).as("%s", wrongToken).isEqualTo(410);
        }
        finally {
            client.delete(Dialect.PRESTO, nextUri);
        }
    }

    @Test
    public void testWrongSlugIsNotFound()
    {
        RawResponse posted = client.post(Dialect.PRESTO, NATION_QUERY).requireOk();
        URI nextUri = posted.nextUri().orElseThrow(() -> new AssertionError("no nextUri: " + posted));
        try {
            assertThat(nextUri.getRawQuery()).as("nextUri %s carries a slug", nextUri).contains("slug=");
            RawResponse wrongSlug = client.get(Dialect.PRESTO, withSlug(nextUri, "x" + "0".repeat(32)));
            assertThat(wrongSlug.code()).as("%s", wrongSlug).isEqualTo(404);
            RawResponse noSlug = client.get(Dialect.PRESTO, withSlug(nextUri, ""));
            assertThat(noSlug.code()).as("%s", noSlug).isEqualTo(404);
            String unknownId = "20000101_000000_00000_" + TestingCoordinator.COORDINATOR_ID;
            String queryId = posted.json().path("id").asText();
            RawResponse unknownQuery = client.get(Dialect.PRESTO, URI.create(nextUri.toString().replace(queryId, unknownId)));
            assertThat(unknownQuery.code()).as("%s", unknownQuery).isEqualTo(404);
        }
        finally {
            client.delete(Dialect.PRESTO, nextUri);
        }
    }

    @Test
    public void testDeleteCancels()
    {
        RawResponse posted = client.post(Dialect.PRESTO, ProtocolAssertions.LONG_QUERY).requireOk();
        RawResponse running = ProtocolAssertions.awaitRunning(client, Dialect.PRESTO, posted, Duration.ofSeconds(20));
        URI nextUri = running.nextUri().orElseThrow();
        RawResponse deleted = client.delete(Dialect.PRESTO, nextUri);
        assertThat(deleted.code()).as("%s", deleted).isEqualTo(204);
        ProtocolAssertions.assertCanceled(client, Dialect.PRESTO, nextUri, Duration.ofSeconds(15));
    }

    @Test
    public void testEmptyStatementIsBadRequest()
    {
        RawResponse empty = client.post(Dialect.PRESTO, "");
        assertThat(empty.code()).as("%s", empty).isEqualTo(400);
        assertThat(empty.body().toLowerCase(Locale.ENGLISH)).as("%s", empty).contains("empty");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testSessionHeadersInTheSpellingOfTheRequest(Dialect dialect)
    {
        Dialect other = dialect == Dialect.PRESTO ? Dialect.TRINO : Dialect.PRESTO;
        List<RawResponse> responses = client.followToEnd(dialect, client.post(dialect, "USE tpch.tiny"), QUERY_TIMEOUT);
        List<String> setCatalog = new ArrayList<>();
        List<String> setSchema = new ArrayList<>();
        for (RawResponse response : responses) {
            setCatalog.addAll(response.headers().values(dialect.headerPrefix() + "Set-Catalog"));
            setSchema.addAll(response.headers().values(dialect.headerPrefix() + "Set-Schema"));
            for (String name : response.headers().names()) {
                assertThat(name.toLowerCase(Locale.ENGLISH)).as("header of %s", response).doesNotStartWith(other.headerPrefix().toLowerCase(Locale.ENGLISH));
            }
        }
        assertThat(setCatalog).as("%sSet-Catalog in %s", dialect.headerPrefix(), responses).containsExactly("tpch");
        assertThat(setSchema).as("%sSet-Schema in %s", dialect.headerPrefix(), responses).containsExactly("tiny");
        RawResponse last = responses.get(responses.size() - 1);
        assertThat(last.json().has("error")).as("%s", last).isFalse();
        assertThat(last.json().path("updateType").asText()).as("%s", last).isEqualTo("USE");
    }

    @Test
    public void testSyntaxErrorJson()
    {
        List<RawResponse> responses = client.followToEnd(Dialect.PRESTO, client.post(Dialect.PRESTO, "SELECT * FORM nation"), QUERY_TIMEOUT);
        RawResponse last = responses.get(responses.size() - 1);
        JsonNode error = last.json().path("error");
        assertThat(error.isObject()).as("error in %s", last).isTrue();
        assertThat(error.path("errorName").asText()).as("%s", last).isEqualTo("SYNTAX_ERROR");
        assertThat(error.path("errorCode").asInt(-1)).as("%s", last).isEqualTo(1);
        assertThat(error.path("errorType").asText()).as("%s", last).isEqualTo("USER_ERROR");
        assertThat(error.path("message").asText()).as("%s", last).startsWith("line 1:10: ");
        assertThat(error.path("errorLocation").path("lineNumber").asInt(-1)).as("%s", last).isEqualTo(1);
        assertThat(error.path("errorLocation").path("columnNumber").asInt(-1)).as("%s", last).isEqualTo(10);
        assertThat(last.state()).as("%s", last).isEqualTo("FAILED");
    }

    @Test
    public void testServerInfo()
    {
        RawResponse info = client.execute(new Request.Builder().url(coordinator.uri("/v1/info").toString()).get().build()).requireOk();
        JsonNode json = info.json();
        assertThat(json.path("coordinator").isBoolean() && json.path("coordinator").asBoolean()).as("%s", info).isTrue();
        assertThat(json.path("starting").isBoolean() && !json.path("starting").asBoolean()).as("%s", info).isTrue();
        assertThat(json.path("environment").asText()).as("%s", info).isEqualTo(TestingCoordinator.ENVIRONMENT);
        assertThat(json.path("nodeVersion").path("version").asText()).as("%s", info).isNotBlank();
    }

    @Test
    public void testHeadStatement()
    {
        RawResponse head = client.execute(new Request.Builder().url(coordinator.uri("/v1/statement").toString()).head().build());
        assertThat(head.code()).as("%s", head).isEqualTo(200);
    }

    @Test
    public void testStatementWithoutOutputReturnsResultColumn()
    {
        List<RawResponse> responses = client.followToEnd(Dialect.PRESTO, client.post(Dialect.PRESTO, "SET SESSION query_max_run_time = '2h'"), QUERY_TIMEOUT);
        RawResponse withColumns = responses.stream()
                .filter(response -> response.json().has("columns"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response has columns: " + responses));
        // presto-jdbc decides between a query and an update on the first response that has columns
        assertThat(withColumns.json().path("updateType").asText()).as("updateType next to the first columns: %s", withColumns).isEqualTo("SET SESSION");
        JsonNode columns = columns(responses);
        assertThat(columns.size()).isEqualTo(1);
        assertThat(columns.get(0).path("name").asText()).isEqualTo("result");
        assertThat(columns.get(0).path("type").asText()).isEqualTo("boolean");
        assertThat(rows(responses).toString()).isEqualTo("[[true]]");
        List<String> setSession = new ArrayList<>();
        responses.forEach(response -> setSession.addAll(response.headers().values("X-Presto-Set-Session")));
        assertThat(setSession).containsExactly("query_max_run_time=2h");
        assertThat(responses.get(responses.size() - 1).state()).isEqualTo("FINISHED");
    }

    private static JsonNode columns(List<RawResponse> responses)
    {
        return responses.stream()
                .map(RawResponse::json)
                .filter(json -> json.has("columns"))
                .map(json -> json.path("columns"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response has columns: " + responses));
    }

    private static List<JsonNode> rows(List<RawResponse> responses)
    {
        List<JsonNode> rows = new ArrayList<>();
        for (RawResponse response : responses) {
            response.json().path("data").forEach(rows::add);
        }
        return rows;
    }

    /** The same URI with its token, the last path segment that is a number, raised by {@code delta}. */
    private static URI withTokenPlus(URI uri, long delta)
    {
        Matcher matcher = LAST_NUMBER_SEGMENT.matcher(uri.getRawPath());
        if (!matcher.matches()) {
            throw new AssertionError("no token (a numeric last path segment) in " + uri);
        }
        String path = matcher.group(1) + (Long.parseLong(matcher.group(2)) + delta) + matcher.group(3);
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + Optional.ofNullable(uri.getRawQuery()).map(query -> "?" + query).orElse(""));
    }

    /** The same URI with query parameter {@code slug} replaced; an empty slug drops the parameter. */
    private static URI withSlug(URI uri, String slug)
    {
        List<String> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&", -1)) {
                if (!parameter.startsWith("slug=")) {
                    parameters.add(parameter);
                }
            }
        }
        if (!slug.isEmpty()) {
            parameters.add("slug=" + slug);
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters)));
    }
}
