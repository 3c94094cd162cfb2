package io.strata.core.json;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.optimizer.AddExchanges;
import io.strata.core.planner.PlanPrinter;
import io.strata.core.planner.TestingPlanner;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.strata.core.planner.TestingPlanner.tpchSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans go to JSON and back unchanged: every fragment of every TPC-H query and of queries using every type and
 * every kind of plan node and expression reads back {@code equal} to what was written, prints the same plan text,
 * and writes the same JSON again.
 */
class TestPlanJson
{
    private final TestingPlanner planner = new TestingPlanner();

    static String tpchQuery(String name)
            throws IOException
    {
        Path shared = Path.of(System.getProperty("strata.shared.dir", "../../../shared"));
        return Files.readString(shared.resolve("tpch/queries/" + name + ".sql"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    void tpchFragmentsRoundTrip(String name)
            throws IOException
    {
        assertFragmentsRoundTrip(tpchQuery(name));
    }

    /** Every type (as constants, columns and casts), every plan node and every kind of expression. */
    private static final List<String> QUERIES = List.of(
            // scalar types as constants: bigint, double (also NaN and infinity), decimals short and long, strings
            "SELECT 1, 2.5e0, nan(), infinity(), -infinity(), DECIMAL '12.34', DECIMAL '12345678901234567890.123456', 'text', '', true, NULL",
            "SELECT TINYINT '5', SMALLINT '-7', INTEGER '42', REAL '1.5', CAST('ab' AS char(4)), CAST('abc' AS varchar(5)), X'00FF10'",
            "SELECT DATE '2020-02-29', TIME '01:02:03.456', TIMESTAMP '2020-01-02 03:04:05.123456', TIMESTAMP '2020-01-02 03:04:05 +05:30'",
            "SELECT TIMESTAMP '2021-06-01 10:00:00 America/New_York', INTERVAL '3' DAY, INTERVAL '2' MONTH, CAST(NULL AS timestamp(6))",
            // nested values: arrays, maps, rows (named fields, also with spaces and quotes), nested in each other
            "SELECT ARRAY[1, NULL, 3], ARRAY[ARRAY['a'], NULL, ARRAY[]], MAP(ARRAY['x', 'y'], ARRAY[1.5e0, NULL])",
            "SELECT ROW(1, 'a'), CAST(ROW(1, 'b') AS ROW(\"a b\" bigint, \"q\"\"uote\" varchar)), ARRAY[ROW(DECIMAL '1.5', DATE '2020-01-01')]",
            "SELECT MAP(ARRAY[DECIMAL '12345678901234567890.5'], ARRAY[ARRAY[TIMESTAMP '2020-01-01 00:00:00.000']])",
            "SELECT n_nationkey, ARRAY[n_name, n_comment], MAP(ARRAY[n_name], ARRAY[n_regionkey]), ROW(n_name, n_regionkey) FROM nation",
            "SELECT a[2], cardinality(a), m['k'], r.f FROM (SELECT ARRAY[n_nationkey, 2] a, MAP(ARRAY['k'], ARRAY[n_name]) m, CAST(ROW(n_regionkey) AS ROW(f bigint)) r FROM nation) t",
            // expressions: calls, special forms (AND, OR, IF, COALESCE, NULLIF, IS NULL, IN, BETWEEN, CAST, TRY_CAST, CASE)
            "SELECT n_name FROM nation WHERE (n_nationkey BETWEEN 3 AND 9 OR n_name IN ('PERU', 'CHINA')) AND n_comment IS NOT NULL AND n_name LIKE '%A%'",
            "SELECT IF(n_regionkey = 1, 'one', 'other'), COALESCE(NULLIF(n_name, 'PERU'), 'none'), TRY_CAST(n_comment AS bigint), CAST(n_nationkey AS double) FROM nation",
            "SELECT CASE n_regionkey WHEN 1 THEN 'a' WHEN 2 THEN 'b' ELSE 'c' END, CASE WHEN n_nationkey > 10 THEN n_nationkey * 2 END, abs(n_nationkey - 20) FROM nation",
            "SELECT o_orderdate + INTERVAL '1' MONTH, date_trunc('month', o_orderdate), year(o_orderdate), substr(o_clerk, 1, 3), o_totalprice * 1.1 FROM orders WHERE o_orderkey < 100",
            // plan nodes: aggregations (distinct, filter masks), sort, topN, limit, offset, values, union, intersect, except
            "SELECT n_regionkey, count(*), count(DISTINCT n_name), sum(n_nationkey) FILTER (WHERE n_nationkey > 3), avg(n_nationkey), max(n_name) FROM nation GROUP BY n_regionkey ORDER BY 1",
            "SELECT n_name FROM nation ORDER BY n_name DESC NULLS FIRST LIMIT 5",
            "SELECT n_name FROM nation ORDER BY n_nationkey OFFSET 3 ROWS LIMIT 4",
            "SELECT * FROM (VALUES (1, 'a', DECIMAL '1.50'), (2, NULL, NULL), (3, 'c', DECIMAL '-2.25')) v(id, name, amount)",
            "SELECT n_name FROM nation UNION ALL SELECT r_name FROM region UNION SELECT 'x'",
            "SELECT n_regionkey FROM nation INTERSECT SELECT r_regionkey FROM region EXCEPT SELECT 4",
            "SELECT n_regionkey FROM nation INTERSECT ALL SELECT r_regionkey FROM region",
            // joins: inner, outer, cross, semi joins (IN, EXISTS, NOT EXISTS), scalar subqueries
            "SELECT n.n_name, r.r_name FROM nation n LEFT JOIN region r ON n.n_regionkey = r.r_regionkey AND r.r_name <> 'ASIA'",
            "SELECT n.n_name, r.r_name FROM nation n FULL JOIN region r ON n.n_regionkey = r.r_regionkey",
            "SELECT n.n_name, r.r_name FROM nation n RIGHT JOIN region r ON n.n_regionkey = r.r_regionkey AND n.n_nationkey > r.r_regionkey",
            "SELECT count(*) FROM nation CROSS JOIN region",
            "SELECT n_name FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%')",
            "SELECT n_name, n_regionkey NOT IN (SELECT r_regionkey FROM region WHERE r_regionkey > 2) FROM nation",
            "SELECT r_name FROM region r WHERE EXISTS (SELECT 1 FROM nation n WHERE n.n_regionkey = r.r_regionkey AND n.n_name > 'F')",
            "SELECT r_name FROM region r WHERE NOT EXISTS (SELECT 1 FROM nation n WHERE n.n_regionkey = r.r_regionkey)",
            "SELECT n_name, (SELECT r_name FROM region WHERE r_regionkey = 1) FROM nation",
            "SELECT n_name, (SELECT max(r_name) FROM region r WHERE r.r_regionkey = n.n_regionkey) FROM nation n",
            // window functions with frames; grouping sets, rollup, cube, grouping()
            "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name), row_number() OVER (ORDER BY n_nationkey DESC) FROM nation",
            "SELECT n_name, sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING), lag(n_name, 1) OVER (ORDER BY n_name) FROM nation",
            "SELECT n_name, avg(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_name RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nation",
            "SELECT n_regionkey, n_name, count(*), grouping(n_regionkey, n_name) FROM nation GROUP BY ROLLUP (n_regionkey, n_name)",
            "SELECT n_regionkey, count(*) FROM nation GROUP BY CUBE (n_regionkey)",
            "SELECT n_regionkey, n_name, sum(n_nationkey) FROM nation GROUP BY GROUPING SETS ((n_regionkey), (n_name), ())");

    static Stream<String> queries()
    {
        return QUERIES.stream();
    }

    @ParameterizedTest
    @MethodSource("queries")
    void queryFragmentsRoundTrip(String sql)
    {
        assertFragmentsRoundTrip(sql);
    }

    /** The queries above reach every kind of plan node and row expression the planner produces. */
    @Test
    void queriesCoverEveryNodeAndExpressionKind()
    {
        Set<Class<?>> seen = new HashSet<>();
        for (String sql : QUERIES) {
            OutputNode plan = planner.plan(tpchSession(), sql).plan().orElseThrow();
            collectKinds(plan, seen);
            // remote exchanges, and the remote sources that replace them in fragments
            OutputNode distributed = AddExchanges.addExchanges(plan, tpchSession(), scan -> true);
            collectKinds(distributed, seen);
            new PlanFragmenter().fragment(distributed).allFragments().forEach(fragment -> collectKinds(fragment.root(), seen));
        }
        assertThat(seen).containsAll(List.of(PlanNode.class.getPermittedSubclasses()));
        // outer and subquery references are gone once subqueries are decorrelated; TestRowExpressionJson covers them
        assertThat(seen).contains(Constant.class, Call.class, SpecialForm.class, SymbolReference.class);
    }

    private static void collectKinds(PlanNode node, Set<Class<?>> seen)
    {
        seen.add(node.getClass());
        List<RowExpression> expressions = new ArrayList<>();
        if (node instanceof FilterNode filter) {
            expressions.add(filter.predicate());
        }
        else if (node instanceof ProjectNode project) {
            project.assignments().forEach(assignment -> expressions.add(assignment.expression()));
        }
        else if (node instanceof ValuesNode values) {
            values.rows().forEach(expressions::addAll);
        }
        else if (node instanceof JoinNode join) {
            join.filter().ifPresent(expressions::add);
        }
        else if (node instanceof SemiJoinNode semiJoin) {
            semiJoin.filter().ifPresent(expressions::add);
        }
        while (!expressions.isEmpty()) {
            RowExpression expression = expressions.remove(expressions.size() - 1);
            seen.add(expression.getClass());
            expressions.addAll(expression.children());
        }
        node.sources().forEach(source -> collectKinds(source, seen));
    }

    private void assertFragmentsRoundTrip(String sql)
    {
        Session session = tpchSession();
        OutputNode plan = planner.plan(session, sql).plan().orElseThrow();
        List<PlanFragment> fragments = new ArrayList<>(new PlanFragmenter().fragment(plan).allFragments());
        // the fragments of the same plan spread over several nodes: remote sources, partial and final aggregations
        fragments.addAll(new PlanFragmenter().fragment(AddExchanges.addExchanges(plan, session, scan -> true)).allFragments());
        for (PlanFragment fragment : fragments) {
            String json = PlanJson.toJson(fragment);
            PlanFragment read = PlanJson.fromJson(json, PlanFragment.class);
            assertThat(read).isEqualTo(fragment);
            assertThat(textPlan(read, session)).isEqualTo(textPlan(fragment, session));
            assertThat(PlanJson.toJson(read)).isEqualTo(json);
        }
    }

    private String textPlan(PlanFragment fragment, Session session)
    {
        return PlanPrinter.textPlan(fragment.root(), planner.planner().metadata(), session);
    }
}
