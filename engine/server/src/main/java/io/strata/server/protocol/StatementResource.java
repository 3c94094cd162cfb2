package io.strata.server.protocol;

import io.strata.core.connector.system.RuntimeQueries;
import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.core.session.Session;
import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import io.strata.server.config.DataSize;
import io.strata.server.config.Durations;
import io.strata.server.http.HttpException;
import io.strata.server.http.HttpRequest;
import io.strata.server.http.HttpResponse;
import io.strata.server.http.JsonCodec;
import io.strata.server.http.Router;
import io.strata.server.query.QueryIdGenerator;
import io.strata.server.query.QueryOrigin;
import io.strata.server.query.QueryTracker;
import io.strata.spi.StrataException;

import java.io.Closeable;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The client statement protocol (Presto's v1, client-protocol.md §1) over the {@link QueryEngine}:
 * <ul>
 * <li>{@code POST /v1/statement}: the body is the SQL; answers {@code QueryResults} in state {@code QUEUED}
 * with {@code nextUri} {@code queued/{queryId}/1?slug=...}; nothing runs before the first GET;
 * <li>{@code GET /v1/statement/queued|executing/{queryId}/{token}?slug=...[&maxWait=1s][&targetResultSize=1MB]}:
 * long-polls for the next response (see {@link Query} for the token rules); {@code maxWait} is capped at 1 s;
 * <li>{@code DELETE} of the same paths: cancels, 204;
 * <li>{@code HEAD /v1/statement}: 200 (trino-jdbc's connection check); {@code HEAD} of a {@code nextUri}:
 * 200 while the query is known (Trino's heartbeat), else 404.
 * </ul>
 * Headers are read in the spelling the request uses ({@code X-Presto-*} or {@code X-Trino-*}) and answered
 * in it; an unknown query or a wrong slug is 404 "Query not found"; malformed input is 400 with a message.
 */
public final class StatementResource
        implements Closeable
{
    public static final Duration MAX_WAIT = Duration.ofSeconds(1);
    public static final DataSize DEFAULT_TARGET_RESULT_SIZE = DataSize.parse("1MB");
    public static final DataSize MAX_TARGET_RESULT_SIZE = DataSize.parse("16MB");

    private static final String QUERY_NOT_FOUND = "Query not found";

    private final QueryEngine engine;
    private final QueryIdGenerator queryIds;
    private final QueryTracker<Query> tracker;
    private final int maxQueryLength;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final JsonCodec json;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param executor runs engine calls and builds responses (never an event loop)
     * @param scheduler times long polls out and sweeps abandoned and expired queries
     */
    public StatementResource(
            QueryEngine engine,
            QueryIdGenerator queryIds,
            Duration clientTimeout,
            Duration minExpireAge,
            int maxHistory,
            int maxQueryLength,
            Executor executor,
            ScheduledExecutorService scheduler,
            JsonCodec json,
            Clock clock,
            LongSupplier nanoTime)
    {
        this.engine = requireNonNull(engine, "engine is null");
        this.queryIds = requireNonNull(queryIds, "queryIds is null");
        this.maxQueryLength = maxQueryLength;
        this.executor = requireNonNull(executor, "executor is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.json = requireNonNull(json, "json is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.tracker = new QueryTracker<>(clientTimeout, minExpireAge, maxHistory, scheduler, nanoTime);
    }

    /** Adds the statement routes and starts sweeping abandoned and expired queries. */
    public void register(Router router)
    {
        tracker.start();
        router.add("POST", "/v1/statement", this::postStatement);
        router.add("HEAD", "/v1/statement", request -> CompletableFuture.completedFuture(HttpResponse.ok()));
        for (Query.ResultsKind kind : Query.ResultsKind.values()) {
            String path = "/v1/statement/" + kind.pathSegment() + "/{queryId}/{token}";
            router.add("GET", path, request -> getResults(request, kind));
            router.add("DELETE", path, this::cancel);
            router.add("HEAD", path, this::exists);
        }
    }

    /** The number of queries clients may still ask about. */
    public int trackedQueries()
    {
        return tracker.size();
    }

    /** The queries this resource tracks, for {@code system.runtime.queries}, and their tasks, for {@code system.runtime.tasks}. */
    public RuntimeQueries runtimeQueries()
    {
        return new RuntimeQueries()
        {
            @Override
            public List<RuntimeQueries.QueryInfo> queries()
            {
                return tracker.queries().stream().map(Query::runtimeInfo).toList();
            }

            @Override
            public List<QueryScheduler.TaskSnapshot> tasks()
            {
                return tracker.queries().stream().flatMap(query -> query.tasks().stream()).toList();
            }
        };
    }

    private CompletableFuture<HttpResponse> postStatement(HttpRequest request)
    {
        Dialect dialect = detectDialect(request);
        URI baseUri = RequestUris.baseUri(request);
        String sql = decodeSql(request.body());
        if (sql.isBlank()) {
            throw HttpException.badRequest("SQL statement is empty");
        }
        String queryId = queryIds.createNextQueryId();
        Session session = SessionHeaders.parseSession(request.headers(), dialect, queryId, clock.instant());
        QueryOrigin origin = new QueryOrigin(session.user(), session.source(), sql, session.start());
        String slug = newSlug();
        if (sql.length() > maxQueryLength) {
            StrataException tooLarge = new StrataException(ErrorCode.QUERY_TEXT_TOO_LARGE, "Query text length (" + sql.length() + ") exceeds the maximum length (" + maxQueryLength + ")");
            Query query = Query.failed(queryId, origin, slug, dialect, tooLarge, executor, scheduler, json, nanoTime);
            track(query);
            return CompletableFuture.completedFuture(query.initialResponse(baseUri));
        }
        return submit(() -> {
            Query query;
            try {
                QueryExecution execution = engine.createQuery(session, sql);
                query = Query.forExecution(origin, slug, dialect, execution, executor, scheduler, json, nanoTime);
            }
            catch (RuntimeException e) {
                query = Query.failed(queryId, origin, slug, dialect, Query.asStrataException(e), executor, scheduler, json, nanoTime);
            }
            track(query);
            return query.initialResponse(baseUri);
        });
    }

    private CompletableFuture<HttpResponse> getResults(HttpRequest request, Query.ResultsKind kind)
    {
        long token = parseToken(request);
        Duration maxWait = request.queryParameter("maxWait").map(StatementResource::parseMaxWait).orElse(MAX_WAIT);
        long targetResultBytes = request.queryParameter("targetResultSize").map(StatementResource::parseTargetResultSize).orElse(DEFAULT_TARGET_RESULT_SIZE.bytes());
        URI baseUri = RequestUris.baseUri(request);
        Query query = lookup(request);
        try {
            return query.getResults(kind, token, maxWait, targetResultBytes, baseUri);
        }
        catch (RejectedExecutionException e) {
            throw shuttingDown();
        }
    }

    private CompletableFuture<HttpResponse> cancel(HttpRequest request)
    {
        parseToken(request);
        Query query = lookup(request);
        try {
            return query.cancel().thenApply(ignored -> HttpResponse.noContent());
        }
        catch (RejectedExecutionException e) {
            throw shuttingDown();
        }
    }

    private CompletableFuture<HttpResponse> exists(HttpRequest request)
    {
        parseToken(request);
        lookup(request).heartbeat();
        return CompletableFuture.completedFuture(HttpResponse.ok());
    }

    private Query lookup(HttpRequest request)
    {
        Optional<Query> query = tracker.get(request.pathParameter("queryId"));
        Optional<String> slug = request.queryParameter("slug");
        if (query.isEmpty() || slug.isEmpty() || !query.get().hasSlug(slug.get())) {
            throw HttpException.notFound(QUERY_NOT_FOUND);
        }
        return query.get();
    }

    private void track(Query query)
    {
        try {
            tracker.add(query);
        }
        catch (StrataException e) {
            query.fail(e);
            throw shuttingDown();
        }
    }

    private CompletableFuture<HttpResponse> submit(Supplier<HttpResponse> task)
    {
        try {
            return CompletableFuture.supplyAsync(task, executor);
        }
        catch (RejectedExecutionException e) {
            throw shuttingDown();
        }
    }

    private static Dialect detectDialect(HttpRequest request)
    {
        try {
            return Dialect.detect(request.headers().names());
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest(e.getMessage());
        }
    }

    private static String decodeSql(byte[] body)
    {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw HttpException.badRequest("SQL statement is not valid UTF-8");
        }
    }

    private static long parseToken(HttpRequest request)
    {
        String token = request.pathParameter("token");
        try {
            long value = Long.parseLong(token);
            if (value < 0) {
                throw HttpException.badRequest("Invalid token: " + token);
            }
            return value;
        }
        catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid token: " + token);
        }
    }

    private static Duration parseMaxWait(String value)
    {
        try {
            Duration maxWait = Durations.parse(value);
            return maxWait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : maxWait;
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid maxWait: " + e.getMessage());
        }
    }

    private static long parseTargetResultSize(String value)
    {
        try {
            long bytes = DataSize.parse(value).bytes();
            return Math.max(1, Math.min(bytes, MAX_TARGET_RESULT_SIZE.bytes()));
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid targetResultSize: " + e.getMessage());
        }
    }

    private String newSlug()
    {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        StringBuilder slug = new StringBuilder("x");
        for (byte value : bytes) {
            slug.append(Character.forDigit((value >> 4) & 0xF, 16)).append(Character.forDigit(value & 0xF, 16));
        }
        return slug.toString();
    }

    private static HttpException shuttingDown()
    {
        return new HttpException(503, "Server is shutting down");
    }

    /** Fails every running query ({@code SERVER_SHUTTING_DOWN}) and stops the sweep. Idempotent. */
    @Override
    public void close()
    {
        tracker.close();
    }
}
