package io.strata.bench;

import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.server.http.HttpServer;
import io.strata.server.http.HttpServerOptions;
import io.strata.server.http.Router;
import io.strata.server.task.TaskResource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A node that serves only the task API, wired as a worker wires it ({@link SqlTaskManager} behind {@link TaskResource}
 * on the Netty {@link HttpServer}) but with the task manager's configuration given as properties, so that a benchmark
 * can set what a worker's server configuration does not expose (the output buffer's size, {@code sink.max-buffer-size}).
 */
final class ProducerNode
        implements AutoCloseable
{
    private final CatalogManager catalogManager;
    private final SqlTaskManager taskManager;
    private final ExecutorService protocolExecutor;
    private final ScheduledExecutorService timer;
    private final HttpServer httpServer;

    /**
     * @param taskProperties {@link TaskManagerConfig#fromProperties} properties
     * @param threads the HTTP event loops and the task API's threads
     */
    ProducerNode(Map<String, Map<String, String>> catalogs, Map<String, String> taskProperties, int threads)
    {
        catalogManager = new CatalogManager();
        catalogs.forEach(catalogManager::createCatalog);
        taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.fromProperties(taskProperties));
        protocolExecutor = Executors.newFixedThreadPool(threads);
        timer = Executors.newSingleThreadScheduledExecutor();
        Router router = new Router();
        // pages as a node sends them by default (exchange.compression-codec=NONE)
        new TaskResource(taskManager, protocolExecutor, timer, CompressionCodec.NONE).register(router);
        httpServer = HttpServer.start(new HttpServerOptions("127.0.0.1", 0, threads, 16 << 20, 1 << 20, Duration.ofMinutes(1)), router);
    }

    CatalogManager catalogManager()
    {
        return catalogManager;
    }

    SqlTaskManager taskManager()
    {
        return taskManager;
    }

    URI baseUri()
    {
        return URI.create("http://127.0.0.1:" + httpServer.address().getPort());
    }

    @Override
    public void close()
    {
        httpServer.close();
        protocolExecutor.shutdownNow();
        timer.shutdownNow();
        taskManager.close();
        catalogManager.shutdown();
    }
}
