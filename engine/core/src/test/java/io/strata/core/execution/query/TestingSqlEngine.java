package io.strata.core.execution.query;

import io.strata.core.execution.QueryExecution;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.sql.parser.SqlParser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real front end and engine over the given catalogs, in this JVM: SQL in, rows out, as the server runs it.
 */
final class TestingSqlEngine
        implements AutoCloseable
{
    private final AtomicInteger nextQuery = new AtomicInteger();
    private final CatalogManager catalogManager;
    private final SqlTaskManager taskManager;
    private final SqlQueryEngine engine;

    TestingSqlEngine(List<ConnectorFactory> factories, Map<String, Map<String, String>> catalogs)
    {
        catalogManager = new CatalogManager(factories);
        catalogs.forEach(catalogManager::createCatalog);
        taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.defaults());
        SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        engine = new SqlQueryEngine(planner, catalogManager, taskManager, QueryEngineConfig.defaults());
    }

    CatalogManager catalogManager()
    {
        return catalogManager;
    }

    MaterializedResult run(String sql)
    {
        String queryId = "20250101_000000_" + String.format("%05d", nextQuery.incrementAndGet()) + "_test";
        QueryExecution query = engine.createQuery(Session.simple(queryId, "test", Optional.empty(), Optional.empty()), sql);
        return TestingQueryRunner.execute(query);
    }

    void assertError(String sql, ErrorCode code, String message)
    {
        assertThatThrownBy(() -> run(sql))
                .isInstanceOf(StrataException.class)
                .hasMessageContaining(message)
                .satisfies(error -> assertThat(((StrataException) error).errorCode()).isEqualTo(code));
    }

    @Override
    public void close()
    {
        engine.close();
        taskManager.close();
        catalogManager.shutdown();
    }
}
