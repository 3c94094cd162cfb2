package io.strata.server.node;

import com.sun.net.httpserver.HttpServer;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeState;
import io.strata.core.node.NodeStatus;
import io.strata.server.CoordinatorServices;
import io.strata.server.TestingNodes;
import io.strata.server.WorkerServices;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HttpNodeManager} against real workers on loopback ({@link WorkerServices} in this JVM) and, for answers a
 * worker never gives (500, garbage, a coordinator), a scripted JDK HTTP server. Waits poll with a generous deadline;
 * no assertion depends on a sleep.
 */
@Timeout(120)
final class TestHttpNodeManager
{
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final InternalNode COORDINATOR = new InternalNode("coordinator-1", URI.create("http://127.0.0.1:8080"), true);

    private final OkHttpClient httpClient = new OkHttpClient();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll()
            throws Exception
    {
        for (int index = closeables.size() - 1; index >= 0; index--) {
            closeables.get(index).close();
        }
        httpClient.dispatcher().executorService().shutdownNow();
        httpClient.connectionPool().evictAll();
    }

    @Test
    void testTwoWorkersStoppedAndBack()
    {
        WorkerServices second = startWorker("worker-b", 0);
        WorkerServices first = startWorker("worker-a", 0);
        HttpNodeManager manager = manager(List.of(second.baseUri(), first.baseUri()), false, Duration.ofMillis(100), 3);

        // sorted by the node ids the workers report, not by the configured order
        await(() -> manager.schedulableNodes().size() == 2);
        assertThat(manager.schedulableNodes()).containsExactly(
                new InternalNode("worker-a", first.baseUri(), false),
                new InternalNode("worker-b", second.baseUri(), false));
        assertThat(manager.currentNode()).isEqualTo(COORDINATOR);

        int port = second.baseUri().getPort();
        second.close();
        await(() -> manager.schedulableNodes().size() == 1);
        assertThat(manager.schedulableNodes()).containsExactly(new InternalNode("worker-a", first.baseUri(), false));
        NodeStatus stopped = status(manager, second.baseUri());
        assertThat(stopped.state()).isEqualTo(NodeState.UNREACHABLE);
        assertThat(stopped.node().nodeId()).isEqualTo("worker-b");
        assertThat(stopped.lastSeen()).isPresent();

        // a worker on that port again: ACTIVE again, under the id it reports now
        startWorker("worker-c", port);
        await(() -> manager.schedulableNodes().size() == 2);
        assertThat(manager.schedulableNodes()).containsExactly(
                new InternalNode("worker-a", first.baseUri(), false),
                new InternalNode("worker-c", second.baseUri(), false));
    }

    @Test
    void testUnreachableAfterTheConfiguredNumberOfFailedChecks()
            throws IOException
    {
        ScriptedWorker peer = new ScriptedWorker();
        HttpNodeManager manager = manager(List.of(peer.uri()), false, Duration.ofMillis(50), 3);
        peer.observe(manager);
        await(() -> manager.schedulableNodes().size() == 1);

        // each check is sent after the answer to the one before was taken in: what the manager says when a check
        // arrives reflects every earlier answer
        int before = peer.answer(500, "boom");
        await(() -> peer.requests() >= before + 4);
        List<Integer> schedulable = peer.schedulableAtArrival().subList(before, before + 4);
        // arrivals after 0, 1, 2 failed answers: still ACTIVE; after 3: UNREACHABLE
        assertThat(schedulable).containsExactly(1, 1, 1, 0);
        assertThat(status(manager, peer.uri()).state()).isEqualTo(NodeState.UNREACHABLE);

        peer.answer(200, workerInfo("peer-1", "test", false));
        await(() -> manager.schedulableNodes().size() == 1);
        assertThat(manager.schedulableNodes().get(0).nodeId()).isEqualTo("peer-1");
    }

    @Test
    void testAnswersThatAreNoLiveWorker()
            throws IOException
    {
        ScriptedWorker peer = new ScriptedWorker();
        int first = peer.answer(200, "garbage");
        HttpNodeManager manager = manager(List.of(peer.uri()), false, Duration.ofMillis(50), 1);
        // two arrivals: the first answer has been taken in
        await(() -> peer.requests() >= first + 2);
        NodeStatus neverAnswered = status(manager, peer.uri());
        assertThat(neverAnswered.state()).isEqualTo(NodeState.UNREACHABLE);
        // never answered as a worker: the provisional id is the configured URI
        assertThat(neverAnswered.node().nodeId()).isEqualTo(peer.uri().toString());
        assertThat(neverAnswered.lastSeen()).isEmpty();

        List<String> bodies = List.of(
                "garbage",
                "{\"nodeVersion\": {\"version\": \"1.0.0\"}}",
                workerInfo("peer-1", "production", false),
                workerInfo("peer-1", "test", true),
                workerInfo("peer-1", "test", false).replace("ACTIVE", "STARTING"),
                workerInfo("", "test", false));
        for (String body : bodies) {
            peer.answer(200, workerInfo("peer-1", "test", false));
            await(() -> manager.schedulableNodes().size() == 1);
            int before = peer.answer(200, body);
            await(() -> peer.requests() >= before + 2);
            assertThat(manager.schedulableNodes()).as(body).isEmpty();
            assertThat(status(manager, peer.uri()).state()).as(body).isEqualTo(NodeState.UNREACHABLE);
        }
    }

    @Test
    void testReportUnreachableTakesEffectAtOnce()
    {
        WorkerServices worker = startWorker("worker-1", 0);
        // one check at start, then none for an hour: only the report can change the state
        HttpNodeManager manager = manager(List.of(worker.baseUri()), false, Duration.ofHours(1), 3);
        await(() -> manager.schedulableNodes().size() == 1);
        InternalNode node = manager.schedulableNodes().get(0);

        manager.reportUnreachable(node);
        assertThat(manager.schedulableNodes()).isEmpty();
        assertThat(status(manager, worker.baseUri()).state()).isEqualTo(NodeState.UNREACHABLE);
        // the coordinator itself and nodes it does not know are no workers to drop
        manager.reportUnreachable(COORDINATOR);
        manager.reportUnreachable(new InternalNode("stranger", URI.create("http://127.0.0.1:1"), false));
        assertThat(manager.allNodes()).hasSize(2);
    }

    @Test
    void testIncludeCoordinator()
    {
        WorkerServices worker = startWorker("worker-1", 0);
        HttpNodeManager included = manager(List.of(worker.baseUri()), true, Duration.ofMillis(100), 3);
        await(() -> included.schedulableNodes().size() == 2);
        assertThat(included.schedulableNodes()).containsExactly(COORDINATOR, new InternalNode("worker-1", worker.baseUri(), false));

        HttpNodeManager excluded = manager(List.of(worker.baseUri()), false, Duration.ofMillis(100), 3);
        await(() -> !excluded.schedulableNodes().isEmpty());
        assertThat(excluded.schedulableNodes()).containsExactly(new InternalNode("worker-1", worker.baseUri(), false));
    }

    @Test
    void testNoActiveWorkers()
            throws IOException
    {
        URI nobody = URI.create("http://127.0.0.1:" + freePort());
        // workers configured, none active: the coordinator only when it is included
        assertThat(manager(List.of(nobody), false, Duration.ofMillis(100), 3).schedulableNodes()).isEmpty();
        assertThat(manager(List.of(nobody), true, Duration.ofMillis(100), 3).schedulableNodes()).containsExactly(COORDINATOR);
        // no workers configured: the coordinator runs everything, whatever include-coordinator says
        HttpNodeManager alone = manager(List.of(), false, Duration.ofMillis(100), 3);
        assertThat(alone.schedulableNodes()).containsExactly(COORDINATOR);
        assertThat(alone.allNodes()).extracting(NodeStatus::node).containsExactly(COORDINATOR);
    }

    @Test
    void testCoordinatorWiring()
    {
        WorkerServices worker = startWorker("worker-1", 0);
        try (CoordinatorServices alone = CoordinatorServices.start(TestingNodes.coordinatorConfig("coordinator-1", Map.of()), Map.of())) {
            // no workers: this coordinator, under its bound port
            assertThat(alone.nodeManager().orElseThrow().schedulableNodes()).containsExactly(new InternalNode("coordinator-1", alone.baseUri(), true));
        }
        Map<String, String> withWorker = Map.of(
                "node-scheduler.workers", worker.baseUri().toString(),
                "node-scheduler.include-coordinator", "false",
                "node-scheduler.liveness-interval", "100ms");
        try (CoordinatorServices coordinator = CoordinatorServices.start(TestingNodes.coordinatorConfig("coordinator-1", withWorker), Map.of())) {
            // the coordinator started after the first check of its worker answered
            assertThat(coordinator.nodeManager().orElseThrow().schedulableNodes()).containsExactly(new InternalNode("worker-1", worker.baseUri(), false));
            assertThat(coordinator.nodeManager().orElseThrow().currentNode()).isEqualTo(new InternalNode("coordinator-1", coordinator.baseUri(), true));
        }
    }

    private HttpNodeManager manager(List<URI> workers, boolean includeCoordinator, Duration interval, int failures)
    {
        HttpNodeManager manager = HttpNodeManager.start(() -> COORDINATOR, "test", workers, includeCoordinator, interval, failures, httpClient);
        closeables.add(manager);
        return manager;
    }

    private WorkerServices startWorker(String nodeId, int port)
    {
        WorkerServices worker = WorkerServices.start(TestingNodes.workerConfig(nodeId, port), Map.of());
        closeables.add(worker);
        return worker;
    }

    private static NodeStatus status(HttpNodeManager manager, URI worker)
    {
        return manager.allNodes().stream()
                .filter(status -> status.node().uri().equals(worker))
                .findFirst()
                .orElseThrow();
    }

    private static String workerInfo(String nodeId, String environment, boolean coordinator)
    {
        return "{\"nodeVersion\": {\"version\": \"0.1.0\"}, \"environment\": \"" + environment + "\", \"coordinator\": " + coordinator
                + ", \"starting\": false, \"uptime\": \"1.00s\", \"nodeId\": \"" + nodeId + "\", \"state\": \"ACTIVE\"}";
    }

    private static void await(BooleanSupplier condition)
    {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition still false after %s", DEADLINE).isLessThan(deadline);
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A peer at {@code /v1/info} answering what the test scripts; it records, for each request, how many nodes the
     * manager it observes found schedulable when the request arrived.
     */
    private final class ScriptedWorker
            implements AutoCloseable
    {
        private final HttpServer server;
        // guarded by this
        private int status = 200;
        private String body = workerInfo("peer-1", "test", false);
        private final List<Integer> schedulableAtArrival = new ArrayList<>();
        private HttpNodeManager observed;

        ScriptedWorker()
                throws IOException
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/info", exchange -> {
                int answerStatus;
                byte[] bytes;
                synchronized (this) {
                    schedulableAtArrival.add(observed == null ? -1 : observed.schedulableNodes().size());
                    answerStatus = status;
                    bytes = body.getBytes(UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answerStatus, bytes.length);
                try (OutputStream output = exchange.getResponseBody()) {
                    output.write(bytes);
                }
            });
            server.start();
            closeables.add(this);
        }

        URI uri()
        {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        synchronized void observe(HttpNodeManager manager)
        {
            observed = manager;
        }

        /** Answers every later request so; returns the number of requests so far, all answered the old way. */
        synchronized int answer(int newStatus, String newBody)
        {
            status = newStatus;
            body = newBody;
            return schedulableAtArrival.size();
        }

        synchronized int requests()
        {
            return schedulableAtArrival.size();
        }

        synchronized List<Integer> schedulableAtArrival()
        {
            return List.copyOf(schedulableAtArrival);
        }

        @Override
        public void close()
        {
            server.stop(0);
        }
    }
}
