package io.strata.core.execution.remote;

import io.strata.core.execution.task.TaskManager;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeTaskManagers;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * The task API of every node for the coordinator's scheduler: this node's own task manager for this node, and an
 * {@link HttpTaskManager} for each other node (one per node id and URI, made on first use and kept). Owns the
 * {@link OkHttpClient} they share and closes it.
 */
public final class HttpNodeTaskManagers
        implements NodeTaskManagers, AutoCloseable
{
    /**
     * Every remote task has a status long poll open, and downstream tasks' exchange clients may share this client:
     * the dispatcher must not make them queue behind each other.
     */
    public static final int MAX_REQUESTS = 4096;
    public static final int MAX_REQUESTS_PER_HOST = 2048;

    private final String localNodeId;
    private final TaskManager localTaskManager;
    private final HttpTaskManagerConfig config;
    private final OkHttpClient httpClient;
    private final Map<NodeKey, HttpTaskManager> remoteTaskManagers = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param localNodeId this node's id: a node of that id is this one (its URI may be known only once the server
     * listens)
     */
    public HttpNodeTaskManagers(String localNodeId, TaskManager localTaskManager, HttpTaskManagerConfig config)
    {
        this.localNodeId = requireNonNull(localNodeId, "localNodeId is null");
        this.localTaskManager = requireNonNull(localTaskManager, "localTaskManager is null");
        this.config = requireNonNull(config, "config is null");
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_REQUESTS);
        dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
        this.httpClient = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // a long poll per task keeps many connections busy at once; keep enough of them for reuse
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
    }

    @Override
    public TaskManager taskManager(InternalNode node)
    {
        requireNonNull(node, "node is null");
        if (node.nodeId().equals(localNodeId)) {
            return localTaskManager;
        }
        if (closed.get()) {
            throw new IllegalStateException("The node task managers are closed; no task manager for " + node.describe());
        }
        return remoteTaskManagers.computeIfAbsent(new NodeKey(node.nodeId(), node.uri()), key -> new HttpTaskManager(node, httpClient, config));
    }

    /** The client the remote task managers share, for other clients of the same nodes (e.g. exchange clients). */
    public OkHttpClient httpClient()
    {
        return httpClient;
    }

    /** Cancels the requests in flight (their futures fail) and frees the client's threads and connections. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        httpClient.dispatcher().cancelAll();
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
    }

    private record NodeKey(String nodeId, URI uri) {}
}
