package io.strata.core.planner;

import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.strata.core.planner.TestingPlanner.tpchSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN of TPC-H queries over the tpch connector: the filters reach the scan as the connector's
 * constraint, and the scan reads only the columns the query uses.
 */
class TestTpchExplain
{
    private final TestingPlanner planner = new TestingPlanner();

    private static String query(String name)
            throws IOException
    {
        Path shared = Path.of(System.getProperty("strata.shared.dir", "../../../shared"));
        return Files.readString(shared.resolve("tpch/queries/" + name + ".sql"));
    }

    @Test
    void q01()
            throws IOException
    {
        assertThat(planner.explain(tpchSession(), query("q01"))).isEqualTo("""
                - Output[l_returnflag, l_linestatus, sum_qty, sum_base_price, sum_disc_price, sum_charge, avg_qty, avg_price, avg_disc, count_order] => [l_returnflag:varchar(1), l_linestatus:varchar(1), sum:decimal(38,2), sum_1:decimal(38,2), sum_2:decimal(38,4), sum_3:decimal(38,6), avg:decimal(12,2), avg_1:decimal(12,2), avg_2:decimal(12,2), count:bigint]
                        sum_qty := sum
                        sum_base_price := sum_1
                        sum_disc_price := sum_2
                        sum_charge := sum_3
                        avg_qty := avg
                        avg_price := avg_1
                        avg_disc := avg_2
                        count_order := count
                    - Sort[l_returnflag ASC NULLS LAST, l_linestatus ASC NULLS LAST] => [l_returnflag:varchar(1), l_linestatus:varchar(1), sum:decimal(38,2), sum_1:decimal(38,2), sum_2:decimal(38,4), sum_3:decimal(38,6), avg:decimal(12,2), avg_1:decimal(12,2), avg_2:decimal(12,2), count:bigint]
                        - Aggregate[SINGLE, keys = [l_returnflag, l_linestatus]] => [l_returnflag:varchar(1), l_linestatus:varchar(1), sum:decimal(38,2), sum_1:decimal(38,2), sum_2:decimal(38,4), sum_3:decimal(38,6), avg:decimal(12,2), avg_1:decimal(12,2), avg_2:decimal(12,2), count:bigint]
                                sum := sum(l_quantity)
                                sum_1 := sum(l_extendedprice)
                                sum_2 := sum(expr)
                                sum_3 := sum(expr_1)
                                avg := avg(l_quantity)
                                avg_1 := avg(l_extendedprice)
                                avg_2 := avg(l_discount)
                                count := count(*)
                            - Project => [l_returnflag:varchar(1), l_linestatus:varchar(1), l_quantity:decimal(12,2), l_extendedprice:decimal(12,2), expr:decimal(25,4), expr_1:decimal(38,6), l_discount:decimal(12,2)]
                                    expr := l_extendedprice * (1 - l_discount)
                                    expr_1 := (l_extendedprice * (1 - l_discount)) * (1 + l_tax)
                                - TableScan[tpch.tiny.lineitem] => [l_quantity:decimal(12,2), l_extendedprice:decimal(12,2), l_discount:decimal(12,2), l_tax:decimal(12,2), l_returnflag:varchar(1), l_linestatus:varchar(1)]
                                        constraint on l_shipdate: (-inf, DATE '1998-09-02']
                                        estimated rows: 60000
                """);
    }

    @Test
    void q06()
            throws IOException
    {
        assertThat(planner.explain(tpchSession(), query("q06"))).isEqualTo("""
                - Output[revenue] => [sum:decimal(38,4)]
                        revenue := sum
                    - Aggregate[SINGLE] => [sum:decimal(38,4)]
                            sum := sum(expr)
                        - Project => [expr:decimal(24,4)]
                                expr := l_extendedprice * l_discount
                            - TableScan[tpch.tiny.lineitem] => [l_extendedprice:decimal(12,2), l_discount:decimal(12,2)]
                                    constraint on l_shipdate: [DATE '1994-01-01', DATE '1995-01-01')
                                    constraint on l_discount: [0.05, 0.07]
                                    constraint on l_quantity: (-inf, 24.00)
                                    estimated rows: 60000
                """);
    }

    @Test
    void q06WithoutOptimizer()
            throws IOException
    {
        String sql = query("q06");
        assertThat(planner.explain(tpchSession(), sql)).doesNotContain("Filter");

        Session unoptimized = withDisabledPasses("fold-constants");
        assertThat(planner.explain(unoptimized, sql))
                .as("without folding, CAST('1994-01-01' AS date) is no constant, so nothing reaches the connector")
                .contains("- Filter[(l_shipdate >= CAST('1994-01-01' AS date)) AND (l_shipdate < CAST('1995-01-01' AS date)) AND ")
                .doesNotContain("constraint on");
    }

    private static Session withDisabledPasses(String passes)
    {
        Session session = tpchSession();
        return new Session(session.queryId(), session.user(), session.source(), session.catalog(), session.schema(), session.timeZone(),
                session.language(), session.clientTags(), session.clientInfo(), session.traceToken(),
                Map.of("optimizer_disabled_passes", passes), session.catalogProperties(), session.preparedStatements(), session.transactionId(), session.start());
    }

    /** Every TPC-H query plans. */
    @ParameterizedTest
    @ValueSource(strings = {"q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09", "q10", "q11", "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22"})
    void plans(String name)
            throws IOException
    {
        assertThat(planner.plan(tpchSession(), query(name)).plan()).isPresent();
    }
}
