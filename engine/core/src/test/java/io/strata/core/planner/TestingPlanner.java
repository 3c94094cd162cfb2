package io.strata.core.planner;

import io.airlift.slice.Slice;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.metadata.TestingConnector;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.session.Session;
import io.strata.sql.parser.SqlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front end as the engine builds it, over two catalogs: {@code testing} (the {@link TestingConnector})
 * and {@code tpch}, with execution's constant evaluator and the default optimizer passes.
 */
public final class TestingPlanner
{
    private final SqlStatementPlanner planner;

    public TestingPlanner()
    {
        CatalogManager catalogManager = new CatalogManager(List.of(TestingConnector.factory(), new TpchConnectorFactory()));
        catalogManager.createCatalog(TestingConnector.CATALOG, Map.of("connector.name", "testing"));
        catalogManager.createCatalog("tpch", Map.of("connector.name", "tpch"));
        planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
    }

    public SqlStatementPlanner planner()
    {
        return planner;
    }

    public static Session session(String catalog, String schema)
    {
        return Session.simple("test_query", "test", Optional.of(catalog), Optional.of(schema));
    }

    /** Catalog {@code testing}, schema {@code sales}. */
    public static Session testingSession()
    {
        return session(TestingConnector.CATALOG, TestingConnector.SCHEMA);
    }

    public static Session tpchSession()
    {
        return session("tpch", "tiny");
    }

    public PlannedStatement plan(Session session, String sql)
    {
        return planner.plan(session, sql);
    }

    /** The text {@code EXPLAIN sql} returns. */
    public String explain(Session session, String sql)
    {
        List<List<String>> rows = rows(session, "EXPLAIN " + sql);
        return rows.get(0).get(0);
    }

    /** The rows of a statement planned as VALUES (SHOW, DESCRIBE, EXPLAIN), as text. */
    public List<List<String>> rows(Session session, String sql)
    {
        OutputNode output = planner.plan(session, sql).plan().orElseThrow();
        ValuesNode values = (ValuesNode) output.source();
        List<List<String>> rows = new ArrayList<>();
        for (List<RowExpression> row : values.rows()) {
            rows.add(row.stream()
                    .map(value -> {
                        Object constant = ((Constant) value).value();
                        return constant instanceof Slice slice ? slice.toStringUtf8() : String.valueOf(constant);
                    })
                    .toList());
        }
        return rows;
    }
}
