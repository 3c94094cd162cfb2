package io.strata.server;

import io.strata.core.execution.task.TaskManager;
import io.strata.core.metadata.CatalogManager;
import io.strata.server.config.ServerConfig;
import io.strata.server.config.ServerConfig.NodeRole;
import io.strata.server.http.HttpServer;
import io.strata.server.http.HttpServerOptions;
import io.strata.server.http.JsonCodec;
import io.strata.server.http.Router;
import io.strata.server.info.InfoResource;
import io.strata.server.task.TaskResource;

import java.io.Closeable;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * What every node runs, whatever its role: its catalogs, the protocol executor and timer, {@code /v1/info},
 * the task API ({@code /v1/task}) over the node's task manager, and the HTTP server. A role's composition root
 * ({@link CoordinatorServices}, {@link WorkerServices}) takes a {@link Builder}, adds its own parts and routes,
 * and calls {@link Builder#start()}; {@link #close()} stops everything in the reverse order of creation.
 */
final class NodeServer
        implements Closeable
{
    private static final System.Logger LOG = System.getLogger(NodeServer.class.getName());
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(5);

    private final ServerConfig config;
    private final CatalogManager catalogManager;
    private final InfoResource infoResource;
    private final URI baseUri;
    // everything to stop, the last started first
    private final Deque<Closeable> closeables;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NodeServer(ServerConfig config, CatalogManager catalogManager, InfoResource infoResource, URI baseUri, Deque<Closeable> closeables)
    {
        this.config = config;
        this.catalogManager = catalogManager;
        this.infoResource = infoResource;
        this.baseUri = baseUri;
        this.closeables = closeables;
    }

    /**
     * Creates the catalogs, the protocol threads and the router; closes what it created if a catalog fails.
     *
     * @param catalogs catalog name to its properties, e.g. {@code {"tpch": {"connector.name": "tpch"}}}
     * @throws IllegalArgumentException for a bad catalog
     */
    static Builder builder(ServerConfig config, Map<String, Map<String, String>> catalogs)
    {
        return new Builder(config, catalogs);
    }

    ServerConfig config()
    {
        return config;
    }

    CatalogManager catalogManager()
    {
        return catalogManager;
    }

    InfoResource infoResource()
    {
        return infoResource;
    }

    URI baseUri()
    {
        return baseUri;
    }

    /** Reports SHUTTING_DOWN, then stops serving, the threads and the connectors. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        infoResource.markShuttingDown();
        closeAll(closeables);
    }

    /**
     * A node being put together. Every part added is closed by the node's {@link #close()}, or by
     * {@link #abort()} when the role's wiring fails before {@link #start()}.
     */
    static final class Builder
    {
        private final ServerConfig config;
        private final Deque<Closeable> closeables = new ArrayDeque<>();
        private final CatalogManager catalogManager;
        private final ExecutorService protocolExecutor;
        private final ScheduledExecutorService timer;
        private final JsonCodec json = new JsonCodec(JsonCodec.createObjectMapper());
        private final Router router = new Router();
        private final AtomicReference<URI> boundUri = new AtomicReference<>();
        private Optional<TaskManager> taskManager = Optional.empty();

        private Builder(ServerConfig config, Map<String, Map<String, String>> catalogs)
        {
            this.config = requireNonNull(config, "config is null");
            requireNonNull(catalogs, "catalogs is null");
            try {
                catalogManager = new CatalogManager();
                closeables.push(catalogManager::shutdown);
                for (Map.Entry<String, Map<String, String>> catalog : new TreeMap<>(catalogs).entrySet()) {
                    catalogManager.createCatalog(catalog.getKey(), catalog.getValue());
                }
                protocolExecutor = Executors.newFixedThreadPool(config.protocolThreads(), daemonThreads("strata-protocol"));
                closeables.push(() -> shutdown(protocolExecutor));
                timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("strata-protocol-timer"));
                closeables.push(() -> shutdown(timer));
            }
            catch (RuntimeException | Error e) {
                abort();
                throw e;
            }
        }

        ServerConfig config()
        {
            return config;
        }

        CatalogManager catalogManager()
        {
            return catalogManager;
        }

        /** Runs engine calls and builds responses, never on an event loop. */
        ExecutorService protocolExecutor()
        {
            return protocolExecutor;
        }

        /** Ends long polls and sweeps expired state. */
        ScheduledExecutorService timer()
        {
            return timer;
        }

        JsonCodec json()
        {
            return json;
        }

        /** Where the role registers its routes; {@code /v1/info} and {@code /v1/task} are added by {@link #start()}. */
        Router router()
        {
            return router;
        }

        /**
         * This node's base URI, {@code http://host:port} (a wildcard bind gives 127.0.0.1). The port may be chosen
         * when the server binds ({@code http-server.http.port=0}), so this is known only after {@link #start()}.
         *
         * @throws IllegalStateException before the server is bound
         */
        URI baseUri()
        {
            URI uri = boundUri.get();
            if (uri == null) {
                throw new IllegalStateException("the HTTP server of node " + config.nodeId() + " is not bound yet");
            }
            return uri;
        }

        /** Serves this task manager's task API on {@code /v1/task}. */
        Builder serveTasks(TaskManager taskManager)
        {
            this.taskManager = Optional.of(requireNonNull(taskManager, "taskManager is null"));
            return this;
        }

        /** Closes {@code closeable} when the node stops, before everything added earlier. */
        Builder closeOnStop(AutoCloseable closeable)
        {
            requireNonNull(closeable, "closeable is null");
            closeables.push(() -> closeQuietly(closeable));
            return this;
        }

        /**
         * Adds {@code /v1/info} and the task API, starts the HTTP server and reports ACTIVE.
         *
         * @throws IllegalStateException if the HTTP port cannot be bound
         */
        NodeServer start()
        {
            InfoResource infoResource = new InfoResource(
                    InfoResource.buildVersion(),
                    config.environment(),
                    config.nodeId(),
                    config.role() == NodeRole.COORDINATOR ? Optional.of(config.coordinatorId()) : Optional.empty(),
                    json,
                    System::nanoTime);
            closeables.push(infoResource::markShuttingDown);
            infoResource.register(router);
            taskManager.ifPresent(tasks -> new TaskResource(tasks, protocolExecutor, timer, config.exchangeCompressionCodec()).register(router));
            HttpServer httpServer = HttpServer.start(
                    new HttpServerOptions(
                            config.httpHost(),
                            config.httpPort(),
                            config.httpThreads(),
                            config.maxRequestSize().toIntBytes(),
                            config.maxRequestHeaderSize().toIntBytes(),
                            IDLE_CONNECTION_TIMEOUT),
                    router);
            closeables.push(httpServer);
            URI uri = URI.create("http://" + uriHost(config.httpHost()) + ":" + httpServer.address().getPort());
            boundUri.set(uri);
            infoResource.markActive();
            return new NodeServer(config, catalogManager, infoResource, uri, closeables);
        }

        /** Closes everything added so far: the role's wiring failed. */
        void abort()
        {
            closeAll(closeables);
        }
    }

    private static void closeAll(Deque<Closeable> closeables)
    {
        while (!closeables.isEmpty()) {
            Closeable closeable = closeables.pop();
            try {
                closeable.close();
            }
            catch (Exception e) {
                LOG.log(WARNING, "closing " + closeable + " failed", e);
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable)
    {
        try {
            closeable.close();
        }
        catch (Exception e) {
            LOG.log(WARNING, "closing " + closeable + " failed", e);
        }
    }

    private static void shutdown(ExecutorService executor)
    {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix)
    {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String uriHost(String bindHost)
    {
        try {
            InetAddress address = InetAddress.getByName(bindHost);
            if (address.isAnyLocalAddress()) {
                return "127.0.0.1";
            }
        }
        catch (UnknownHostException e) {
            return bindHost;
        }
        return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }
}
