package io.strata.core.execution.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airlift.slice.Slices;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.InternalHeaders;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.strata.protocol.ErrorCode.PAGE_TRANSPORT_ERROR;
import static io.strata.protocol.ErrorCode.PAGE_TRANSPORT_TIMEOUT;
import static io.strata.protocol.ErrorCode.REMOTE_TASK_ERROR;
import static io.strata.protocol.ErrorCode.REMOTE_TASK_MISMATCH;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Pulls pages from the result buffers of many upstream tasks at once (the protocol of docs/architecture.md,
 * "Exchange client") and hands them to one consumer through a bounded buffer.
 * <p>
 * Per upstream location there is at most one GET in flight; the next GET asks for the end token of the last
 * answer, which acknowledges the pages before it. No GET is sent while the buffered pages exceed
 * {@link ExchangeClientConfig#maxBufferedBytes()}: the consumer's {@link #pollPage()} makes room and sends the
 * next requests. A transient failure (I/O error, 502, 503, 504) repeats the GET of the same token (the upstream
 * answers a repeated token with the same pages, so nothing is lost or duplicated) with a doubling backoff until
 * the upstream has failed for {@link ExchangeClientConfig#maxErrorDuration()}. A 404 (task gone), a 500 (task
 * failed) or a changed task instance id fails the client at once.
 * <p>
 * Thread-safe. All state is guarded by this object's monitor; OkHttp callbacks run on its dispatcher threads and
 * only take the monitor briefly. Futures are completed and calls are sent outside the monitor.
 */
public final class HttpExchangeClient
        implements AutoCloseable
{
    private static final ObjectMapper ERROR_MAPPER = new ObjectMapper();
    private static final int MAX_BACKOFF_DOUBLINGS = 20;
    private static final int MAX_ERROR_BODY_CHARS = 1000;

    private final OkHttpClient httpClient;
    // a PagesSerde reuses its buffers, so each dispatcher thread decodes with its own
    private final ThreadLocal<PagesSerde> serdes;
    private final ExchangeClientConfig config;
    private final ScheduledExecutorService retryScheduler;

    // guarded by this
    private final Map<URI, Upstream> upstreams = new LinkedHashMap<>();
    private final ArrayDeque<Page> buffer = new ArrayDeque<>();
    private long bufferedBytes;
    private long pagesReceived;
    private boolean noMoreLocations;
    private boolean closed;
    private StrataException failure;
    private List<CompletableFuture<Void>> blockedFutures = new ArrayList<>();

    /**
     * @param httpClient shared client; its dispatcher should allow as many requests per host as there are
     * upstreams on one node, or long polls wait for each other
     * @param serdeFactory makes the page decoder of each thread that receives responses
     * @param retryScheduler runs the retries after their backoff (shared; never blocked by this client)
     */
    public HttpExchangeClient(OkHttpClient httpClient, Supplier<PagesSerde> serdeFactory, ExchangeClientConfig config, ScheduledExecutorService retryScheduler)
    {
        requireNonNull(httpClient, "httpClient is null");
        this.config = requireNonNull(config, "config is null");
        requireNonNull(serdeFactory, "serdeFactory is null");
        this.serdes = ThreadLocal.withInitial(serdeFactory);
        this.retryScheduler = requireNonNull(retryScheduler, "retryScheduler is null");
        // a long poll holds the response for up to maxWait: the read timeout must not cut it
        Duration readTimeout = config.maxWait().plusSeconds(10);
        this.httpClient = httpClient.readTimeoutMillis() != 0 && httpClient.readTimeoutMillis() < readTimeout.toMillis()
                ? httpClient.newBuilder().readTimeout(readTimeout).build()
                : httpClient;
    }

    /** Adds an upstream result buffer, {@code http://host:port/v1/task/{taskId}/results/{bufferId}}; a repeated one is ignored. */
    public void addLocation(URI location)
    {
        requireNonNull(location, "location is null");
        URI normalized = URI.create(location.toString().replaceAll("/+$", ""));
        synchronized (this) {
            if (noMoreLocations) {
                throw new IllegalStateException("noMoreLocations() was called before adding " + location);
            }
            if (closed || upstreams.containsKey(normalized)) {
                return;
            }
            upstreams.put(normalized, new Upstream(normalized));
        }
        sendRequests();
    }

    public void noMoreLocations()
    {
        List<CompletableFuture<Void>> toComplete;
        synchronized (this) {
            noMoreLocations = true;
            toComplete = isFinishedLocked() ? takeBlockedFutures() : List.of();
        }
        toComplete.forEach(future -> future.complete(null));
    }

    /** The next page, or null when none is buffered; throws the failure of the exchange. */
    public Page pollPage()
    {
        Page page;
        synchronized (this) {
            throwIfFailed();
            if (closed) {
                return null;
            }
            page = buffer.poll();
            if (page == null) {
                return null;
            }
            bufferedBytes -= page.sizeInBytes();
        }
        // the buffer has room again: resume the upstreams held back
        sendRequests();
        return page;
    }

    /** Completes when a page is buffered, the exchange is finished, failed, or closed. */
    public synchronized CompletableFuture<Void> isBlocked()
    {
        if (failure != null || closed || !buffer.isEmpty() || isFinishedLocked()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        blockedFutures.add(future);
        return future;
    }

    /** Whether every upstream is complete and every page consumed; throws the failure of the exchange. */
    public synchronized boolean isFinished()
    {
        throwIfFailed();
        return isFinishedLocked();
    }

    /** The bytes of the pages received and not yet taken: what the query's memory is charged for the exchange. */
    public synchronized long bufferedBytes()
    {
        return bufferedBytes;
    }

    public synchronized ExchangeClientStatus status()
    {
        List<ExchangeClientStatus.LocationStatus> locations = new ArrayList<>();
        for (Upstream upstream : upstreams.values()) {
            locations.add(new ExchangeClientStatus.LocationStatus(
                    upstream.uri, upstream.token, upstream.pagesReceived, upstream.bytesReceived, upstream.requests, upstream.retries, upstream.complete));
        }
        return new ExchangeClientStatus(bufferedBytes, buffer.size(), pagesReceived, noMoreLocations, locations);
    }

    /** Cancels the requests in flight, drops the buffered pages and tells every upstream it is no longer needed. */
    @Override
    public void close()
    {
        List<Call> toCancel = new ArrayList<>();
        List<Upstream> toDelete = new ArrayList<>();
        List<CompletableFuture<Void>> toComplete;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Upstream upstream : upstreams.values()) {
                if (upstream.call != null) {
                    toCancel.add(upstream.call);
                    upstream.call = null;
                }
                if (!upstream.deleteSent) {
                    upstream.deleteSent = true;
                    toDelete.add(upstream);
                }
            }
            buffer.clear();
            bufferedBytes = 0;
            toComplete = takeBlockedFutures();
        }
        toCancel.forEach(Call::cancel);
        toDelete.forEach(this::sendDelete);
        toComplete.forEach(future -> future.complete(null));
    }

    private void sendRequests()
    {
        List<Call> calls = new ArrayList<>();
        List<Callback> callbacks = new ArrayList<>();
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
            for (Upstream upstream : upstreams.values()) {
                if (bufferedBytes >= config.maxBufferedBytes()) {
                    break;
                }
                if (upstream.complete || upstream.call != null || upstream.waitingForRetry) {
                    continue;
                }
                long maxSize = Math.max(1, Math.min(config.maxResponseBytes(), config.maxBufferedBytes() - bufferedBytes));
                Request request = new Request.Builder()
                        .url(upstream.uri + "/" + upstream.token)
                        .header(InternalHeaders.MAX_SIZE, maxSize + "B")
                        .header(InternalHeaders.MAX_WAIT, config.maxWait().toMillis() + "ms")
                        .get()
                        .build();
                Call call = httpClient.newCall(request);
                upstream.call = call;
                upstream.requests++;
                calls.add(call);
                callbacks.add(new ResultsCallback(upstream, upstream.token));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            calls.get(i).enqueue(callbacks.get(i));
        }
    }

    private void onPages(Upstream upstream, long requestedToken, String instanceId, long pageToken, long endToken, boolean complete, List<Page> pages, long bodyBytes)
    {
        boolean sendDelete = false;
        List<CompletableFuture<Void>> toComplete = List.of();
        synchronized (this) {
            if (closed || failure != null || upstream.token != requestedToken) {
                return;
            }
            upstream.call = null;
            if (upstream.instanceId != null && !upstream.instanceId.equals(instanceId)) {
                failLater(new StrataException(REMOTE_TASK_MISMATCH, String.format(
                        "Upstream task on node %s restarted (task instance id changed from %s to %s): %s",
                        node(upstream.uri), upstream.instanceId, instanceId, upstream.uri)));
                return;
            }
            if (pageToken != requestedToken) {
                failLater(new StrataException(PAGE_TRANSPORT_ERROR, String.format(
                        "Upstream on node %s answered token %s for a request of token %s: %s",
                        node(upstream.uri), pageToken, requestedToken, upstream.uri)));
                return;
            }
            upstream.instanceId = instanceId;
            upstream.errorStartNanos = -1;
            upstream.token = endToken;
            upstream.pagesReceived += pages.size();
            upstream.bytesReceived += bodyBytes;
            for (Page page : pages) {
                buffer.add(page);
                bufferedBytes += page.sizeInBytes();
            }
            pagesReceived += pages.size();
            if (complete) {
                upstream.complete = true;
                sendDelete = !upstream.deleteSent;
                upstream.deleteSent = true;
            }
            if (!buffer.isEmpty() || isFinishedLocked()) {
                toComplete = takeBlockedFutures();
            }
        }
        if (sendDelete) {
            sendDelete(upstream);
        }
        toComplete.forEach(future -> future.complete(null));
        sendRequests();
    }

    private void onTransientFailure(Upstream upstream, long requestedToken, String reason)
    {
        long delayNanos;
        synchronized (this) {
            if (closed || failure != null || upstream.token != requestedToken) {
                return;
            }
            upstream.call = null;
            long now = System.nanoTime();
            if (upstream.errorStartNanos < 0) {
                upstream.errorStartNanos = now;
            }
            long failingNanos = now - upstream.errorStartNanos;
            long allowedNanos = config.maxErrorDuration().toNanos();
            if (failingNanos >= allowedNanos) {
                failLater(new StrataException(PAGE_TRANSPORT_TIMEOUT, String.format(
                        "Upstream on node %s failed for %s ms, longer than the %s ms allowed (%s): %s",
                        node(upstream.uri), TimeUnit.NANOSECONDS.toMillis(failingNanos), config.maxErrorDuration().toMillis(), reason, upstream.uri)));
                return;
            }
            upstream.retries++;
            upstream.waitingForRetry = true;
            long backoff = config.minBackoff().toNanos() << Math.min(upstream.retries - 1, MAX_BACKOFF_DOUBLINGS);
            // the last retry comes right when the allowed error duration ends, so the failure is never late
            delayNanos = Math.min(Math.min(backoff, config.maxBackoff().toNanos()), allowedNanos - failingNanos);
        }
        try {
            retryScheduler.schedule(() -> {
                synchronized (this) {
                    upstream.waitingForRetry = false;
                }
                sendRequests();
            }, delayNanos, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException e) {
            fail(new StrataException(PAGE_TRANSPORT_ERROR, "Cannot retry the request to node " + node(upstream.uri) + ", the scheduler is shut down: " + upstream.uri, e));
        }
    }

    private void fail(StrataException exception)
    {
        synchronized (this) {
            if (closed || failure != null) {
                return;
            }
            failLater(exception);
        }
    }

    /** Records the failure under the monitor, then cancels the calls and wakes the consumer on another thread. */
    private void failLater(StrataException exception)
    {
        if (failure != null || closed) {
            return;
        }
        failure = exception;
        List<Call> toCancel = new ArrayList<>();
        for (Upstream upstream : upstreams.values()) {
            if (upstream.call != null) {
                toCancel.add(upstream.call);
                upstream.call = null;
            }
        }
        List<CompletableFuture<Void>> toComplete = takeBlockedFutures();
        // neither cancelling nor completing may run under the monitor: completions run the consumer's callbacks
        CompletableFuture.runAsync(() -> {
            toCancel.forEach(Call::cancel);
            toComplete.forEach(future -> future.complete(null));
        }, command -> {
            try {
                retryScheduler.execute(command);
            }
            catch (RejectedExecutionException e) {
                new Thread(command, "exchange-client-failure").start();
            }
        });
    }

    private void sendDelete(Upstream upstream)
    {
        Request request = new Request.Builder().url(upstream.uri.toString()).delete().build();
        httpClient.newCall(request).enqueue(new Callback()
        {
            @Override
            public void onFailure(Call call, IOException e)
            {
                // best effort: an upstream whose consumer vanished drops its buffer when its task ends
            }

            @Override
            public void onResponse(Call call, Response response)
            {
                response.close();
            }
        });
    }

    // guarded by this
    private boolean isFinishedLocked()
    {
        if (closed) {
            return true;
        }
        if (!noMoreLocations || !buffer.isEmpty()) {
            return false;
        }
        return upstreams.values().stream().allMatch(upstream -> upstream.complete);
    }

    // guarded by this
    private List<CompletableFuture<Void>> takeBlockedFutures()
    {
        List<CompletableFuture<Void>> futures = blockedFutures;
        blockedFutures = new ArrayList<>();
        return futures;
    }

    // guarded by this
    private void throwIfFailed()
    {
        if (failure != null) {
            throw failure;
        }
    }

    private static String node(URI uri)
    {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static StrataException remoteFailure(Upstream upstream, int status, String body)
    {
        String what = status == 404 ? "Upstream task not found on node " : "Upstream task failed on node ";
        String detail = abbreviate(body);
        try {
            JsonNode error = ERROR_MAPPER.readTree(body);
            if (error != null && error.hasNonNull("message")) {
                Optional<ErrorCode> code = status == 500 && error.hasNonNull("errorCode") ? errorCode(error.get("errorCode").asText()) : Optional.empty();
                if (code.isPresent()) {
                    // the upstream task's own failure (a user error, a memory limit): the query fails with it, not with the exchange
                    return new StrataException(code.get(), error.get("message").asText());
                }
                detail = (error.hasNonNull("errorCode") ? error.get("errorCode").asText() + ": " : "") + error.get("message").asText();
            }
        }
        catch (IOException | RuntimeException e) {
            // not JSON: keep the raw body
        }
        return new StrataException(REMOTE_TASK_ERROR, what + node(upstream.uri) + " (HTTP " + status + ", " + detail + "): " + upstream.uri);
    }

    private static Optional<ErrorCode> errorCode(String name)
    {
        try {
            return Optional.of(ErrorCode.valueOf(name));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text)
    {
        return text.length() <= MAX_ERROR_BODY_CHARS ? text : text.substring(0, MAX_ERROR_BODY_CHARS) + "...";
    }

    private final class ResultsCallback
            implements Callback
    {
        private final Upstream upstream;
        private final long requestedToken;

        ResultsCallback(Upstream upstream, long requestedToken)
        {
            this.upstream = upstream;
            this.requestedToken = requestedToken;
        }

        @Override
        public void onFailure(Call call, IOException e)
        {
            onTransientFailure(upstream, requestedToken, String.valueOf(e));
        }

        @Override
        public void onResponse(Call call, Response response)
        {
            try (response) {
                int status = response.code();
                if (status == 502 || status == 503 || status == 504) {
                    onTransientFailure(upstream, requestedToken, "HTTP " + status);
                    return;
                }
                byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
                if (status == 404 || status == 500) {
                    fail(remoteFailure(upstream, status, new String(body, UTF_8)));
                    return;
                }
                if (status != 200) {
                    fail(new StrataException(PAGE_TRANSPORT_ERROR, "Upstream on node " + node(upstream.uri) + " answered HTTP " + status + " ("
                            + abbreviate(new String(body, UTF_8)) + "): " + upstream.uri));
                    return;
                }
                String instanceId = requireHeader(response, InternalHeaders.TASK_INSTANCE_ID);
                long pageToken = Long.parseLong(requireHeader(response, InternalHeaders.PAGE_TOKEN));
                long endToken = Long.parseLong(requireHeader(response, InternalHeaders.PAGE_END_TOKEN));
                boolean complete = Boolean.parseBoolean(requireHeader(response, InternalHeaders.BUFFER_COMPLETE));
                List<Page> pages = serdes.get().deserializeFrames(Slices.wrappedBuffer(body));
                onPages(upstream, requestedToken, instanceId, pageToken, endToken, complete, pages, body.length);
            }
            catch (IOException e) {
                // the connection broke while reading the body: the same token brings the same pages again
                onTransientFailure(upstream, requestedToken, String.valueOf(e));
            }
            catch (StrataException e) {
                fail(new StrataException(e.errorCode(), "Bad response from node " + node(upstream.uri) + " (" + e.getMessage() + "): " + upstream.uri, e));
            }
            catch (RuntimeException e) {
                fail(new StrataException(PAGE_TRANSPORT_ERROR, "Bad response from node " + node(upstream.uri) + " (" + e + "): " + upstream.uri, e));
            }
        }

        private String requireHeader(Response response, String name)
        {
            String value = response.header(name);
            if (value == null) {
                throw new StrataException(PAGE_TRANSPORT_ERROR, "missing header " + name);
            }
            return value;
        }
    }

    /** One upstream result buffer; mutable, guarded by the client's monitor. */
    private static final class Upstream
    {
        private final URI uri;
        private long token;
        private String instanceId;
        private Call call;
        private boolean waitingForRetry;
        private boolean complete;
        private boolean deleteSent;
        private long errorStartNanos = -1;
        private long requests;
        private long retries;
        private long pagesReceived;
        private long bytesReceived;

        Upstream(URI uri)
        {
            this.uri = uri;
        }
    }
}
