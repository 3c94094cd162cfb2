package io.strata.core.execution.remote;

import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.remote.ScriptedWorker.Answer;
import io.strata.core.execution.remote.ScriptedWorker.Received;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.json.PlanJson;
import io.strata.core.node.InternalNode;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HttpTaskManager} against a worker that misbehaves on purpose ({@link ScriptedWorker}): transient answers are
 * retried, hanging and vanished nodes fail within the configured error time naming the node, and bad answers fail
 * at once with what was wrong.
 */
@Timeout(60)
class TestHttpTaskManagerFaults
{
    private static final TaskId TASK = new TaskId("query_1", 1, 0);
    // short bounds keep the tests quick; the defaults are 5s, 3s and 1s
    private static final HttpTaskManagerConfig CONFIG = new HttpTaskManagerConfig(
            Duration.ofMillis(1000), Duration.ofMillis(300), Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMillis(50));

    private static final TaskUpdateRequest UPDATE = new TaskUpdateRequest(
            Session.simple("query_1", "test", Optional.of("tpch"), Optional.of("tiny")), Optional.empty(), List.of(), OutputBuffers.SINGLE);

    private ScriptedWorker worker;
    private HttpNodeTaskManagers nodes;

    @BeforeEach
    void setUp()
            throws IOException
    {
        worker = new ScriptedWorker();
        nodes = new HttpNodeTaskManagers("coordinator", new UnusedTaskManager(), CONFIG);
    }

    @AfterEach
    void tearDown()
    {
        nodes.close();
        worker.close();
    }

    @Test
    void testUpdateIsRetriedAfterServiceUnavailable()
    {
        worker.then(Answer.of(503, "{\"errorCode\": \"SERVER_SHUTTING_DOWN\", \"message\": \"busy\"}"))
                .then(Answer.of(500, "<html>proxy error</html>"))
                .then(Answer.of(200, statusJson(3, TaskState.RUNNING)));
        TaskStatus status = remote().updateTask(TASK, update());
        assertThat(status.version()).isEqualTo(3);
        assertThat(status.state()).isEqualTo(TaskState.RUNNING);
        List<Received> received = worker.received();
        assertThat(received).hasSize(3);
        // the same update each time
        assertThat(received).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/v1/task/" + TASK);
            assertThat(request.body()).isEqualTo(received.get(0).body());
        });
        assertThat(PlanJson.fromJson(received.get(0).body(), TaskUpdateRequest.class)).isEqualTo(update());
    }

    @Test
    void testBadJsonFailsAtOnce()
    {
        worker.then(Answer.of(200, "{\"taskId\": \"not a status"));
        InternalNode node = worker.node("worker-7");
        assertThatThrownBy(() -> nodes.taskManager(node).updateTask(TASK, update()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Bad response from worker " + node.describe())
                .hasMessageContaining("update task " + TASK)
                .hasMessageContaining("not a valid TaskStatus")
                .hasMessageContaining("not a status");
        assertThat(worker.received()).hasSize(1);

        // valid JSON of the wrong shape
        worker.then(Answer.of(200, "[1, 2]"));
        assertThatThrownBy(() -> nodes.taskManager(node).getTaskStatus(TASK))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("not a valid TaskStatus");
    }

    @Test
    void testClientErrorsFailAtOnceWithTheNodesMessage()
    {
        worker.then(Answer.of(400, "{\"errorCode\": \"BAD_REQUEST\", \"message\": \"Invalid TaskUpdateRequest JSON: missing session\"}"));
        assertThatThrownBy(() -> remote().updateTask(TASK, update()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.GENERIC_INTERNAL_ERROR))
                .hasMessageContaining("worker-1")
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Invalid TaskUpdateRequest JSON: missing session");
        assertThat(worker.received()).hasSize(1);

        worker.then(Answer.of(404, "{\"errorCode\": \"NOT_FOUND\", \"message\": \"Task query_1.1.0 does not exist\"}"));
        assertThatThrownBy(() -> remote().getTaskStatus(TASK))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessageContaining("Task query_1.1.0 does not exist");

        // the worker's task manager threw: its error, with its code
        worker.then(Answer.of(500, "{\"errorCode\": \"EXCEEDED_LOCAL_MEMORY_LIMIT\", \"message\": \"Query exceeded per-node memory limit\", \"type\": \"x\", \"stackTrace\": \"\"}"));
        assertThatThrownBy(() -> remote().updateTask(TASK, update()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT))
                .hasMessageContaining("Query exceeded per-node memory limit");
    }

    @Test
    void testUpdateOfHungNodeTimesOut()
    {
        worker.then(Answer.hanging());
        long start = System.nanoTime();
        assertThatThrownBy(() -> remote().updateTask(TASK, update()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Could not reach worker " + worker.node("worker-1").describe() + " to update task " + TASK)
                .hasMessageContaining("timed out");
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(CONFIG.maxErrorDuration().toMillis(), CONFIG.maxErrorDuration().toMillis() + 1500);
    }

    @Test
    void testLongPollAsksAgainUntilNewer()
            throws Exception
    {
        worker.then(Answer.of(200, statusJson(5, TaskState.RUNNING)))
                .then(Answer.of(503, "busy"))
                .then(Answer.of(200, statusJson(5, TaskState.RUNNING)))
                .then(Answer.of(200, statusJson(6, TaskState.FLUSHING)));
        TaskStatus status = remote().getTaskStatus(TASK, 5).get(10, TimeUnit.SECONDS);
        assertThat(status.version()).isEqualTo(6);
        assertThat(status.state()).isEqualTo(TaskState.FLUSHING);
        List<Received> received = worker.received();
        assertThat(received).hasSize(4);
        assertThat(received).allSatisfy(request -> {
            assertThat(request.path()).isEqualTo("/v1/task/" + TASK + "/status");
            assertThat(request.headers().get("currentVersion")).isEqualTo("5");
        });
        assertThat(received.get(0).headers().get("maxWait")).isEqualTo("200ms");
        // after a failure it only checks the node is alive, then waits again
        assertThat(received.get(2).headers().get("maxWait")).isEqualTo("0ms");
        assertThat(received.get(3).headers().get("maxWait")).isEqualTo("200ms");

        // a done task completes the poll even without a newer version
        worker.then(Answer.of(200, statusJson(6, TaskState.FAILED)));
        assertThat(remote().getTaskStatus(TASK, 6).get(10, TimeUnit.SECONDS).state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void testLongPollOfHungNodeFailsNamingTheNode()
    {
        worker.then(Answer.hanging());
        long start = System.nanoTime();
        CompletableFuture<TaskStatus> poll = remote().getTaskStatus(TASK, 0);
        assertThatThrownBy(() -> poll.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Could not reach worker " + worker.node("worker-1").describe() + " to get the status of task " + TASK)
                .hasMessageContaining("timed out");
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // the error time runs from the first attempt, which waited statusMaxWait + requestTimeout
        assertThat(elapsedMillis).isBetween(CONFIG.maxErrorDuration().toMillis(), CONFIG.maxErrorDuration().toMillis() + 1500);
    }

    @Test
    void testUnknownTaskFailsLongPoll()
    {
        worker.then(Answer.of(404, "{\"errorCode\": \"NOT_FOUND\", \"message\": \"Task query_1.1.0 does not exist\"}"));
        assertThatThrownBy(() -> remote().getTaskStatus(TASK, 0).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void testCancelingThePollCancelsTheRequest()
            throws Exception
    {
        worker.then(Answer.hanging());
        CompletableFuture<TaskStatus> poll = remote().getTaskStatus(TASK, 0);
        waitForRequests(1);
        assertThat(poll.cancel(true)).isTrue();
        // no retry follows a canceled poll
        Thread.sleep(CONFIG.statusMaxWait().plus(CONFIG.requestTimeout()).toMillis() + 200);
        assertThat(worker.received()).hasSize(1);
    }

    @Test
    void testAbortOfUnreachableNodeReturnsTheRequestedState()
            throws IOException
    {
        InternalNode gone = new InternalNode("worker-gone", URI.create("http://127.0.0.1:" + freePort()), false);
        TaskManager remote = nodes.taskManager(gone);
        TaskStatus aborted = remote.abortTask(TASK);
        assertThat(aborted.taskId()).isEqualTo(TASK);
        assertThat(aborted.state()).isEqualTo(TaskState.ABORTED);
        assertThat(remote.cancelTask(TASK).state()).isEqualTo(TaskState.CANCELED);

        // a hung node: after the request timeout
        worker.then(Answer.hanging());
        long start = System.nanoTime();
        assertThat(remote().abortTask(TASK).state()).isEqualTo(TaskState.ABORTED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(CONFIG.requestTimeout().toMillis() + 1000);
    }

    @Test
    void testVanishedNodeFailsUpdateAndPoll()
            throws IOException
    {
        InternalNode gone = new InternalNode("worker-gone", URI.create("http://127.0.0.1:" + freePort()), false);
        TaskManager remote = nodes.taskManager(gone);
        assertThatThrownBy(() -> remote.updateTask(TASK, update()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("Could not reach worker worker-gone (" + gone.uri() + ") to update task " + TASK)
                .hasMessageContaining("Connection refused");
        assertThatThrownBy(() -> remote.getTaskStatus(TASK, 0).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REMOTE_TASK_ERROR))
                .hasMessageContaining("worker-gone (" + gone.uri() + ")");
    }

    @Test
    void testResultsAreReadWithTheExchangeClient()
    {
        assertThatThrownBy(() -> remote().getTaskResults(TASK, new OutputBufferId(0), 0, 1000))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("HttpExchangeClient")
                .hasMessageContaining("/v1/task/" + TASK + "/results/0");
    }

    @Test
    void testNodeTaskManagers()
    {
        TaskManager local = new UnusedTaskManager();
        try (HttpNodeTaskManagers managers = new HttpNodeTaskManagers("coordinator", local, CONFIG)) {
            assertThat(managers.taskManager(new InternalNode("coordinator", URI.create("http://127.0.0.1:8080"), false))).isSameAs(local);
            InternalNode worker = new InternalNode("worker-1", URI.create("http://127.0.0.1:9001"), false);
            TaskManager remote = managers.taskManager(worker);
            assertThat(remote).isInstanceOf(HttpTaskManager.class);
            assertThat(((HttpTaskManager) remote).node()).isEqualTo(worker);
            assertThat(managers.taskManager(worker)).isSameAs(remote);
            // the same id at another address is another node (it restarted elsewhere)
            assertThat(managers.taskManager(new InternalNode("worker-1", URI.create("http://127.0.0.1:9002"), false))).isNotSameAs(remote);
            assertThat(managers.httpClient().dispatcher().getMaxRequestsPerHost()).isGreaterThanOrEqualTo(1000);
            managers.close();
            assertThatThrownBy(() -> managers.taskManager(new InternalNode("worker-3", URI.create("http://127.0.0.1:9003"), false)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private TaskManager remote()
    {
        return nodes.taskManager(worker.node("worker-1"));
    }

    private void waitForRequests(int count)
            throws InterruptedException
    {
        for (int i = 0; i < 500 && worker.received().size() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(worker.received()).hasSizeGreaterThanOrEqualTo(count);
    }

    private static TaskUpdateRequest update()
    {
        return UPDATE;
    }

    private static String statusJson(long version, TaskState state)
    {
        return PlanJson.toJson(new TaskStatus(TASK, "instance-1", version, state, List.of(), TaskStatistics.EMPTY));
    }

    /** A port nothing listens on: connecting is refused at once, as to a node whose process died. */
    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
