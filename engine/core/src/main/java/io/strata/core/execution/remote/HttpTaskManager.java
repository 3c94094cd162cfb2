package io.strata.core.execution.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.json.PlanJson;
import io.strata.core.node.InternalNode;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.InternalHeaders;
import io.strata.spi.StrataException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import static io.strata.protocol.ErrorCode.GENERIC_INTERNAL_ERROR;
import static io.strata.protocol.ErrorCode.NOT_FOUND;
import static io.strata.protocol.ErrorCode.REMOTE_TASK_ERROR;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The task API of one other node, over HTTP ({@code /v1/task}, served by its {@code TaskResource}): what the
 * scheduler calls for a remote task, as it calls {@code SqlTaskManager} for a local one.
 * <p>
 * Failures, per answer:
 * <ul>
 * <li>no connection, a timeout, 502, 503, 504, or a 500 that carries no task failure: transient; the request is
 * repeated after a backoff that doubles from {@link HttpTaskManagerConfig#minBackoff()} to
 * {@link HttpTaskManagerConfig#maxBackoff()}, until it has failed for {@link HttpTaskManagerConfig#maxErrorDuration()}
 * (counted from the start of the first failed attempt; each attempt is cut to what is left of it); then
 * {@code REMOTE_TASK_ERROR} naming the node, the task and the last failure. Every request is safe to repeat (task
 * updates are idempotent: splits carry sequence ids);
 * <li>404: {@code NOT_FOUND}, as the local task manager throws for an unknown task;
 * <li>500 with the task manager's failure as JSON ({@code errorCode}, {@code message}): that failure, with its code;
 * <li>400 (the node could not read the request): {@code GENERIC_INTERNAL_ERROR} at once, with the node's message;
 * <li>an answer that is no valid JSON of the expected kind, or any other status: {@code REMOTE_TASK_ERROR} at once.
 * </ul>
 * {@link #abortTask} and {@link #cancelTask} make one attempt and never throw for an unreachable node: cleaning up
 * after a dead node must not fail. Result pages are read with the exchange client, not here
 * ({@link #getTaskResults} is unsupported).
 * <p>
 * Thread-safe. The synchronous calls run on the caller's thread; the status long poll runs on the OkHttp
 * dispatcher and waits for its retries on {@link CompletableFuture#delayedExecutor}, never holding a thread.
 */
public final class HttpTaskManager
        implements TaskManager
{
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final TypeReference<List<TaskStatus>> TASK_STATUS_LIST = new TypeReference<>() {};
    private static final TypeReference<List<OperatorStatistics>> OPERATOR_STATISTICS_LIST = new TypeReference<>() {};
    private static final int MAX_BACKOFF_DOUBLINGS = 20;
    private static final Duration MIN_RETRY_TIMEOUT = Duration.ofMillis(100);
    private static final int MAX_QUOTED_BODY_CHARS = 500;

    private final InternalNode node;
    private final OkHttpClient httpClient;
    private final HttpTaskManagerConfig config;
    private final ObjectMapper mapper = PlanJson.newObjectMapper();
    private final String baseUri;

    /**
     * @param node the node whose task API this calls
     * @param httpClient shared by the task managers of all nodes; its dispatcher must allow one long poll per task
     * of a node at once ({@code maxRequestsPerHost}), or status polls queue behind each other. Its timeouts are
     * replaced by the config's.
     */
    public HttpTaskManager(InternalNode node, OkHttpClient httpClient, HttpTaskManagerConfig config)
    {
        this.node = requireNonNull(node, "node is null");
        this.config = requireNonNull(config, "config is null");
        // each attempt sets its own whole-call timeout; the connect timeout only keeps a silent host from taking all of it
        this.httpClient = requireNonNull(httpClient, "httpClient is null").newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .connectTimeout(config.requestTimeout())
                .build();
        this.baseUri = node.uri().toString().replaceAll("/+$", "");
    }

    public InternalNode node()
    {
        return node;
    }

    @Override
    public TaskStatus updateTask(TaskId taskId, TaskUpdateRequest request)
    {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(request, "request is null");
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(request);
        }
        catch (JsonProcessingException e) {
            throw new StrataException(GENERIC_INTERNAL_ERROR, "Cannot write the update of task " + taskId + " as JSON: " + e.getOriginalMessage(), e);
        }
        Request httpRequest = new Request.Builder().url(taskUri(taskId)).post(RequestBody.create(body, JSON)).build();
        return readJson(executeWithRetries(httpRequest, "update task " + taskId), "update task " + taskId, TaskStatus.class);
    }

    @Override
    public TaskStatus getTaskStatus(TaskId taskId)
    {
        requireNonNull(taskId, "taskId is null");
        Request request = new Request.Builder().url(taskUri(taskId) + "/status").get().build();
        String action = "get the status of task " + taskId;
        return readJson(executeWithRetries(request, action), action, TaskStatus.class);
    }

    @Override
    public CompletableFuture<TaskStatus> getTaskStatus(TaskId taskId, long currentVersion)
    {
        requireNonNull(taskId, "taskId is null");
        StatusPoll poll = new StatusPoll(taskId, currentVersion);
        // a caller that stops waiting stops the poll
        poll.future.whenComplete((status, failure) -> {
            if (poll.future.isCancelled()) {
                poll.cancel();
            }
        });
        poll.send(false);
        return poll.future;
    }

    /**
     * Unsupported: a remote task's pages are read with {@code io.strata.core.execution.exchange.HttpExchangeClient}
     * from {@code <node>/v1/task/{taskId}/results/{bufferId}}, which retries, bounds its buffer and decodes on its
     * own threads.
     */
    @Override
    public CompletableFuture<BufferResult> getTaskResults(TaskId taskId, OutputBufferId bufferId, long token, long maxBytes)
    {
        throw new UnsupportedOperationException("Read the results of remote task " + taskId + " on " + node.describe()
                + " with HttpExchangeClient from " + taskUri(taskId) + "/results/" + bufferId.id());
    }

    /** Best effort and asynchronous, like the exchange client's acknowledgements: a lost one is repeated by the next read. */
    @Override
    public void acknowledgeTaskResults(TaskId taskId, OutputBufferId bufferId, long token)
    {
        requireNonNull(taskId, "taskId is null");
        requireNonNull(bufferId, "bufferId is null");
        Request request = new Request.Builder().url(taskUri(taskId) + "/results/" + bufferId.id() + "/" + token + "/acknowledge").get().build();
        Call call = httpClient.newCall(request);
        call.timeout().timeout(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        call.enqueue(new Callback()
        {
            @Override
            public void onFailure(Call call, IOException e)
            {
                // best effort
            }

            @Override
            public void onResponse(Call call, Response response)
            {
                response.close();
            }
        });
    }

    @Override
    public TaskStatus cancelTask(TaskId taskId)
    {
        return deleteTask(taskId, false);
    }

    @Override
    public TaskStatus abortTask(TaskId taskId)
    {
        return deleteTask(taskId, true);
    }

    @Override
    public List<TaskStatus> getAllTaskStatus()
    {
        Request request = new Request.Builder().url(baseUri + "/v1/task").get().build();
        String action = "list the tasks";
        return readJson(executeWithRetries(request, action), action, mapper.getTypeFactory().constructType(TASK_STATUS_LIST));
    }

    @Override
    public List<OperatorStatistics> getOperatorStatistics(TaskId taskId)
    {
        requireNonNull(taskId, "taskId is null");
        Request request = new Request.Builder().url(taskUri(taskId) + "/operators").get().build();
        String action = "get the operator statistics of task " + taskId;
        return readJson(executeWithRetries(request, action), action, mapper.getTypeFactory().constructType(OPERATOR_STATISTICS_LIST));
    }

    @Override
    public String toString()
    {
        return "HttpTaskManager[" + node.describe() + "]";
    }

    /**
     * One attempt, bounded by the request timeout: a node that cannot be reached (or is too busy to answer) has
     * the task's status made up as the one asked for, and a node that no longer knows the task has nothing to stop.
     */
    private TaskStatus deleteTask(TaskId taskId, boolean abort)
    {
        requireNonNull(taskId, "taskId is null");
        TaskState requested = abort ? TaskState.ABORTED : TaskState.CANCELED;
        String action = (abort ? "abort" : "cancel") + " task " + taskId;
        Request request = new Request.Builder().url(taskUri(taskId) + (abort ? "" : "?abort=false")).delete().build();
        Call call = httpClient.newCall(request);
        call.timeout().timeout(config.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        Answer answer;
        try (Response response = call.execute()) {
            answer = new Answer(response.code(), response.body() == null ? new byte[0] : response.body().bytes());
        }
        catch (IOException e) {
            return unreachableStatus(taskId, requested);
        }
        if (answer.status() == 404 || isTransient(answer)) {
            return unreachableStatus(taskId, requested);
        }
        return readJson(checkStatus(answer, action), action, TaskStatus.class);
    }

    /**
     * What a task on a node that did not answer its abort is taken to be: done in the state asked for, with the
     * highest version, so no later status is taken for newer. Its statistics are unknown (zero).
     */
    private static TaskStatus unreachableStatus(TaskId taskId, TaskState state)
    {
        return new TaskStatus(taskId, "unreachable", Long.MAX_VALUE, state, List.of(), TaskStatistics.EMPTY);
    }

    /**
     * Sends the request until it gets an answer that is not transient, or until it has failed for the configured
     * time; returns a 2xx answer and throws for the others.
     */
    private Answer executeWithRetries(Request request, String action)
    {
        long errorStartNanos = -1;
        int failures = 0;
        while (true) {
            long attemptStartNanos = System.nanoTime();
            long timeoutNanos = config.requestTimeout().toNanos();
            if (errorStartNanos >= 0) {
                timeoutNanos = retryTimeoutNanos(timeoutNanos, attemptStartNanos - errorStartNanos);
            }
            Call call = httpClient.newCall(request);
            call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
            String failure;
            try (Response response = call.execute()) {
                Answer answer = new Answer(response.code(), response.body() == null ? new byte[0] : response.body().bytes());
                if (!isTransient(answer)) {
                    return checkStatus(answer, action);
                }
                failure = "HTTP " + answer.status() + " " + answer.quotedBody();
            }
            catch (IOException e) {
                failure = describe(e);
            }
            if (errorStartNanos < 0) {
                errorStartNanos = attemptStartNanos;
            }
            long failingNanos = System.nanoTime() - errorStartNanos;
            long leftNanos = config.maxErrorDuration().toNanos() - failingNanos;
            if (leftNanos <= 0) {
                throw unreachable(action, failure, failingNanos);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(backoffNanos(failures++), leftNanos));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(REMOTE_TASK_ERROR, "Interrupted while retrying to " + action + " on worker " + node.describe() + " (" + failure + ")", e);
            }
        }
    }

    /**
     * A retry ends when the error time does, so the failure is not late; but it gets at least a moment, so a node
     * that refuses the connection is reported as refusing rather than as too slow.
     */
    private long retryTimeoutNanos(long timeoutNanos, long failingNanos)
    {
        long floorNanos = Math.min(timeoutNanos, MIN_RETRY_TIMEOUT.toNanos());
        return Math.min(timeoutNanos, Math.max(floorNanos, config.maxErrorDuration().toNanos() - failingNanos));
    }

    private long backoffNanos(int failures)
    {
        long backoff = config.minBackoff().toNanos() << Math.min(failures, MAX_BACKOFF_DOUBLINGS);
        return Math.min(Math.max(backoff, 0), config.maxBackoff().toNanos());
    }

    /** Whether the node may answer a repeated request: it was not reached, was busy, or broke without a task failure. */
    private boolean isTransient(Answer answer)
    {
        int status = answer.status();
        return status == 502 || status == 503 || status == 504 || (status == 500 && taskFailure(answer) == null);
    }

    /** Returns a 2xx answer; throws what any other answer means. */
    private Answer checkStatus(Answer answer, String action)
    {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer;
        }
        if (status == 404) {
            String message = errorMessage(answer);
            throw new StrataException(NOT_FOUND, message + " (worker " + node.describe() + ")");
        }
        if (status == 500) {
            StrataException failure = taskFailure(answer);
            if (failure != null) {
                throw new StrataException(failure.errorCode(), failure.getMessage() + " (worker " + node.describe() + ")", failure);
            }
        }
        if (status == 400) {
            throw new StrataException(GENERIC_INTERNAL_ERROR, "Worker " + node.describe() + " rejected the request to " + action + " (HTTP 400): " + errorMessage(answer));
        }
        throw new StrataException(REMOTE_TASK_ERROR, "Worker " + node.describe() + " answered the request to " + action + " with HTTP " + status + ": " + answer.quotedBody());
    }

    private <T> T readJson(Answer answer, String action, Class<T> type)
    {
        return readJson(answer, action, mapper.getTypeFactory().constructType(type));
    }

    private <T> T readJson(Answer answer, String action, JavaType type)
    {
        try {
            T value = mapper.readValue(answer.body(), type);
            if (value == null) {
                throw new IOException("the body is empty or null");
            }
            return value;
        }
        catch (IOException | RuntimeException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
            throw new StrataException(REMOTE_TASK_ERROR, "Bad response from worker " + node.describe() + " to the request to " + action
                    + ": not a valid " + type.toCanonical().replaceAll("[a-z]+\\.", "") + " (" + problem + "): " + answer.quotedBody(), e);
        }
    }

    /** The failure of a 500 that carries the node's {@code ExecutionFailure} or error JSON, else null. */
    private StrataException taskFailure(Answer answer)
    {
        try {
            JsonNode json = mapper.readTree(answer.body());
            if (json == null || !json.hasNonNull("errorCode") || !json.hasNonNull("message")) {
                return null;
            }
            ErrorCode code = ErrorCode.valueOf(json.get("errorCode").asText().toUpperCase(Locale.ENGLISH));
            return new StrataException(code, json.get("message").asText());
        }
        catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code message} of the node's error JSON, or the body itself. */
    private String errorMessage(Answer answer)
    {
        try {
            JsonNode json = mapper.readTree(answer.body());
            if (json != null && json.hasNonNull("message")) {
                return json.get("message").asText();
            }
        }
        catch (IOException | RuntimeException e) {
            // not JSON: quote the body
        }
        return answer.quotedBody();
    }

    private StrataException unreachable(String action, String failure, long failingNanos)
    {
        return new StrataException(REMOTE_TASK_ERROR, String.format("Could not reach worker %s to %s: %s (failing for %s ms, %s ms allowed)",
                node.describe(), action, failure, TimeUnit.NANOSECONDS.toMillis(failingNanos), config.maxErrorDuration().toMillis()));
    }

    /** The failure as a person reads it: OkHttp's "Failed to connect to /127.0.0.1:9001" gets its cause, "Connection refused". */
    private static String describe(IOException e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof InterruptedIOException) {
            return "timed out (" + message + ")";
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            return message + ": " + cause.getMessage();
        }
        return message;
    }

    private String taskUri(TaskId taskId)
    {
        return baseUri + "/v1/task/" + taskId;
    }

    private record Answer(int status, byte[] body)
    {
        String quotedBody()
        {
            String text = new String(body, UTF_8);
            return "'" + (text.length() <= MAX_QUOTED_BODY_CHARS ? text : text.substring(0, MAX_QUOTED_BODY_CHARS) + "...") + "'";
        }
    }

    /**
     * One {@link #getTaskStatus(TaskId, long)}: asks again while the node answers an unchanged status after its
     * maximum wait, and retries transient failures like the synchronous calls. While failing it asks with no wait
     * ({@code X-Strata-Max-Wait: 0ms}): a node that answers at all is alive, and the bounded error time is not spent
     * waiting for news.
     */
    private final class StatusPoll
            implements Callback
    {
        private final TaskId taskId;
        private final long currentVersion;
        private final CompletableFuture<TaskStatus> future = new CompletableFuture<>();
        private final String action;
        // only touched by one attempt at a time: each attempt starts after the previous one ended
        private volatile long errorStartNanos = -1;
        private volatile long attemptStartNanos;
        private volatile int failures;
        private volatile boolean probing;
        private volatile Call call;

        StatusPoll(TaskId taskId, long currentVersion)
        {
            this.taskId = taskId;
            this.currentVersion = currentVersion;
            this.action = "get the status of task " + taskId;
        }

        void cancel()
        {
            Call current = call;
            if (current != null) {
                current.cancel();
            }
        }

        void send(boolean probing)
        {
            if (future.isDone()) {
                return;
            }
            attemptStartNanos = System.nanoTime();
            this.probing = probing;
            Duration maxWait = probing ? Duration.ZERO : config.statusMaxWait();
            long timeoutNanos = maxWait.toNanos() + config.requestTimeout().toNanos();
            if (errorStartNanos >= 0) {
                timeoutNanos = retryTimeoutNanos(timeoutNanos, attemptStartNanos - errorStartNanos);
            }
            Request request = new Request.Builder()
                    .url(taskUri(taskId) + "/status")
                    .header(InternalHeaders.CURRENT_VERSION, Long.toString(currentVersion))
                    .header(InternalHeaders.MAX_WAIT, maxWait.toMillis() + "ms")
                    .get()
                    .build();
            Call next = httpClient.newCall(request);
            next.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
            call = next;
            if (future.isDone()) {
                return;
            }
            next.enqueue(this);
        }

        @Override
        public void onFailure(Call call, IOException e)
        {
            if (future.isDone()) {
                // the caller canceled the poll
                return;
            }
            // a timed-out call counts as canceled too, but only closing the shared client cancels without a timeout:
            // no retry would get through
            if (call.isCanceled() && !(e instanceof InterruptedIOException)) {
                future.completeExceptionally(new StrataException(REMOTE_TASK_ERROR, "The status request of task " + taskId + " to worker " + node.describe() + " was canceled", e));
                return;
            }
            onTransientFailure(describe(e));
        }

        @Override
        public void onResponse(Call call, Response response)
        {
            Answer answer;
            try (response) {
                answer = new Answer(response.code(), response.body() == null ? new byte[0] : response.body().bytes());
            }
            catch (IOException e) {
                onTransientFailure(describe(e));
                return;
            }
            try {
                if (isTransient(answer)) {
                    onTransientFailure("HTTP " + answer.status() + " " + answer.quotedBody());
                    return;
                }
                TaskStatus status = readJson(checkStatus(answer, action), action, TaskStatus.class);
                errorStartNanos = -1;
                failures = 0;
                if (status.version() > currentVersion || status.state().isDone()) {
                    future.complete(status);
                    return;
                }
                // the wait ran out with nothing new: ask again, at once unless the node did not wait (a node that
                // ignores the maximum wait must not make this a busy loop)
                boolean waited = probing || System.nanoTime() - attemptStartNanos >= config.statusMaxWait().toNanos() / 2;
                if (waited) {
                    send(false);
                }
                else {
                    CompletableFuture.delayedExecutor(config.maxBackoff().toNanos(), TimeUnit.NANOSECONDS).execute(() -> send(false));
                }
            }
            catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }

        private void onTransientFailure(String failure)
        {
            if (future.isDone()) {
                return;
            }
            if (errorStartNanos < 0) {
                errorStartNanos = attemptStartNanos;
            }
            long failingNanos = System.nanoTime() - errorStartNanos;
            long leftNanos = config.maxErrorDuration().toNanos() - failingNanos;
            if (leftNanos <= 0) {
                future.completeExceptionally(unreachable(action, failure, failingNanos));
                return;
            }
            long delayNanos = Math.min(backoffNanos(failures++), leftNanos);
            Executor delayed = CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS);
            delayed.execute(() -> send(true));
        }
    }
}
