package io.strata.server;

import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManager;
import io.strata.protocol.ErrorCode;
import io.strata.server.config.ServerConfig;
import io.strata.server.config.ServerConfig.NodeRole;
import io.strata.server.http.HttpResponse;
import io.strata.server.http.JsonCodec;
import io.strata.server.http.RequestHandler;
import io.strata.server.http.Router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * The worker's composition root: what every node has ({@link NodeServer}: catalogs, protocol threads,
 * {@code /v1/info}, the HTTP server) and a {@link SqlTaskManager} over the node's catalogs, served as the task
 * API ({@code /v1/task}) that coordinators place tasks through. A worker serves no client protocol: every
 * {@code /v1/statement} request is answered 404 with a JSON body saying so.
 */
public final class WorkerServices
        extends NodeServices
{
    private static final List<String> STATEMENT_PATHS = List.of("/v1/statement", "/v1/statement/{kind}/{queryId}/{token}");
    private static final List<String> STATEMENT_METHODS = List.of("GET", "POST", "HEAD", "DELETE");

    private final SqlTaskManager taskManager;

    private WorkerServices(NodeServer node, SqlTaskManager taskManager)
    {
        super(node);
        this.taskManager = taskManager;
    }

    /**
     * Starts a worker.
     *
     * @param catalogs catalog name to its properties, e.g. {@code {"tpch": {"connector.name": "tpch"}}}: every
     * catalog the tasks a coordinator sends here read must be among them
     * @throws IllegalArgumentException for a bad catalog, or a configuration whose {@code node.role} is not worker
     * @throws IllegalStateException if the HTTP port cannot be bound
     */
    public static WorkerServices start(ServerConfig config, Map<String, Map<String, String>> catalogs)
    {
        requireNonNull(config, "config is null");
        if (config.role() != NodeRole.WORKER) {
            throw new IllegalArgumentException("node.role=" + config.role().key() + ": not a worker");
        }
        NodeServer.Builder node = NodeServer.builder(config, catalogs);
        try {
            SqlTaskManager taskManager = SqlEngineFactory.createTaskManager(config, node.catalogManager());
            node.closeOnStop(taskManager);
            node.serveTasks(taskManager);
            refuseStatements(node.router(), node.json(), config.nodeId());
            return new WorkerServices(node.start(), taskManager);
        }
        catch (RuntimeException | Error e) {
            node.abort();
            throw e;
        }
    }

    private static void refuseStatements(Router router, JsonCodec json, String nodeId)
    {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("errorCode", ErrorCode.NOT_FOUND.name());
        error.put("message", "This node (" + nodeId + ") is a worker: it runs tasks for coordinators and serves no statements; send /v1/statement to a coordinator");
        HttpResponse notFound = json.jsonResponse(404, error);
        RequestHandler refusal = request -> CompletableFuture.completedFuture(request.method().equals("HEAD") ? notFound.withoutBody() : notFound);
        for (String path : STATEMENT_PATHS) {
            for (String method : STATEMENT_METHODS) {
                router.add(method, path, refusal);
            }
        }
    }

    /** This worker's task manager, which {@code /v1/task} serves. */
    public TaskManager taskManager()
    {
        return taskManager;
    }

    @Override
    public String toString()
    {
        return "WorkerServices{" + config().nodeId() + " at " + baseUri() + "}";
    }
}
