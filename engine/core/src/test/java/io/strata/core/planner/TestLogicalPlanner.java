package io.strata.core.planner;

import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.strata.core.planner.TestingPlanner.testingSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans as the planner makes them, before the optimizer (every pass disabled), and after it.
 */
class TestLogicalPlanner
{
    private static final String ALL_PASSES = "fold-constants,push-predicate-into-table-scan,prune-unreferenced-columns,merge-limit-with-sort,remove-redundant-identity-projections";

    private final TestingPlanner planner = new TestingPlanner();

    private static Session unoptimized()
    {
        Session session = testingSession();
        return new Session(session.queryId(), session.user(), session.source(), session.catalog(), session.schema(), session.timeZone(), session.language(),
                session.clientTags(), session.clientInfo(), session.traceToken(), Map.of("optimizer_disabled_passes", ALL_PASSES), session.catalogProperties(),
                session.preparedStatements(), session.transactionId(), session.start());
    }

    @Test
    void plansEveryClauseInOrder()
    {
        String sql = "SELECT status, sum(price) AS total FROM orders WHERE priority > 1 GROUP BY status HAVING count(*) > 2 ORDER BY total DESC LIMIT 5";
        assertThat(planner.explain(unoptimized(), sql)).isEqualTo("""
                - Output[status, total] => [status:varchar(1), sum:decimal(38,2)]
                        total := sum
                    - Limit[5] => [status:varchar(1), sum:decimal(38,2)]
                        - Sort[sum DESC NULLS LAST] => [status:varchar(1), sum:decimal(38,2)]
                            - Project => [status:varchar(1), sum:decimal(38,2)]
                                - Filter[count > CAST(2 AS bigint)] => [status:varchar(1), sum:decimal(38,2), count:bigint]
                                    - Aggregate[SINGLE, keys = [status]] => [status:varchar(1), sum:decimal(38,2), count:bigint]
                                            sum := sum(price)
                                            count := count(*)
                                        - Project => [status:varchar(1), price:decimal(12,2)]
                                            - Filter[priority > 1] => [orderkey:bigint, custkey:bigint, status:varchar(1), price:decimal(12,2), discount:decimal(12,2), orderdate:date, comment:varchar(79), priority:integer, ratio:double]
                                                - TableScan[testing.sales.orders] => [orderkey:bigint, custkey:bigint, status:varchar(1), price:decimal(12,2), discount:decimal(12,2), orderdate:date, comment:varchar(79), priority:integer, ratio:double]
                                                        estimated rows: 1500
                """);
        assertThat(planner.explain(testingSession(), sql)).isEqualTo("""
                - Output[status, total] => [status:varchar(1), sum:decimal(38,2)]
                        total := sum
                    - TopN[5, sum DESC NULLS LAST] => [status:varchar(1), sum:decimal(38,2)]
                        - Project => [status:varchar(1), sum:decimal(38,2)]
                            - Filter[count > 2] => [status:varchar(1), sum:decimal(38,2), count:bigint]
                                - Aggregate[SINGLE, keys = [status]] => [status:varchar(1), sum:decimal(38,2), count:bigint]
                                        sum := sum(price)
                                        count := count(*)
                                    - TableScan[testing.sales.orders] => [status:varchar(1), price:decimal(12,2)]
                                            constraint on priority: (1, +inf)
                                            estimated rows: 100
                """);
    }

    @Test
    void plansDistinctAsAggregation()
    {
        assertThat(planner.explain(testingSession(), "SELECT DISTINCT status, custkey FROM orders")).isEqualTo("""
                - Output[status, custkey] => [status:varchar(1), custkey:bigint]
                    - Aggregate[SINGLE, keys = [status, custkey]] => [status:varchar(1), custkey:bigint]
                        - TableScan[testing.sales.orders] => [status:varchar(1), custkey:bigint]
                                estimated rows: 1500
                """);
    }

    @Test
    void sortsByHiddenExpression()
    {
        assertThat(planner.explain(testingSession(), "SELECT comment FROM orders ORDER BY price * discount DESC, 1")).isEqualTo("""
                - Output[comment] => [comment:varchar(79)]
                    - Sort[expr DESC NULLS LAST, comment ASC NULLS LAST] => [comment:varchar(79), expr:decimal(24,4)]
                        - Project => [comment:varchar(79), expr:decimal(24,4)]
                                expr := price * discount
                            - TableScan[testing.sales.orders] => [price:decimal(12,2), discount:decimal(12,2), comment:varchar(79)]
                                    estimated rows: 1500
                """);
    }

    @Test
    void plansSelectWithoutFromOverOneRow()
    {
        assertThat(planner.explain(testingSession(), "SELECT 1 + 2 AS three, 'a' || 'b'")).isEqualTo("""
                - Output[three, _col1] => [three:integer, expr:varchar]
                        _col1 := expr
                    - Project => [three:integer, expr:varchar]
                            three := 3
                            expr := 'ab'
                        - Values[1 row] => []
                                ()
                """);
    }

    @Test
    void keepsFailingConstantsForRunTime()
    {
        assertThat(planner.explain(testingSession(), "SELECT 1 / 0")).contains("expr := 1 / 0");
    }

    @Test
    void filterThatIsFalseReadsNothing()
    {
        assertThat(planner.explain(testingSession(), "SELECT orderkey FROM orders WHERE 1 = 2")).isEqualTo("""
                - Output[orderkey] => [orderkey:bigint]
                    - Values[0 rows] => [orderkey:bigint]
                """);
    }

    @Test
    void plansSubqueryInFrom()
    {
        assertThat(planner.explain(testingSession(), "SELECT max(x) FROM (SELECT orderkey + 1 AS x FROM orders WHERE status = 'F') t")).isEqualTo("""
                - Output[_col0] => [max:bigint]
                        _col0 := max
                    - Aggregate[SINGLE] => [max:bigint]
                            max := max(x)
                        - Project => [x:bigint]
                                x := orderkey + 1
                            - TableScan[testing.sales.orders] => [orderkey:bigint]
                                    constraint on status: ['F']
                                    estimated rows: 100
                """);
    }
}
