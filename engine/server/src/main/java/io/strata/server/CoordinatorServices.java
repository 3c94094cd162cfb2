package io.strata.server;

import io.strata.core.connector.system.RuntimeNodes;
import io.strata.core.execution.QueryEngine;
import io.strata.core.node.NodeManager;
import io.strata.server.config.ServerConfig;
import io.strata.server.config.ServerConfig.NodeRole;
import io.strata.server.info.InfoResource;
import io.strata.server.protocol.StatementResource;
import io.strata.server.query.QueryIdGenerator;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator's composition root: plain constructors, called by the launcher's {@code main} and by the
 * tests alike. {@link #start} creates, in order, what every node has ({@link NodeServer}: catalogs, protocol
 * executor and timer), the query engine, the statement resource, then {@code /v1/info}, the task API of the
 * engine's task manager and the HTTP server; {@link #close()} stops them in reverse.
 */
public final class CoordinatorServices
        extends NodeServices
{
    private final QueryEngine queryEngine;
    private final StatementResource statementResource;

    private CoordinatorServices(NodeServer node, QueryEngine queryEngine, StatementResource statementResource)
    {
        super(node);
        this.queryEngine = queryEngine;
        this.statementResource = statementResource;
    }

    /**
     * Starts a coordinator with the real SQL engine.
     *
     * @param catalogs catalog name to its properties, e.g. {@code {"tpch": {"connector.name": "tpch"}}}
     * @throws IllegalArgumentException for a bad catalog, or a configuration whose {@code node.role} is not coordinator
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
        requireNonNull(engineFactory, "engineFactory is null");
        if (config.role() != NodeRole.COORDINATOR) {
            throw new IllegalArgumentException("node.role=" + config.role().key() + ": not a coordinator");
        }
        NodeServer.Builder node = NodeServer.builder(config, catalogs);
        try {
            QueryEngine queryEngine = requireNonNull(engineFactory.create(config, node.catalogManager(), node::baseUri), "engine factory returned null");
            if (queryEngine instanceof AutoCloseable closeableEngine) {
                node.closeOnStop(closeableEngine);
            }
            StatementResource statementResource = new StatementResource(
                    queryEngine,
                    new QueryIdGenerator(config.coordinatorId(), Clock.systemUTC()),
                    config.clientTimeout(),
                    config.minExpireAge(),
                    config.maxHistory(),
                    config.maxQueryLength(),
                    node.protocolExecutor(),
                    node.timer(),
                    node.json(),
                    Clock.systemUTC(),
                    System::nanoTime);
            node.closeOnStop(statementResource);
            node.catalogManager().setRuntimeQueries(statementResource.runtimeQueries());
            if (queryEngine instanceof NodeManagerOwner owner) {
                node.catalogManager().setRuntimeNodes(RuntimeNodes.of(owner.nodeManager(), InfoResource.buildVersion()));
            }
            statementResource.register(node.router());
            if (queryEngine instanceof TaskManagerOwner owner) {
                node.serveTasks(owner.taskManager());
            }
            return new CoordinatorServices(node.start(), queryEngine, statementResource);
        }
        catch (RuntimeException | Error e) {
            node.abort();
            throw e;
        }
    }

    public QueryEngine queryEngine()
    {
        return queryEngine;
    }

    /**
     * The nodes this coordinator places tasks on, when its engine tracks them ({@link NodeManagerOwner}):
     * what {@code system.runtime.nodes} lists.
     */
    public Optional<NodeManager> nodeManager()
    {
        return queryEngine instanceof NodeManagerOwner owner ? Optional.of(owner.nodeManager()) : Optional.empty();
    }

    public StatementResource statementResource()
    {
        return statementResource;
    }

    @Override
    public String toString()
    {
        return "CoordinatorServices{" + baseUri() + ", " + statementResource.trackedQueries() + " queries}";
    }
}
