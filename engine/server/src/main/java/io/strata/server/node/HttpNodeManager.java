package io.strata.server.node;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeState;
import io.strata.core.node.NodeStatus;
import io.strata.protocol.ServerInfo;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * A coordinator's static list of workers ({@code node-scheduler.workers}) with a liveness check: every
 * {@code node-scheduler.liveness-interval} a daemon thread sends each worker {@code GET /v1/info} (at most one check
 * in flight per worker, on one shared {@link OkHttpClient} with a short timeout).
 * <ul>
 * <li>A check <b>succeeds</b> when the worker answers 200 with a {@link ServerInfo} of this coordinator's
 * environment that says it is not a coordinator, not starting, and (if it says) ACTIVE. The worker is then ACTIVE,
 * and its node id is the answer's {@code nodeId}.
 * <li>A check <b>fails</b> on anything else: no connection, a timeout, another status, a body that is no
 * {@code ServerInfo}, another environment, a coordinator. After {@code node-scheduler.liveness-failures} failures in
 * a row the worker is UNREACHABLE; a worker that says it is SHUTTING_DOWN is UNREACHABLE at once.
 * <li>{@link #reportUnreachable} (a query's request to the worker failed) makes it UNREACHABLE at once; the next
 * successful check makes it ACTIVE again.
 * </ul>
 * Until a worker first answers, it is UNREACHABLE and its node id is <b>provisional</b>: its base URI as written in
 * the configuration ({@code http://127.0.0.1:9001}), which no real node id can equal (node ids have no {@code :} or
 * {@code /}). Such a node is never schedulable, so a task never goes to a provisional id; it shows in
 * {@link #allNodes()} only.
 * <p>
 * This coordinator's own node comes from a supplier: its HTTP port may be chosen only when its server binds.
 */
public final class HttpNodeManager
        implements NodeManager, AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(HttpNodeManager.class.getName());
    private static final Duration MIN_CHECK_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_CHECK_TIMEOUT = Duration.ofSeconds(5);
    private static final String ACTIVE = "ACTIVE";
    private static final String SHUTTING_DOWN = "SHUTTING_DOWN";

    private final Supplier<InternalNode> coordinator;
    private final String environment;
    private final boolean includeCoordinator;
    private final Duration livenessInterval;
    private final int livenessFailures;
    private final OkHttpClient httpClient;
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean closed = new AtomicBoolean();
    // counts down once per worker, when its first check has answered or failed
    private final CountDownLatch firstChecks;
    private final Object lock = new Object();
    // in the configured order, fixed after construction; the fields of each Worker are guarded by lock
    private final Map<URI, Worker> workers = new LinkedHashMap<>();

    /**
     * A node manager that checks the workers from now on.
     *
     * @param coordinator this coordinator's node; called when {@link #currentNode()} is needed, never here
     * @param environment {@code node.environment}: a worker of another environment is never ACTIVE
     * @param workers the workers' base URIs, {@code http://host:port}
     * @param includeCoordinator whether this coordinator runs tasks beside the workers
     * @param livenessInterval the time between the end of one round of checks and the start of the next
     * @param livenessFailures failed checks in a row that make a worker UNREACHABLE
     * @param httpClient the process's client; checks share its connection pool and threads with shorter timeouts
     */
    public static HttpNodeManager start(
            Supplier<InternalNode> coordinator,
            String environment,
            List<URI> workers,
            boolean includeCoordinator,
            Duration livenessInterval,
            int livenessFailures,
            OkHttpClient httpClient)
    {
        HttpNodeManager manager = new HttpNodeManager(coordinator, environment, workers, includeCoordinator, livenessInterval, livenessFailures, httpClient);
        if (!manager.workers.isEmpty()) {
            manager.scheduler.scheduleWithFixedDelay(manager::checkAll, 0, manager.livenessInterval.toNanos(), TimeUnit.NANOSECONDS);
        }
        return manager;
    }

    private HttpNodeManager(
            Supplier<InternalNode> coordinator,
            String environment,
            List<URI> workers,
            boolean includeCoordinator,
            Duration livenessInterval,
            int livenessFailures,
            OkHttpClient httpClient)
    {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.includeCoordinator = includeCoordinator;
        requireNonNull(livenessInterval, "livenessInterval is null");
        if (livenessInterval.isNegative() || livenessInterval.isZero()) {
            throw new IllegalArgumentException("livenessInterval must be positive: " + livenessInterval);
        }
        if (livenessFailures < 1) {
            throw new IllegalArgumentException("livenessFailures must be at least 1: " + livenessFailures);
        }
        this.livenessInterval = livenessInterval;
        this.livenessFailures = livenessFailures;
        Duration checkTimeout = clamp(livenessInterval, MIN_CHECK_TIMEOUT, MAX_CHECK_TIMEOUT);
        this.httpClient = requireNonNull(httpClient, "httpClient is null").newBuilder()
                .connectTimeout(checkTimeout)
                .readTimeout(checkTimeout)
                .callTimeout(checkTimeout)
                .retryOnConnectionFailure(false)
                .build();
        for (URI uri : requireNonNull(workers, "workers is null")) {
            this.workers.put(uri, new Worker(uri));
        }
        this.firstChecks = new CountDownLatch(this.workers.size());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strata-node-liveness");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Waits until the first check of every worker has answered or failed, at most {@code timeout}: a coordinator
     * that starts serving after this knows which of its workers are up, so its first queries find them.
     *
     * @return whether every first check completed in time
     */
    public boolean awaitFirstChecks(Duration timeout)
            throws InterruptedException
    {
        return firstChecks.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public InternalNode currentNode()
    {
        return requireNonNull(coordinator.get(), "coordinator supplied null");
    }

    @Override
    public List<InternalNode> schedulableNodes()
    {
        List<InternalNode> nodes = new ArrayList<>();
        boolean anyWorkers;
        synchronized (lock) {
            anyWorkers = !workers.isEmpty();
            for (Worker worker : workers.values()) {
                if (worker.state == NodeState.ACTIVE) {
                    nodes.add(worker.node());
                }
            }
        }
        if (includeCoordinator || !anyWorkers) {
            nodes.add(currentNode());
        }
        nodes.sort(Comparator.comparing(InternalNode::nodeId).thenComparing(node -> node.uri().toString()));
        return List.copyOf(nodes);
    }

    /** This coordinator (ACTIVE), then the workers, in the configured order. */
    @Override
    public List<NodeStatus> allNodes()
    {
        List<NodeStatus> nodes = new ArrayList<>();
        nodes.add(new NodeStatus(currentNode(), NodeState.ACTIVE, Optional.of(Instant.now())));
        synchronized (lock) {
            for (Worker worker : workers.values()) {
                nodes.add(new NodeStatus(worker.node(), worker.state, worker.lastSeen));
            }
        }
        return List.copyOf(nodes);
    }

    @Override
    public void reportUnreachable(InternalNode node)
    {
        requireNonNull(node, "node is null");
        synchronized (lock) {
            Worker worker = workers.get(node.uri());
            if (worker == null || worker.state == NodeState.UNREACHABLE) {
                // this coordinator itself, or a node that is no worker of it, or already known
                return;
            }
            worker.state = NodeState.UNREACHABLE;
            worker.failures = livenessFailures;
        }
        LOG.log(WARNING, () -> "Worker " + node.describe() + " is UNREACHABLE: a query's request to it failed");
    }

    /** Stops the checks and cancels those in flight. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        List<Call> calls = new ArrayList<>();
        synchronized (lock) {
            for (Worker worker : workers.values()) {
                worker.call.ifPresent(calls::add);
            }
        }
        calls.forEach(Call::cancel);
    }

    private void checkAll()
    {
        List<Worker> due = new ArrayList<>();
        synchronized (lock) {
            for (Worker worker : workers.values()) {
                if (worker.call.isEmpty()) {
                    due.add(worker);
                }
            }
        }
        for (Worker worker : due) {
            check(worker);
        }
    }

    private void check(Worker worker)
    {
        Call call = httpClient.newCall(new Request.Builder().url(worker.uri.resolve("/v1/info").toString()).header("Accept", "application/json").build());
        synchronized (lock) {
            if (closed.get()) {
                return;
            }
            worker.call = Optional.of(call);
        }
        call.enqueue(new Callback()
        {
            @Override
            public void onResponse(Call call, Response response)
            {
                try (ResponseBody body = response.body()) {
                    if (response.code() != 200) {
                        failed(worker, "it answered /v1/info with HTTP " + response.code(), false);
                        return;
                    }
                    answered(worker, mapper.readValue(body.bytes(), ServerInfo.class));
                }
                catch (IOException | RuntimeException e) {
                    failed(worker, "its /v1/info answer is no ServerInfo: " + e.getMessage(), false);
                }
            }

            @Override
            public void onFailure(Call call, IOException e)
            {
                failed(worker, String.valueOf(e.getMessage()), false);
            }
        });
    }

    private void answered(Worker worker, ServerInfo info)
    {
        if (!info.environment().equals(environment)) {
            failed(worker, "it is of environment " + info.environment() + ", not " + environment, false);
            return;
        }
        if (info.coordinator()) {
            failed(worker, "it is a coordinator, not a worker", false);
            return;
        }
        if (info.state().filter(SHUTTING_DOWN::equals).isPresent()) {
            failed(worker, "it is shutting down", true);
            return;
        }
        if (info.starting() || info.state().filter(state -> !state.equals(ACTIVE)).isPresent()) {
            failed(worker, "it is starting", false);
            return;
        }
        Optional<String> nodeId = info.nodeId().filter(id -> !id.isBlank());
        if (nodeId.isEmpty()) {
            failed(worker, "its /v1/info answer has no nodeId", false);
            return;
        }
        NodeState before;
        boolean first;
        synchronized (lock) {
            first = worker.endCheck();
            before = worker.state;
            worker.nodeId = nodeId;
            worker.state = NodeState.ACTIVE;
            worker.failures = 0;
            worker.lastSeen = Optional.of(Instant.now());
        }
        if (first) {
            firstChecks.countDown();
        }
        if (before != NodeState.ACTIVE) {
            LOG.log(INFO, () -> "Worker " + worker.uri + " is ACTIVE as node " + nodeId.get());
        }
    }

    private void failed(Worker worker, String reason, boolean immediately)
    {
        boolean becameUnreachable;
        boolean first;
        InternalNode node;
        synchronized (lock) {
            first = worker.endCheck();
            worker.failures = immediately ? Math.max(worker.failures, livenessFailures) : worker.failures + 1;
            becameUnreachable = worker.state == NodeState.ACTIVE && worker.failures >= livenessFailures;
            if (becameUnreachable) {
                worker.state = NodeState.UNREACHABLE;
            }
            node = worker.node();
        }
        if (first) {
            firstChecks.countDown();
        }
        if (first && !closed.get()) {
            LOG.log(WARNING, () -> "Worker " + worker.uri + " does not answer as a live worker yet: " + reason);
        }
        if (becameUnreachable && !closed.get()) {
            LOG.log(WARNING, () -> "Worker " + node.describe() + " is UNREACHABLE: " + reason);
        }
    }

    private static Duration clamp(Duration value, Duration min, Duration max)
    {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    @Override
    public String toString()
    {
        return "HttpNodeManager{workers " + workers.keySet() + "}";
    }

    /** What the coordinator knows of one configured worker; every field but {@code uri} is guarded by the manager's lock. */
    private static final class Worker
    {
        private final URI uri;
        private Optional<String> nodeId = Optional.empty();
        private NodeState state = NodeState.UNREACHABLE;
        private int failures;
        private Optional<Instant> lastSeen = Optional.empty();
        private Optional<Call> call = Optional.empty();
        private boolean checked;

        Worker(URI uri)
        {
            this.uri = requireNonNull(uri, "uri is null");
        }

        /** The check in flight has answered or failed; returns whether it was the worker's first. */
        boolean endCheck()
        {
            call = Optional.empty();
            boolean first = !checked;
            checked = true;
            return first;
        }

        InternalNode node()
        {
            return new InternalNode(nodeId.orElse(uri.toString()), uri, false);
        }
    }
}
