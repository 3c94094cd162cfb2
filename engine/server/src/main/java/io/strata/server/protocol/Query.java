package io.strata.server.protocol;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.strata.core.connector.system.RuntimeQueries;
import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.QueryStatistics;
import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.protocol.Column;
import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.QueryResults;
import io.strata.protocol.QueryState;
import io.strata.protocol.StatementStats;
import io.strata.server.http.HttpException;
import io.strata.server.http.HttpResponse;
import io.strata.server.http.JsonCodec;
import io.strata.server.query.QueryOrigin;
import io.strata.server.query.TrackedQuery;
import io.strata.spi.StrataException;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.Page;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.Type;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/**
 * One statement as its client follows it: the sequence of {@code QueryResults} responses, each at
 * {@code /v1/statement/{queued|executing}/{queryId}/{token}?slug=...}.
 * <p>
 * Token rules (Presto's): the POST's response is token 0 and points at {@code queued/1}; a GET of the
 * token just answered returns that response again, byte for byte (a client may retry); a GET of the next
 * token (at the path the last response named) computes the next response; any other token is 410 Gone, the
 * right token at the wrong path 404. Only one response is computed at a time: a repeated GET of the token
 * being computed joins that computation.
 * <p>
 * A response waits (up to {@code maxWait}, without holding a thread) until there is something to report:
 * the query left the queue, planning ended, a page is ready, or the query ended. Then it carries:
 * <ul>
 * <li>on {@code queued/}: the state only; once the query is dispatched it points at {@code executing/};
 * <li>on {@code executing/}, once planned: the columns (Presto's fake {@code result boolean} for a
 * statement without output, e.g. {@code SET SESSION}), {@code updateType} and the session update headers
 * on the first such response, then up to {@code targetResultSize} of output pages (at least one page) as
 * rows; the last response has no {@code nextUri}, the fake column's {@code [[true]]} and the update count;
 * <li>once failed: the error, and no {@code nextUri}.
 * </ul>
 * Engine calls and JSON rendering run on the protocol executor, never on an event loop.
 */
final class Query
        implements TrackedQuery
{
    /** The two paths of a statement's responses. */
    enum ResultsKind
    {
        QUEUED("queued"),
        EXECUTING("executing");

        private final String pathSegment;

        ResultsKind(String pathSegment)
        {
            this.pathSegment = pathSegment;
        }

        String pathSegment()
        {
            return pathSegment;
        }
    }

    private static final Set<QueryState> QUEUED_STATES = EnumSet.of(QueryState.QUEUED, QueryState.WAITING_FOR_PREREQUISITES, QueryState.DISPATCHING);
    private static final Column FAKE_RESULT_COLUMN_TEMPLATE = Column.of("result", "boolean", Dialect.PRESTO);

    private final String queryId;
    private final QueryOrigin origin;
    private final String slug;
    private final Dialect dialect;
    private final Optional<QueryExecution> execution;
    private final Optional<StrataException> creationFailure;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final JsonCodec json;
    private final LongSupplier nanoTime;
    private final long createNanos;
    private volatile long lastHeartbeatNanos;
    private volatile boolean finalResponseSent;

    @GuardedBy("this")
    private long lastToken;
    @GuardedBy("this")
    private Optional<ResultsKind> lastKind = Optional.empty();
    @GuardedBy("this")
    private HttpResponse lastResponse;
    @GuardedBy("this")
    private Optional<ResultsKind> nextKind = Optional.of(ResultsKind.QUEUED);
    @GuardedBy("this")
    private CompletableFuture<HttpResponse> pending;

    // the state of the results stream, touched by one response computation at a time
    private final Object resultsLock = new Object();
    @GuardedBy("resultsLock")
    private boolean started;
    @GuardedBy("resultsLock")
    private Page pendingPage;
    @GuardedBy("resultsLock")
    private List<Column> columns;
    @GuardedBy("resultsLock")
    private RowEncoder rowEncoder;
    @GuardedBy("resultsLock")
    private boolean fakeResultColumn;
    @GuardedBy("resultsLock")
    private boolean rowsCountColumn;
    @GuardedBy("resultsLock")
    private boolean columnsSent;
    @GuardedBy("resultsLock")
    private OptionalLong updateCount = OptionalLong.empty();

    private Query(
            String queryId,
            QueryOrigin origin,
            String slug,
            Dialect dialect,
            Optional<QueryExecution> execution,
            Optional<StrataException> creationFailure,
            Executor executor,
            ScheduledExecutorService scheduler,
            JsonCodec json,
            LongSupplier nanoTime)
    {
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.origin = requireNonNull(origin, "origin is null");
        this.slug = requireNonNull(slug, "slug is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.execution = requireNonNull(execution, "execution is null");
        this.creationFailure = requireNonNull(creationFailure, "creationFailure is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.json = requireNonNull(json, "json is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.createNanos = nanoTime.getAsLong();
        this.lastHeartbeatNanos = createNanos;
    }

    /** A query the engine created; nothing runs until its client's first GET. */
    static Query forExecution(QueryOrigin origin, String slug, Dialect dialect, QueryExecution execution, Executor executor, ScheduledExecutorService scheduler,
            JsonCodec json, LongSupplier nanoTime)
    {
        return new Query(execution.queryId(), origin, slug, dialect, Optional.of(execution), Optional.empty(), executor, scheduler, json, nanoTime);
    }

    /** A query that failed before the engine took it (too long, or rejected by {@code createQuery}). */
    static Query failed(String queryId, QueryOrigin origin, String slug, Dialect dialect, StrataException failure, Executor executor, ScheduledExecutorService scheduler,
            JsonCodec json, LongSupplier nanoTime)
    {
        return new Query(queryId, origin, slug, dialect, Optional.empty(), Optional.of(failure), executor, scheduler, json, nanoTime);
    }

    @Override
    public String queryId()
    {
        return queryId;
    }

    boolean hasSlug(String candidate)
    {
        return slug.equals(candidate);
    }

    void heartbeat()
    {
        lastHeartbeatNanos = nanoTime.getAsLong();
    }

    @Override
    public long lastHeartbeatNanos()
    {
        return lastHeartbeatNanos;
    }

    @Override
    public boolean isDone()
    {
        return execution.map(value -> value.state().isDone()).orElse(true);
    }

    @Override
    public boolean isFinalResponseSent()
    {
        return finalResponseSent;
    }

    @Override
    public void fail(StrataException cause)
    {
        execution.ifPresent(value -> value.fail(cause));
    }

    /** The query as {@code system.runtime.queries} shows it, now. */
    RuntimeQueries.QueryInfo runtimeInfo()
    {
        Optional<StrataException> failure = creationFailure.or(() -> execution.flatMap(QueryExecution::failure));
        QueryState state = execution.map(QueryExecution::state).orElse(QueryState.FAILED);
        Optional<Instant> started = Optional.empty();
        Optional<Instant> end = Optional.empty();
        if (execution.isPresent()) {
            QueryStatistics statistics = execution.get().statistics();
            if (state != QueryState.QUEUED) {
                started = Optional.of(origin.created().plusMillis(statistics.queuedTimeMillis()));
            }
            if (state.isDone()) {
                end = Optional.of(origin.created().plusMillis(statistics.elapsedTimeMillis()));
            }
        }
        else {
            end = Optional.of(origin.created());
        }
        return new RuntimeQueries.QueryInfo(
                queryId,
                state.name(),
                origin.user(),
                origin.source(),
                origin.sql(),
                origin.created(),
                started,
                end,
                failure.map(cause -> cause.errorCode().type().name()),
                failure.map(cause -> cause.errorCode().name()));
    }

    /** The query's tasks as {@code system.runtime.tasks} shows them, now: as its scheduler last saw them. */
    List<QueryScheduler.TaskSnapshot> tasks()
    {
        return execution.map(QueryExecution::tasks).orElse(List.of());
    }

    /** Cancels the query on the protocol executor (the engine may take a moment to free resources). */
    CompletableFuture<Void> cancel()
    {
        heartbeat();
        return CompletableFuture.runAsync(() -> execution.ifPresent(QueryExecution::cancel), executor);
    }

    /** The POST's response: the query id and where to ask next; the query is {@code QUEUED}. */
    HttpResponse initialResponse(URI baseUri)
    {
        StatementStats stats = execution
                .map(value -> ProtocolObjects.toStatementStats(value.statistics(), QueryState.QUEUED))
                .orElseGet(() -> ProtocolObjects.emptyStatementStats(QueryState.QUEUED, 0));
        QueryResults results = QueryResults.builder(queryId, infoUri(baseUri), stats)
                .nextUri(nextUri(baseUri, ResultsKind.QUEUED, 1))
                .build();
        return json.jsonResponse(200, results);
    }

    /**
     * The response for {@code token} at {@code kind}'s path, see the class description.
     *
     * @throws HttpException 410 for a token that is neither the last nor the next, 404 for the wrong path
     */
    synchronized CompletableFuture<HttpResponse> getResults(ResultsKind kind, long token, Duration maxWait, long targetResultBytes, URI baseUri)
    {
        heartbeat();
        if (lastKind.isPresent() && token == lastToken) {
            if (lastKind.get() != kind) {
                throw HttpException.notFound("Query not found");
            }
            return CompletableFuture.completedFuture(lastResponse);
        }
        if (nextKind.isPresent() && token == lastToken + 1) {
            if (nextKind.get() != kind) {
                throw HttpException.notFound("Query not found");
            }
            if (pending != null) {
                return pending;
            }
            CompletableFuture<HttpResponse> computation = computeResults(kind, token, maxWait, targetResultBytes, baseUri)
                    .handle((results, failure) -> record(kind, token, results, failure));
            pending = computation.isDone() ? null : computation;
            return computation;
        }
        throw new HttpException(410, "Token " + token + " of query " + queryId + " is gone" +
                (nextKind.isPresent() ? ": the next token is " + (lastToken + 1) : ": the query is over, its last token was " + lastToken));
    }

    private HttpResponse record(ResultsKind kind, long token, Results results, Throwable failure)
    {
        synchronized (this) {
            pending = null;
            if (failure == null) {
                lastToken = token;
                lastKind = Optional.of(kind);
                lastResponse = results.response();
                nextKind = results.nextKind();
                if (nextKind.isEmpty()) {
                    finalResponseSent = true;
                }
            }
        }
        if (failure != null) {
            // a failed computation is forgotten, so a retry of the same token computes again
            throw failure instanceof CompletionException completionException ? completionException : new CompletionException(failure);
        }
        return results.response();
    }

    private CompletableFuture<Results> computeResults(ResultsKind kind, long token, Duration maxWait, long targetResultBytes, URI baseUri)
    {
        return CompletableFuture.supplyAsync(() -> prepare(kind), executor)
                .thenCompose(changed -> changed.isPresent() ? waitFor(changed.get(), maxWait) : CompletableFuture.completedFuture(null))
                .thenApplyAsync(ignored -> build(kind, token, targetResultBytes, baseUri), executor);
    }

    /** Starts the query on its first GET; empty when there is something to report now, else the future to wait for. */
    private Optional<CompletableFuture<Void>> prepare(ResultsKind kind)
    {
        synchronized (resultsLock) {
            if (execution.isEmpty()) {
                return Optional.empty();
            }
            QueryExecution query = execution.get();
            if (!started) {
                started = true;
                try {
                    query.start();
                }
                catch (RuntimeException e) {
                    query.fail(asStrataException(e));
                }
            }
            CompletableFuture<Void> changed = query.whenChanged();
            return hasNews(kind, query) ? Optional.empty() : Optional.of(changed);
        }
    }

    @GuardedBy("resultsLock")
    private boolean hasNews(ResultsKind kind, QueryExecution query)
    {
        if (query.failure().isPresent() || query.state().isDone()) {
            return true;
        }
        if (kind == ResultsKind.QUEUED) {
            return !QUEUED_STATES.contains(query.state()) || query.isPlanned();
        }
        if (!query.isPlanned()) {
            return false;
        }
        if (!columnsSent) {
            return true;
        }
        if (pendingPage == null) {
            pendingPage = query.pollPage();
        }
        // output taken but the query not yet FINISHED: wait for the change rather than answer the same again
        return pendingPage != null;
    }

    // the futures registered here only complete another; nothing fails through them
    @SuppressWarnings("FutureReturnValueIgnored")
    private CompletableFuture<Void> waitFor(CompletableFuture<Void> changed, Duration maxWait)
    {
        if (maxWait.isZero() || changed.isDone()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        changed.whenComplete((ignored, failure) -> result.complete(null));
        try {
            ScheduledFuture<?> timeout = scheduler.schedule(() -> result.complete(null), maxWait.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((ignored, failure) -> timeout.cancel(false));
        }
        catch (RejectedExecutionException e) {
            // shutting down: answer now
            result.complete(null);
        }
        return result;
    }

    private Results build(ResultsKind kind, long token, long targetResultBytes, URI baseUri)
    {
        synchronized (resultsLock) {
            if (execution.isEmpty()) {
                StatementStats stats = ProtocolObjects.emptyStatementStats(QueryState.FAILED, elapsedMillis());
                return finalResults(QueryResults.builder(queryId, infoUri(baseUri), stats)
                        .error(ProtocolObjects.toQueryError(creationFailure.orElseThrow())));
            }
            QueryExecution query = execution.get();
            Optional<StrataException> failure = query.failure();
            if (failure.isPresent()) {
                return failedResults(query, failure.get(), baseUri);
            }
            if (kind == ResultsKind.QUEUED) {
                QueryState state = query.state();
                ResultsKind next = QUEUED_STATES.contains(state) && !query.isPlanned() ? ResultsKind.QUEUED : ResultsKind.EXECUTING;
                return nextResults(QueryResults.builder(queryId, infoUri(baseUri), ProtocolObjects.toStatementStats(query.statistics(), runningState(state))), baseUri, next, token, List.of());
            }
            if (!query.isPlanned()) {
                QueryState state = query.state();
                return nextResults(QueryResults.builder(queryId, infoUri(baseUri), ProtocolObjects.toStatementStats(query.statistics(), runningState(state))), baseUri, ResultsKind.EXECUTING, token, List.of());
            }

            prepareColumns(query);
            List<Map.Entry<String, String>> headers = columnsSent ? List.of() : SessionHeaders.responseHeaders(query.sessionUpdates(), dialect);
            columnsSent = true;
            List<List<Object>> rows = pollRows(query, targetResultBytes);
            if (updateCount.isEmpty()) {
                updateCount = query.updateCount();
            }
            if (updateCount.isEmpty() && rowsCountColumn && !rows.isEmpty() && rows.get(0).get(0) instanceof Long count) {
                updateCount = OptionalLong.of(count);
            }
            boolean finished = pendingPage == null && query.isOutputFinished() && query.state() == QueryState.FINISHED;
            if (finished && fakeResultColumn) {
                rows.add(List.of(true));
            }
            QueryState state = finished ? QueryState.FINISHED : runningState(query.state());
            QueryResults.Builder results = QueryResults.builder(queryId, infoUri(baseUri), ProtocolObjects.toStatementStats(query.statistics(), state))
                    .columns(columns)
                    .data(rows)
                    .updateType(query.updateType())
                    .updateCount(updateCount);
            if (finished) {
                return new Results(withHeaders(json.jsonResponse(200, results.build()), headers), Optional.empty());
            }
            return nextResults(results, baseUri, ResultsKind.EXECUTING, token, headers);
        }
    }

    @GuardedBy("resultsLock")
    private void prepareColumns(QueryExecution query)
    {
        if (columns != null) {
            return;
        }
        List<OutputColumn> output = query.columns().orElse(List.of());
        if (output.isEmpty()) {
            fakeResultColumn = true;
            columns = List.of(FAKE_RESULT_COLUMN_TEMPLATE.withDialect(dialect));
            return;
        }
        List<Column> converted = new ArrayList<>(output.size());
        List<Type> types = new ArrayList<>(output.size());
        for (OutputColumn column : output) {
            converted.add(ProtocolObjects.toColumn(column.name(), column.type(), dialect));
            types.add(column.type());
        }
        columns = List.copyOf(converted);
        rowEncoder = RowEncoder.create(types);
        rowsCountColumn = query.updateType().isPresent() && output.size() == 1 && output.get(0).type() instanceof BigintType;
    }

    /** Output pages up to {@code targetResultBytes} (at least one, if one is ready), as rows. */
    @GuardedBy("resultsLock")
    private List<List<Object>> pollRows(QueryExecution query, long targetResultBytes)
    {
        List<List<Object>> rows = new ArrayList<>();
        long bytes = 0;
        while (bytes < targetResultBytes) {
            Page page = pendingPage != null ? pendingPage : query.pollPage();
            pendingPage = null;
            if (page == null) {
                break;
            }
            bytes += Math.max(1, page.sizeInBytes());
            if (rowEncoder != null) {
                rowEncoder.appendRows(page, rows);
            }
            else if (rowsCountOf(page).isPresent() && updateCount.isEmpty()) {
                updateCount = rowsCountOf(page);
            }
        }
        return rows;
    }

    // a statement without declared output may still hand over its row count as a one-bigint page
    private static OptionalLong rowsCountOf(Page page)
    {
        if (page.channelCount() == 1 && page.positionCount() == 1 && page.getBlock(0) instanceof LongArrayBlock counts && !counts.isNull(0)) {
            return OptionalLong.of(counts.getLong(0));
        }
        return OptionalLong.empty();
    }

    @GuardedBy("resultsLock")
    private Results failedResults(QueryExecution query, StrataException failure, URI baseUri)
    {
        QueryResults.Builder results = QueryResults.builder(queryId, infoUri(baseUri), ProtocolObjects.toStatementStats(query.statistics(), QueryState.FAILED))
                .error(ProtocolObjects.toQueryError(failure));
        if (columnsSent) {
            results.columns(columns);
        }
        return finalResults(results);
    }

    private Results finalResults(QueryResults.Builder results)
    {
        return new Results(json.jsonResponse(200, results.build()), Optional.empty());
    }

    private Results nextResults(QueryResults.Builder results, URI baseUri, ResultsKind next, long token, List<Map.Entry<String, String>> headers)
    {
        results.nextUri(nextUri(baseUri, next, token + 1));
        return new Results(withHeaders(json.jsonResponse(200, results.build()), headers), Optional.of(next));
    }

    private static HttpResponse withHeaders(HttpResponse response, List<Map.Entry<String, String>> headers)
    {
        HttpResponse result = response;
        for (Map.Entry<String, String> header : headers) {
            result = result.withHeader(header.getKey(), header.getValue());
        }
        return result;
    }

    // a response with a nextUri does not claim the query is over
    private static QueryState runningState(QueryState state)
    {
        return state == QueryState.FINISHED ? QueryState.FINISHING : state;
    }

    private long elapsedMillis()
    {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - createNanos);
    }

    private URI infoUri(URI baseUri)
    {
        return URI.create(baseUri + "/ui/query.html?" + queryId);
    }

    private URI nextUri(URI baseUri, ResultsKind kind, long token)
    {
        return URI.create(baseUri + "/v1/statement/" + kind.pathSegment() + "/" + queryId + "/" + token + "?slug=" + slug);
    }

    static StrataException asStrataException(Throwable failure)
    {
        if (failure instanceof StrataException strataException) {
            return strataException;
        }
        return new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage(), failure);
    }

    @Override
    public String toString()
    {
        return "Query{" + queryId + "}";
    }

    /** A computed response and the path of the next one, empty once the statement is over. */
    private record Results(HttpResponse response, Optional<ResultsKind> nextKind)
    {
        private Results
        {
            requireNonNull(response, "response is null");
            requireNonNull(nextKind, "nextKind is null");
        }
    }
}
