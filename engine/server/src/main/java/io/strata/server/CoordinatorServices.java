package io.strata.server;

import io.strata.core.execution.QueryEngine;
import io.strata.core.metadata.CatalogManager;
import io.strata.server.config.ServerConfig;
import io.strata.server.http.HttpServer;
import io.strata.server.http.HttpServerOptions;
import io.strata.server.http.JsonCodec;
import io.strata.server.http.Router;
import io.strata.server.info.InfoResource;
import io.strata.server.protocol.StatementResource;
import io.strata.server.query.QueryIdGenerator;
import io.strata.server.task.TaskResource;

import java.io.Closeable;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The coordinator's composition root: plain constructors, called by the launcher's {@code main} and by the
 * tests alike. {@link #start} creates, in order, the catalogs, the query engine, the protocol executor and
 * timer, the statement and info resources, and the HTTP server; {@link #close()} stops them in reverse.
 */
public final class CoordinatorServices
        implements Closeable
{
    private static final System.Logger LOG = System.getLogger(CoordinatorServices.class.getName());
    private static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofMinutes(5);

    private final ServerConfig config;
    private final CatalogManager catalogManager;
    private final QueryEngine queryEngine;
    private final StatementResource statementResource;
    private final InfoResource infoResource;
    private final URI baseUri;
    // everything to stop, the last started first
    private final Deque<Closeable> closeables;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CoordinatorServices(
            ServerConfig config,
            CatalogManager catalogManager,
            QueryEngine queryEngine,
            StatementResource statementResource,
            InfoResource infoResource,
            HttpServer httpServer,
            Deque<Closeable> closeables)
    {
        this.config = config;
        this.catalogManager = catalogManager;
        this.queryEngine = queryEngine;
        this.statementResource = statementResource;
        this.infoResource = infoResource;
        this.closeables = closeables;
        this.baseUri = URI.create("http://" + uriHost(config.httpHost()) + ":" + httpServer.address().getPort());
    }

    /**
     * Starts a coordinator with the real SQL engine.
     *
     * @param catalogs catalog name to its properties, e.g. {@code {"tpch": {"connector.name": "tpch"}}}
     * @throws IllegalArgumentException for a bad catalog
     * @throws IllegalStateException if the HTTP port cannot be bound
     */
    public static CoordinatorServices start(ServerConfig config, Map<String, Map<String, String>> catalogs)
    {
        return start(config, catalogs, new SqlEngineFactory());
    }

    /** Starts a coordinator whose engine {@code engineFactory} creates; tests pass a scripted engine. */
    public static CoordinatorServices start(ServerConfig config, Map<String, Map<String, String>> catalogs, QueryEngineFactory engineFactory)
    {
        requireNonNull(config, "config is null");
        requireNonNull(catalogs, "catalogs is null");
        requireNonNull(engineFactory, "engineFactory is null");
        Deque<Closeable> closeables = new ArrayDeque<>();
        try {
            CatalogManager catalogManager = new CatalogManager();
            closeables.push(catalogManager::shutdown);
            for (Map.Entry<String, Map<String, String>> catalog : new TreeMap<>(catalogs).entrySet()) {
                catalogManager.createCatalog(catalog.getKey(), catalog.getValue());
            }

            QueryEngine queryEngine = requireNonNull(engineFactory.create(config, catalogManager), "engine factory returned null");
            if (queryEngine instanceof AutoCloseable closeableEngine) {
                closeables.push(() -> closeQuietly(closeableEngine));
            }

            ExecutorService protocolExecutor = Executors.newFixedThreadPool(config.protocolThreads(), daemonThreads("strata-protocol"));
            closeables.push(() -> shutdown(protocolExecutor));
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("strata-protocol-timer"));
            closeables.push(() -> shutdown(timer));

            JsonCodec json = new JsonCodec(JsonCodec.createObjectMapper());
            StatementResource statementResource = new StatementResource(
                    queryEngine,
                    new QueryIdGenerator(config.coordinatorId(), Clock.systemUTC()),
                    config.clientTimeout(),
                    config.minExpireAge(),
                    config.maxHistory(),
                    config.maxQueryLength(),
                    protocolExecutor,
                    timer,
                    json,
                    Clock.systemUTC(),
                    System::nanoTime);
            closeables.push(statementResource);
            catalogManager.setRuntimeQueries(statementResource.runtimeQueries());
            InfoResource infoResource = new InfoResource(InfoResource.buildVersion(), config.environment(), config.coordinatorId(), json, System::nanoTime);
            closeables.push(infoResource::markShuttingDown);

            Router router = new Router();
            statementResource.register(router);
            infoResource.register(router);
            if (queryEngine instanceof TaskManagerOwner owner) {
                new TaskResource(owner.taskManager(), protocolExecutor, timer).register(router);
            }
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

            infoResource.markActive();
            return new CoordinatorServices(config, catalogManager, queryEngine, statementResource, infoResource, httpServer, closeables);
        }
        catch (RuntimeException | Error e) {
            closeAll(closeables);
            throw e;
        }
    }

    /**
     * WIRING POINT for the SQL engine: once {@code io.strata.core.execution.SqlQueryEngine} exists, this
     * returns {@code new SqlQueryEngine(...)} over {@code catalogManager} (its front end
     * {@code SqlStatementPlanner}, {@code task.max-worker-threads} driver threads and
     * {@code query.max-memory-per-node}). Until then every statement fails with {@code NOT_SUPPORTED}.
     */
    public ServerConfig config()
    {
        return config;
    }

    public CatalogManager catalogManager()
    {
        return catalogManager;
    }

    public QueryEngine queryEngine()
    {
        return queryEngine;
    }

    public StatementResource statementResource()
    {
        return statementResource;
    }

    public InfoResource infoResource()
    {
        return infoResource;
    }

    /** Where clients reach this coordinator, e.g. {@code http://127.0.0.1:8080} (a wildcard bind gives 127.0.0.1). */
    public URI baseUri()
    {
        return baseUri;
    }

    /** Stops serving, fails running queries, stops the threads, the engine and the connectors. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        infoResource.markShuttingDown();
        closeAll(closeables);
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

    @Override
    public String toString()
    {
        return "CoordinatorServices{" + baseUri + ", " + statementResource.trackedQueries() + " queries}";
    }
}
