package io.strata.core.execution.testing;

import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.query.QueryEngineConfig;
import io.strata.core.execution.query.SqlQueryEngine;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.PlannedStatement;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.spi.type.Type;
import io.strata.sql.parser.SqlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An engine over hand-built plans: the {@code StatementPlanner} looks the "SQL" up in a map of plans (or of
 * planner behaviours), so tests drive {@link SqlQueryEngine} and {@link SqlTaskManager} exactly as the server
 * does.
 */
public final class TestingQueryRunner
        implements AutoCloseable
{
    private final CatalogManager catalogManager;
    private final SqlTaskManager taskManager;
    private final SqlQueryEngine engine;
    private final QueryEngine sqlEngine;
    private final Optional<TestingEngineProvider.Engine> providedEngine;
    private final Map<String, Supplier<PlannedStatement>> statements = new ConcurrentHashMap<>();
    private final AtomicInteger nextQuery = new AtomicInteger();

    public TestingQueryRunner(List<ConnectorFactory> factories, Map<String, Map<String, String>> catalogs, TaskManagerConfig config)
    {
        CatalogManager localCatalogs = new CatalogManager(factories);
        catalogs.forEach(localCatalogs::createCatalog);
        this.taskManager = new SqlTaskManager(localCatalogs, config);
        this.engine = new SqlQueryEngine((session, sql) -> statements.get(sql).get(), localCatalogs, taskManager, QueryEngineConfig.defaults());
        // SQL runs on the registered engine (a cluster) when there is one; hand-built plans always run here
        this.providedEngine = TestingEngineProvider.load().map(provider -> provider.create(factories, catalogs, config));
        if (providedEngine.isPresent()) {
            this.catalogManager = providedEngine.get().catalogManager();
            this.sqlEngine = providedEngine.get().queryEngine();
        }
        else {
            this.catalogManager = localCatalogs;
            SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
            this.sqlEngine = new SqlQueryEngine(planner, catalogManager, taskManager, QueryEngineConfig.defaults());
        }
    }

    /** Runs SQL through the real front end (parse, analyze, plan, optimize) in the given catalog and schema. */
    public MaterializedResult execute(String catalog, String schema, String sql)
    {
        return execute(Optional.of(catalog), Optional.of(schema), sql);
    }

    /** Runs SQL through the real front end, in the given catalog and schema if any. */
    public MaterializedResult execute(Optional<String> catalog, Optional<String> schema, String sql)
    {
        String queryId = "20250101_000000_" + String.format("%05d", nextQuery.incrementAndGet()) + "_sql";
        return execute(sqlEngine.createQuery(Session.simple(queryId, "test", catalog, schema), sql));
    }

    public CatalogManager catalogManager()
    {
        return catalogManager;
    }

    public SqlTaskManager taskManager()
    {
        return taskManager;
    }

    /** A query (not started) whose planner returns the plan. */
    public QueryExecution createQuery(OutputNode plan)
    {
        return createQuery(() -> new PlannedStatement(Optional.of(plan), Optional.empty(), SessionUpdates.NONE));
    }

    /** A query (not started) whose planner does what the supplier does. */
    public QueryExecution createQuery(Supplier<PlannedStatement> planner)
    {
        String key = "statement_" + nextQuery.getAndIncrement();
        statements.put(key, planner);
        String queryId = "20250101_000000_" + String.format("%05d", nextQuery.get()) + "_test";
        return engine.createQuery(Session.simple(queryId, "test", Optional.empty(), Optional.empty()), key);
    }

    public MaterializedResult execute(OutputNode plan)
    {
        return execute(createQuery(plan));
    }

    /** Runs the query to its end, reading every page; throws its failure. */
    public static MaterializedResult execute(QueryExecution query)
    {
        query.start();
        List<Page> pages = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            Page page = query.pollPage();
            while (page != null) {
                pages.add(page);
                page = query.pollPage();
            }
            if (query.failure().isPresent()) {
                throw query.failure().get();
            }
            if (query.isOutputFinished()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                query.cancel();
                throw new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, "query did not finish in time: " + query.state());
            }
            try {
                query.whenChanged().get(1, TimeUnit.SECONDS);
            }
            catch (TimeoutException ignored) {
                // poll again
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<Type> types = query.columns().orElse(List.of()).stream().map(OutputColumn::type).toList();
        return new MaterializedResult(query.columns().orElse(List.of()), Values.toRows(types, pages), query);
    }

    @Override
    public void close()
    {
        engine.close();
        if (providedEngine.isPresent()) {
            try {
                providedEngine.get().close();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        else {
            ((SqlQueryEngine) sqlEngine).close();
            catalogManager.shutdown();
        }
        taskManager.close();
    }

    public record MaterializedResult(List<OutputColumn> columns, List<List<Object>> rows, QueryExecution query)
    {
    }
}
