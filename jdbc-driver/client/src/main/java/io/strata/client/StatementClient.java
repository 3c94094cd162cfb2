package io.strata.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import io.strata.protocol.Column;
import io.strata.protocol.ProtocolHeaders;
import io.strata.protocol.QueryError;
import io.strata.protocol.QueryResults;
import io.strata.protocol.StatementStats;
import io.strata.protocol.Warning;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * Runs one statement: {@link #execute} POSTs it to {@code /v1/statement} with the session in headers, then
 * {@link #advance()} follows {@code nextUri} one response at a time until the server sends none.
 * <pre>
 * try (StatementClient client = StatementClient.execute(httpClient, session, sql)) {
 *     do {
 *         consume(client.columns(), client.currentRows());
 *     } while (client.advance());
 *     client.throwIfFailed();
 *     session = session.withUpdates(client.sessionUpdates());
 * }
 * </pre>
 * Retries: a GET of {@code nextUri} is idempotent (the server answers a repeated token with the same
 * response), so it is retried after an I/O error or a 502, 503 or 504, waiting {@code attempts × 100 ms}
 * between attempts, until the session's request timeout has passed since the first attempt. The POST is
 * never retried here: the statement may have started; the driver decides about failover.
 * <p>
 * One thread reads ({@link #advance()}); any thread may {@link #cancel()} or {@link #close()}, which also
 * interrupts a request in flight.
 */
public final class StatementClient
        implements Closeable
{
    private static final MediaType TEXT_UTF_8 = MediaType.get("text/plain; charset=utf-8");
    private static final ObjectMapper MAPPER = ProtocolJson.createObjectMapper();
    static final String USER_AGENT = "strata-client/" + Optional.ofNullable(StatementClient.class.getPackage().getImplementationVersion()).orElse("dev");
    private static final int SNIPPET_LENGTH = 500;
    private static final long RETRY_STEP_MILLIS = 100;

    private enum State
    {
        /** The server has more to say: the current response has a {@code nextUri}. */
        RUNNING,
        /** The server sent its last response; it may carry an error. */
        FINISHED,
        /** The caller canceled or closed the statement before the server finished it. */
        CANCELED,
        /** Following the statement failed on this side; the failure was thrown. */
        CLIENT_ERROR,
    }

    private final OkHttpClient httpClient;
    private final ClientSession session;
    private final ProtocolHeaders headers;
    private final String query;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final AtomicReference<Call> callInFlight = new AtomicReference<>();
    private volatile QueryResults currentResults;
    private volatile Optional<List<Column>> columns = Optional.empty();
    private volatile Optional<String> updateType = Optional.empty();
    private volatile OptionalLong updateCount = OptionalLong.empty();

    private final Object updatesLock = new Object();
    @GuardedBy("updatesLock")
    private final SessionUpdates.Builder sessionUpdates = SessionUpdates.builder();

    private StatementClient(OkHttpClient httpClient, ClientSession session, String query)
    {
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
        this.session = requireNonNull(session, "session is null");
        this.query = requireNonNull(query, "query is null");
        this.headers = session.dialect().headers();
    }

    /**
     * Submits {@code query} and returns the client positioned on the first response.
     *
     * @throws ClientConnectionException if the coordinator cannot be reached
     * @throws ClientProtocolException if it answers with anything but 200 and a QueryResults body
     */
    public static StatementClient execute(OkHttpClient httpClient, ClientSession session, String query)
    {
        StatementClient client = new StatementClient(httpClient, session, query);
        client.submit();
        return client;
    }

    private void submit()
    {
        HttpUrl url = HttpUrl.get(session.server()).newBuilder().encodedPath("/v1/statement").build();
        Request.Builder request = baseRequest(url).post(RequestBody.create(query, TEXT_UTF_8));
        addSessionHeaders(request);

        Call call = httpClient.newCall(request.build());
        call.timeout().timeout(session.requestTimeout().toNanos(), NANOSECONDS);
        QueryResults results;
        try (Response response = call.execute()) {
            if (response.code() != 200) {
                throw unexpectedStatus("POST", url.uri(), response);
            }
            results = parse("POST", url.uri(), response);
            collectSessionUpdates(response.headers());
        }
        catch (IOException e) {
            throw new ClientConnectionException("Error submitting statement to " + url + ": " + e.getMessage(), e);
        }
        accept(results);
    }

    /**
     * Fetches the next response, retrying as the class describes.
     *
     * @return true if a new response is current; false, without a request, once the server has sent its
     *         last response or the statement was canceled or closed (also when that happens during this call)
     * @throws ClientConnectionException if the server stays unreachable until the request timeout
     * @throws ClientProtocolException if it answers out of protocol, or 502/503/504 until the request timeout
     */
    public boolean advance()
    {
        if (state.get() != State.RUNNING) {
            return false;
        }
        Optional<URI> nextUri = currentResults.nextUri();
        if (nextUri.isEmpty()) {
            state.compareAndSet(State.RUNNING, State.FINISHED);
            return false;
        }
        QueryResults results;
        try {
            results = fetch(nextUri.get());
        }
        catch (ClientException e) {
            if (state.get() == State.CANCELED) {
                return false;
            }
            state.compareAndSet(State.RUNNING, State.CLIENT_ERROR);
            throw e;
        }
        if (state.get() == State.CANCELED) {
            return false;
        }
        accept(results);
        return true;
    }

    private void accept(QueryResults results)
    {
        currentResults = results;
        if (results.columns().isPresent()) {
            columns = results.columns();
        }
        if (results.updateType().isPresent()) {
            updateType = results.updateType();
        }
        if (results.updateCount().isPresent()) {
            updateCount = results.updateCount();
        }
        if (results.nextUri().isEmpty()) {
            state.compareAndSet(State.RUNNING, State.FINISHED);
        }
    }

    private QueryResults fetch(URI uri)
    {
        long start = System.nanoTime();
        long timeoutNanos = session.requestTimeout().toNanos();
        int attempts = 0;
        ClientException lastFailure = null;
        while (true) {
            if (attempts > 0) {
                long backoffNanos = MILLISECONDS.toNanos(attempts * RETRY_STEP_MILLIS);
                long elapsedNanos = System.nanoTime() - start;
                if (elapsedNanos + backoffNanos >= timeoutNanos) {
                    throw gaveUp(lastFailure, uri, attempts, elapsedNanos);
                }
                sleep(backoffNanos);
            }
            if (state.get() != State.RUNNING) {
                throw new ClientConnectionException("Statement was canceled", null);
            }
            attempts++;

            Call call = httpClient.newCall(baseRequest(HttpUrl.get(uri)).get().build());
            call.timeout().timeout(Math.max(1, timeoutNanos - (System.nanoTime() - start)), NANOSECONDS);
            callInFlight.set(call);
            // cancel() may have run between the state check and publishing the call
            if (state.get() != State.RUNNING) {
                call.cancel();
            }
            try (Response response = call.execute()) {
                if (response.code() == 200) {
                    QueryResults results = parse("GET", uri, response);
                    collectSessionUpdates(response.headers());
                    return results;
                }
                if (isRetriable(response.code())) {
                    lastFailure = unexpectedStatus("GET", uri, response);
                    continue;
                }
                throw unexpectedStatus("GET", uri, response);
            }
            catch (IOException e) {
                lastFailure = new ClientConnectionException("Error fetching " + uri + ": " + e.getMessage(), e);
            }
            finally {
                callInFlight.compareAndSet(call, null);
            }
        }
    }

    private static boolean isRetriable(int status)
    {
        // 503 is Presto's "busy, come back"; 502 and 504 come from load balancers and gateways
        return status == 502 || status == 503 || status == 504;
    }

    private static ClientException gaveUp(ClientException lastFailure, URI uri, int attempts, long elapsedNanos)
    {
        String message = "Gave up fetching " + uri + " after " + attempts + " attempts in " + NANOSECONDS.toMillis(elapsedNanos) + " ms: " + lastFailure.getMessage();
        if (lastFailure instanceof ClientProtocolException) {
            ClientProtocolException protocolFailure = (ClientProtocolException) lastFailure;
            return new ClientProtocolException(message, protocolFailure.httpStatus(), protocolFailure.bodySnippet(), lastFailure);
        }
        return new ClientConnectionException(message, lastFailure);
    }

    private static void sleep(long nanos)
    {
        try {
            NANOSECONDS.sleep(nanos);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientConnectionException("Interrupted while waiting to retry", e);
        }
    }

    /**
     * Cancels the statement: sends DELETE to the current {@code nextUri}, which the server acknowledges with
     * 204, and interrupts a request in flight. Later calls to {@link #advance()} return false.
     *
     * @return false if there was nothing to cancel: the server had finished, or the statement was already
     *         canceled or failed on this side
     * @throws ClientConnectionException if the DELETE cannot be sent
     * @throws ClientProtocolException if the server answers it with an unexpected status
     */
    public boolean cancel()
    {
        QueryResults results = currentResults;
        if (results == null || results.nextUri().isEmpty() || !state.compareAndSet(State.RUNNING, State.CANCELED)) {
            return false;
        }
        Call inFlight = callInFlight.getAndSet(null);
        if (inFlight != null) {
            inFlight.cancel();
        }
        URI uri = results.nextUri().get();
        Call call = httpClient.newCall(baseRequest(HttpUrl.get(uri)).delete().build());
        call.timeout().timeout(session.requestTimeout().toNanos(), NANOSECONDS);
        try (Response response = call.execute()) {
            // 404 and 410: the server has forgotten the query, which is what canceling asks for
            if (response.code() != 204 && response.code() != 200 && response.code() != 404 && response.code() != 410) {
                throw unexpectedStatus("DELETE", uri, response);
            }
            return true;
        }
        catch (IOException e) {
            throw new ClientConnectionException("Error canceling statement at " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Cancels the statement if the server has not finished it; failures to cancel are ignored. */
    @Override
    public void close()
    {
        try {
            cancel();
        }
        catch (ClientException ignored) {
            // best effort: the server abandons a query whose client stops polling
        }
    }

    /** Throws the server's error if the statement failed. */
    public void throwIfFailed()
    {
        Optional<QueryError> error = error();
        if (error.isPresent()) {
            throw new QueryFailedException(currentResults.id(), error.get());
        }
    }

    private Request.Builder baseRequest(HttpUrl url)
    {
        return new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header(headers.requestUser(), session.user());
    }

    private void addSessionHeaders(Request.Builder request)
    {
        request.header(headers.requestSource(), session.source());
        session.catalog().ifPresent(catalog -> request.header(headers.requestCatalog(), catalog));
        session.schema().ifPresent(schema -> request.header(headers.requestSchema(), schema));
        request.header(headers.requestTimeZone(), session.timeZone().getId());
        request.header(headers.requestLanguage(), session.locale().toLanguageTag());
        session.traceToken().ifPresent(token -> request.header(headers.requestTraceToken(), token));
        session.clientInfo().ifPresent(info -> request.header(headers.requestClientInfo(), info));
        if (!session.clientTags().isEmpty()) {
            request.header(headers.requestClientTags(), String.join(",", session.clientTags()));
        }
        for (Map.Entry<String, String> property : session.properties().entrySet()) {
            request.addHeader(headers.requestSession(), property.getKey() + "=" + urlEncode(property.getValue()));
        }
        for (Map.Entry<String, String> statement : session.preparedStatements().entrySet()) {
            request.addHeader(headers.requestPreparedStatement(), urlEncode(statement.getKey()) + "=" + urlEncode(statement.getValue()));
        }
        request.header(headers.requestTransactionId(), session.transactionId().orElse("NONE"));
    }

    private void collectSessionUpdates(Headers responseHeaders)
    {
        synchronized (updatesLock) {
            String catalog = responseHeaders.get(headers.responseSetCatalog());
            if (catalog != null) {
                sessionUpdates.setCatalog(catalog);
            }
            String schema = responseHeaders.get(headers.responseSetSchema());
            if (schema != null) {
                sessionUpdates.setSchema(schema);
            }
            for (String setSession : responseHeaders.values(headers.responseSetSession())) {
                String[] nameAndValue = splitAssignment(headers.responseSetSession(), setSession);
                sessionUpdates.setSessionProperty(nameAndValue[0], urlDecode(nameAndValue[1]));
            }
            for (String clearSession : responseHeaders.values(headers.responseClearSession())) {
                sessionUpdates.resetSessionProperty(clearSession);
            }
            for (String addedPrepare : responseHeaders.values(headers.responseAddedPrepare())) {
                String[] nameAndSql = splitAssignment(headers.responseAddedPrepare(), addedPrepare);
                sessionUpdates.addPreparedStatement(urlDecode(nameAndSql[0]), urlDecode(nameAndSql[1]));
            }
            for (String deallocated : responseHeaders.values(headers.responseDeallocatedPrepare())) {
                sessionUpdates.deallocatePreparedStatement(urlDecode(deallocated));
            }
            String startedTransactionId = responseHeaders.get(headers.responseStartedTransactionId());
            if (startedTransactionId != null) {
                sessionUpdates.startedTransactionId(startedTransactionId);
            }
            if (responseHeaders.get(headers.responseClearTransactionId()) != null) {
                sessionUpdates.clearTransactionId();
            }
        }
    }

    private static String[] splitAssignment(String header, String value)
    {
        int equals = value.indexOf('=');
        if (equals <= 0) {
            throw new ClientProtocolException("Malformed " + header + " header, expected name=value: " + value, OptionalInt.empty(), "");
        }
        return new String[] {value.substring(0, equals).trim(), value.substring(equals + 1).trim()};
    }

    private static QueryResults parse(String method, URI uri, Response response)
            throws IOException
    {
        ResponseBody body = response.body();
        // read it all first, so that a parse failure can show what the server sent
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        try {
            return MAPPER.readValue(bytes, QueryResults.class);
        }
        catch (JsonProcessingException e) {
            String contentType = response.header("Content-Type", "no content type");
            throw new ClientProtocolException(
                    "Invalid response to " + method + " " + uri + " (" + contentType + "): " + e.getOriginalMessage(),
                    OptionalInt.of(response.code()),
                    snippet(new String(bytes, UTF_8)),
                    e);
        }
    }

    private static ClientProtocolException unexpectedStatus(String method, URI uri, Response response)
    {
        String snippet;
        try {
            snippet = snippet(response.peekBody(SNIPPET_LENGTH * 4L).string());
        }
        catch (IOException e) {
            snippet = "";
        }
        String problem;
        switch (response.code()) {
            case 401:
                problem = "Authentication failed";
                break;
            case 404:
            case 410:
                problem = "Query not found or gone";
                break;
            case 429:
                problem = "Request throttled";
                break;
            default:
                problem = "Unexpected response status";
        }
        String message = problem + ": " + method + " " + uri + " returned " + response.code() + (snippet.isEmpty() ? "" : ": " + snippet);
        return new ClientProtocolException(message, OptionalInt.of(response.code()), snippet);
    }

    private static String snippet(String body)
    {
        String trimmed = body.strip();
        return trimmed.length() <= SNIPPET_LENGTH ? trimmed : trimmed.substring(0, SNIPPET_LENGTH) + "...";
    }

    private static String urlEncode(String value)
    {
        return URLEncoder.encode(value, UTF_8);
    }

    private static String urlDecode(String value)
    {
        try {
            return URLDecoder.decode(value, UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw new ClientProtocolException("Malformed URL-encoded header value: " + value, OptionalInt.empty(), "", e);
        }
    }

    public ClientSession session()
    {
        return session;
    }

    public String query()
    {
        return query;
    }

    public String queryId()
    {
        return currentResults.id();
    }

    /** The latest response. */
    public QueryResults currentResults()
    {
        return currentResults;
    }

    /** The result columns, once a response has carried them; later responses may omit them. */
    public Optional<List<Column>> columns()
    {
        return columns;
    }

    /** The rows of the latest response, values as JSON decoded them; often none. */
    public List<List<Object>> currentRows()
    {
        return currentResults.data();
    }

    public StatementStats stats()
    {
        return currentResults.stats();
    }

    public List<Warning> warnings()
    {
        return currentResults.warnings();
    }

    public Optional<QueryError> error()
    {
        return currentResults.error();
    }

    /** The update type, once a response has carried it, e.g. {@code INSERT}; absent for queries. */
    public Optional<String> updateType()
    {
        return updateType;
    }

    public OptionalLong updateCount()
    {
        return updateCount;
    }

    /** Whether the server may still send responses: neither finished, canceled nor failed on this side. */
    public boolean isRunning()
    {
        return state.get() == State.RUNNING;
    }

    /** Whether the server sent its last response; {@link #error()} says if the statement failed. */
    public boolean isFinished()
    {
        return state.get() == State.FINISHED;
    }

    public boolean isCanceled()
    {
        return state.get() == State.CANCELED;
    }

    /** The session changes announced so far; complete once the statement is finished. */
    public SessionUpdates sessionUpdates()
    {
        synchronized (updatesLock) {
            return sessionUpdates.build();
        }
    }

    @Override
    public String toString()
    {
        QueryResults results = currentResults;
        return "StatementClient{" + (results == null ? "not submitted" : results.id()) + ", " + state.get() + "}";
    }
}
