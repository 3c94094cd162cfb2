package io.strata.server.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.task.ExecutionFailure;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.json.PlanJson;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.InternalHeaders;
import io.strata.server.config.DataSize;
import io.strata.server.config.Durations;
import io.strata.server.http.HttpException;
import io.strata.server.http.HttpRequest;
import io.strata.server.http.HttpResponse;
import io.strata.server.http.Router;
import io.strata.spi.StrataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The internal task API of a node over its {@link TaskManager} (the coordinator serves it; workers will):
 * <ul>
 * <li>{@code POST /v1/task/{taskId}}: a {@link TaskUpdateRequest} as PlanJson JSON; answers the {@link TaskStatus};
 * <li>{@code GET /v1/task/{taskId}/status}: long-polls for a status newer than {@code X-Strata-Current-Version};
 * <li>{@code DELETE /v1/task/{taskId}[?abort=false]}: aborts (or cancels) the task, answers its status;
 * <li>{@code GET /v1/task/{taskId}/results/{bufferId}/{token}}: long-polls for framed pages from {@code token} on,
 * acknowledging the pages before it; {@code .../acknowledge} only acknowledges;
 * <li>{@code DELETE /v1/task/{taskId}/results/{bufferId}}: the consumer is done with the buffer;
 * <li>{@code GET /v1/task}: the status of every task the node knows, as a JSON list;
 * <li>{@code GET /v1/task/{taskId}/operators}: the task's {@link OperatorStatistics}, as a JSON list.
 * </ul>
 * Every long poll ends after {@code X-Strata-Max-Wait} (default 1s, at most 10s) with the current state. An
 * unknown task is 404, a bad request 400, both with {@code {"errorCode", "message"}} JSON; a failed task answers
 * its results request 500 with its {@link ExecutionFailure} as JSON. Handlers never block the event loop: task
 * manager calls that may work (updates, aborts) and response encoding run on {@code executor}.
 */
public final class TaskResource
{
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);
    public static final DataSize DEFAULT_MAX_SIZE = DataSize.parse("16MB");

    private final TaskManager taskManager;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper mapper = PlanJson.newObjectMapper();
    // PagesSerde reuses its buffers: one per encoding thread
    private final ThreadLocal<PagesSerde> serdes;

    /**
     * @param executor runs task manager calls and encodes responses (never an event loop)
     * @param scheduler ends long polls after their maximum wait
     */
    /** @param codec how the pages of results are compressed (readers decode any codec) */
    public TaskResource(TaskManager taskManager, Executor executor, ScheduledExecutorService scheduler, CompressionCodec codec)
    {
        requireNonNull(codec, "codec is null");
        this.serdes = ThreadLocal.withInitial(() -> new PagesSerde(codec));
        this.taskManager = requireNonNull(taskManager, "taskManager is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    public void register(Router router)
    {
        router.add("POST", "/v1/task/{taskId}", request -> answer(this::updateTask, request));
        router.add("GET", "/v1/task/{taskId}/status", request -> answer(this::getStatus, request));
        router.add("DELETE", "/v1/task/{taskId}", request -> answer(this::deleteTask, request));
        router.add("GET", "/v1/task/{taskId}/results/{bufferId}/{token}", request -> answer(this::getResults, request));
        router.add("GET", "/v1/task/{taskId}/results/{bufferId}/{token}/acknowledge", request -> answer(this::acknowledge, request));
        router.add("DELETE", "/v1/task/{taskId}/results/{bufferId}", request -> answer(this::destroyBuffer, request));
        router.add("GET", "/v1/task", request -> answer(this::getAllStatus, request));
        router.add("GET", "/v1/task/{taskId}/operators", request -> answer(this::getOperators, request));
    }

    /** Runs the handler and turns each failure, thrown or completed with, into this protocol's JSON error. */
    private CompletableFuture<HttpResponse> answer(Function<HttpRequest, CompletableFuture<HttpResponse>> handler, HttpRequest request)
    {
        CompletableFuture<HttpResponse> response;
        try {
            response = handler.apply(request);
        }
        catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.exceptionally(this::errorResponse);
    }

    private CompletableFuture<HttpResponse> updateTask(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        TaskUpdateRequest update = parseUpdate(request.body());
        return submit(() -> statusResponse(taskManager.updateTask(taskId, update)));
    }

    private CompletableFuture<HttpResponse> getStatus(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        long currentVersion = request.headers().get(InternalHeaders.CURRENT_VERSION).map(TaskResource::parseVersion).orElse(-1L);
        Duration maxWait = maxWait(request);
        // fails at once for an unknown task
        taskManager.getTaskStatus(taskId);
        return longPoll(
                taskManager.getTaskStatus(taskId, currentVersion),
                maxWait,
                this::statusResponse,
                () -> statusResponse(taskManager.getTaskStatus(taskId)));
    }

    private CompletableFuture<HttpResponse> deleteTask(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        boolean abort = request.queryParameter("abort").map(TaskResource::parseBoolean).orElse(true);
        return submit(() -> statusResponse(abort ? taskManager.abortTask(taskId) : taskManager.cancelTask(taskId)));
    }

    private CompletableFuture<HttpResponse> getResults(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        OutputBufferId bufferId = bufferId(request);
        long token = token(request);
        long maxBytes = request.headers().get(InternalHeaders.MAX_SIZE).map(TaskResource::parseMaxSize).orElse(DEFAULT_MAX_SIZE.bytes());
        Duration maxWait = maxWait(request);
        // an unknown task is 404; a failure after this point is the task's own (500)
        TaskStatus status = taskManager.getTaskStatus(taskId);
        return longPoll(
                taskManager.getTaskResults(taskId, bufferId, token, maxBytes),
                maxWait,
                this::resultsResponse,
                () -> resultsResponse(BufferResult.empty(status.taskInstanceId(), token, false)));
    }

    private CompletableFuture<HttpResponse> acknowledge(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        OutputBufferId bufferId = bufferId(request);
        long token = token(request);
        taskManager.getTaskStatus(taskId);
        return submit(() -> {
            taskManager.acknowledgeTaskResults(taskId, bufferId, token);
            return HttpResponse.noContent();
        });
    }

    private CompletableFuture<HttpResponse> destroyBuffer(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        OutputBufferId bufferId = bufferId(request);
        taskManager.getTaskStatus(taskId);
        // the task manager has no call to abort one buffer: acknowledging every page it holds frees them
        return submit(() -> {
            taskManager.acknowledgeTaskResults(taskId, bufferId, Long.MAX_VALUE);
            return HttpResponse.noContent();
        });
    }

    private CompletableFuture<HttpResponse> getAllStatus(HttpRequest request)
    {
        return submit(() -> HttpResponse.json(200, toJson(taskManager.getAllTaskStatus())));
    }

    private CompletableFuture<HttpResponse> getOperators(HttpRequest request)
    {
        TaskId taskId = taskId(request);
        return submit(() -> HttpResponse.json(200, toJson(taskManager.getOperatorStatistics(taskId))));
    }

    /**
     * Answers with {@code encode} of the future's value once it completes (on the executor: the future may
     * complete on a driver thread), or with {@code onTimeout} after {@code maxWait}, whichever comes first.
     */
    private <T> CompletableFuture<HttpResponse> longPoll(CompletableFuture<T> future, Duration maxWait, Function<T, HttpResponse> encode, Supplier<HttpResponse> onTimeout)
    {
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        ScheduledFuture<?> timeout;
        try {
            timeout = scheduler.schedule(
                    () -> {
                        if (!future.isDone()) {
                            completeOnExecutor(response, onTimeout);
                        }
                    },
                    maxWait.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException e) {
            throw shuttingDown();
        }
        future.whenComplete((value, failure) -> {
            timeout.cancel(false);
            if (failure != null) {
                response.completeExceptionally(failure);
            }
            else {
                completeOnExecutor(response, () -> encode.apply(value));
            }
        });
        // a read nobody waits for any more need not be served (a pending buffer read completes as a no-op)
        response.whenComplete((value, failure) -> future.cancel(false));
        return response;
    }

    private void completeOnExecutor(CompletableFuture<HttpResponse> response, Supplier<HttpResponse> supplier)
    {
        if (response.isDone()) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    response.complete(supplier.get());
                }
                catch (RuntimeException e) {
                    response.completeExceptionally(e);
                }
            });
        }
        catch (RejectedExecutionException e) {
            response.completeExceptionally(shuttingDown());
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

    private HttpResponse statusResponse(TaskStatus status)
    {
        return HttpResponse.json(200, toJson(status));
    }

    private HttpResponse resultsResponse(BufferResult result)
    {
        byte[] body = serdes.get().serializeFrames(result.pages()).getBytes();
        return new HttpResponse(200, List.of(Map.entry("Content-Type", InternalHeaders.PAGES_CONTENT_TYPE)), body)
                .withHeader(InternalHeaders.TASK_INSTANCE_ID, result.taskInstanceId())
                .withHeader(InternalHeaders.PAGE_TOKEN, Long.toString(result.token()))
                .withHeader(InternalHeaders.PAGE_END_TOKEN, Long.toString(result.nextToken()))
                .withHeader(InternalHeaders.BUFFER_COMPLETE, Boolean.toString(result.bufferComplete()));
    }

    private HttpResponse errorResponse(Throwable throwable)
    {
        Throwable cause = throwable;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpException httpException) {
            ErrorCode code = httpException.status() == 404 ? ErrorCode.NOT_FOUND : httpException.status() == 503 ? ErrorCode.SERVER_SHUTTING_DOWN : ErrorCode.BAD_REQUEST;
            return errorJson(httpException.status(), code, String.valueOf(httpException.getMessage()));
        }
        if (cause instanceof StrataException strata && strata.errorCode() == ErrorCode.NOT_FOUND) {
            return errorJson(404, ErrorCode.NOT_FOUND, strata.getMessage());
        }
        if (cause instanceof IllegalArgumentException) {
            return errorJson(400, ErrorCode.BAD_REQUEST, String.valueOf(cause.getMessage()));
        }
        return HttpResponse.json(500, toJson(ExecutionFailure.of(cause)));
    }

    private HttpResponse errorJson(int status, ErrorCode errorCode, String message)
    {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("errorCode", errorCode.name());
        error.put("message", message);
        return HttpResponse.json(status, toJson(error));
    }

    private byte[] toJson(Object value)
    {
        try {
            return mapper.writeValueAsBytes(value);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON of " + value.getClass().getName(), e);
        }
    }

    private TaskUpdateRequest parseUpdate(byte[] body)
    {
        if (body.length == 0) {
            throw HttpException.badRequest("Task update body is empty: expected TaskUpdateRequest JSON");
        }
        try {
            return mapper.readValue(body, TaskUpdateRequest.class);
        }
        catch (JsonMappingException e) {
            throw HttpException.badRequest("Invalid TaskUpdateRequest JSON: " + e.getOriginalMessage() + " at " + e.getPathReference() + " (line " + lineOf(e) + ")");
        }
        catch (JsonProcessingException e) {
            throw HttpException.badRequest("Invalid TaskUpdateRequest JSON: " + e.getOriginalMessage() + " (line " + lineOf(e) + ")");
        }
        catch (IOException e) {
            throw HttpException.badRequest("Invalid TaskUpdateRequest JSON: " + e.getMessage());
        }
    }

    private static String lineOf(JsonProcessingException e)
    {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
    }

    private static TaskId taskId(HttpRequest request)
    {
        String text = request.pathParameter("taskId");
        try {
            return TaskId.valueOf(text);
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid task id: " + text + " (" + e.getMessage() + ")");
        }
    }

    private static OutputBufferId bufferId(HttpRequest request)
    {
        String text = request.pathParameter("bufferId");
        try {
            return new OutputBufferId(Integer.parseInt(text));
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid buffer id: " + text);
        }
    }

    private static long token(HttpRequest request)
    {
        String text = request.pathParameter("token");
        try {
            long token = Long.parseLong(text);
            if (token >= 0) {
                return token;
            }
        }
        catch (NumberFormatException e) {
            // answered below
        }
        throw HttpException.badRequest("Invalid token: " + text);
    }

    private static long parseVersion(String text)
    {
        try {
            return Long.parseLong(text.trim());
        }
        catch (NumberFormatException e) {
            throw HttpException.badRequest("Invalid " + InternalHeaders.CURRENT_VERSION + ": " + text);
        }
    }

    private static Duration maxWait(HttpRequest request)
    {
        return request.headers().get(InternalHeaders.MAX_WAIT).map(text -> {
            try {
                Duration wait = Durations.parse(text);
                return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
            }
            catch (IllegalArgumentException e) {
                throw HttpException.badRequest("Invalid " + InternalHeaders.MAX_WAIT + ": " + e.getMessage());
            }
        }).orElse(DEFAULT_MAX_WAIT);
    }

    private static long parseMaxSize(String text)
    {
        try {
            return Math.max(1, DataSize.parse(text).bytes());
        }
        catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid " + InternalHeaders.MAX_SIZE + ": " + e.getMessage());
        }
    }

    private static boolean parseBoolean(String text)
    {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw HttpException.badRequest("Invalid abort parameter: " + text + " (true or false)");
    }

    private static HttpException shuttingDown()
    {
        return new HttpException(503, "Server is shutting down");
    }
}
