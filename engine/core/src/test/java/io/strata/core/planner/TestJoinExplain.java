package io.strata.core.planner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static io.strata.core.planner.TestingPlanner.tpchSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EXPLAIN of the TPC-H queries that join: every comma join became an equi-join (the only joins without criteria
 * are the cross joins with a scalar subquery's single row), correlated subqueries became joins and semi joins,
 * and each join builds its smaller side.
 */
class TestJoinExplain
{
    private final TestingPlanner planner = new TestingPlanner();

    private static String query(int number)
            throws IOException
    {
        Path shared = Path.of(System.getProperty("strata.shared.dir", "../../../shared"));
        return Files.readString(shared.resolve(String.format(Locale.ENGLISH, "tpch/queries/q%02d.sql", number)));
    }

    static List<Integer> queries()
    {
        return IntStream.rangeClosed(1, 22).boxed().toList();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void noCrossJoinsButSingleRows(int number)
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(number));
        assertThat(count(plan, "InnerJoin[]")).as(plan).isLessThanOrEqualTo(count(plan, "EnforceSingleRow"));
    }

    @Test
    void q05JoinsEveryTableOnItsKeys()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(5));
        assertThat(plan)
                .contains("- InnerJoin[l_suppkey = s_suppkey AND c_nationkey = s_nationkey]")
                .contains("- InnerJoin[l_orderkey = o_orderkey]")
                .contains("- InnerJoin[s_nationkey = n_nationkey]")
                .contains("- InnerJoin[n_regionkey = r_regionkey]");
    }

    @Test
    void q21ExistsBecomesSemiJoins()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(21));
        assertThat(count(plan, "- SemiJoin[l_orderkey = l_orderkey_")).isEqualTo(2);
        assertThat(plan).contains("filter: l_suppkey_1 <> l_suppkey").contains("- Filter[NOT exists_1]");
        // the filtered nation (one row of 25) joins below orders (half its rows), cutting the rows orders probes with
        assertThat(plan.indexOf("- InnerJoin[l_orderkey = o_orderkey]")).isPositive().isLessThan(plan.indexOf("- InnerJoin[s_nationkey = n_nationkey]"));
    }

    @Test
    void q18InSubqueryFiltersOrdersBeforeTheJoins()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(18));
        // the semi join marks orders rows and its filter cuts them before they meet lineitem and customer
        int semiJoin = plan.indexOf("- SemiJoin[o_orderkey = l_orderkey_");
        assertThat(semiJoin).isPositive();
        assertThat(plan.indexOf("- InnerJoin[l_orderkey = o_orderkey]")).isPositive().isLessThan(semiJoin);
        assertThat(plan.indexOf("- Filter[in")).isPositive().isLessThan(semiJoin);
    }

    @Test
    void q13JoinDoesNotCarryAColumnOnlyItsInputFilterReads()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(13));
        String join = plan.lines().filter(line -> line.contains("- LeftJoin[c_custkey = o_custkey]")).findFirst().orElseThrow();
        assertThat(join).doesNotContain("o_comment");
        assertThat(plan).contains("- Filter[NOT (o_comment LIKE '%special%requests%')]");
    }

    @Test
    void q17CorrelatedScalarBecomesGroupedAggregationJoin()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(17));
        assertThat(plan).contains("- LeftJoin[p_partkey = l_partkey_1]").contains("- Aggregate[SINGLE, keys = [l_partkey_1]]");
    }

    @Test
    void q07FiltersEachNationBeforeJoiningAndJoinsTheFilteredOneEarly()
            throws IOException
    {
        String plan = planner.explain(tpchSession(), query(7));
        // implied by the disjunction over both nations: each nation scan keeps two names
        assertThat(plan).contains("constraint on n_name: ['FRANCE'] OR ['GERMANY']").contains("constraint on n_name: ['GERMANY'] OR ['FRANCE']");
        // the supplier's nation (filtered) joins before orders (unfiltered): deeper in the plan, later in the text
        assertThat(plan.indexOf("- InnerJoin[s_nationkey = n_nationkey]")).isGreaterThan(plan.indexOf("- InnerJoin[l_orderkey = o_orderkey]"));
        // the disjunction itself still decides, at the join that sees both nations
        assertThat(plan).contains("filter: ((n_name = 'FRANCE') AND (n_name_1 = 'GERMANY')) OR ((n_name = 'GERMANY') AND (n_name_1 = 'FRANCE'))");
    }

    @Test
    void disjunctionOverTwoTablesFiltersEachTable()
    {
        assertThat(planner.explain(tpchSession(),
                "SELECT n_name FROM nation, region WHERE n_regionkey = r_regionkey AND ((n_nationkey = 1 AND r_regionkey = 1) OR (n_nationkey = 2 AND r_regionkey = 2))"))
                .contains("constraint on n_nationkey");
    }

    @Test
    void setOperationsOffsetAndScalarSubqueries()
    {
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation INTERSECT SELECT r_name FROM region"))
                .contains("- INTERSECT[DISTINCT]");
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation EXCEPT ALL SELECT r_name FROM region"))
                .contains("- EXCEPT[ALL]");
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation UNION ALL SELECT r_name FROM region"))
                .contains("- Union");
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation ORDER BY n_name OFFSET 3 ROWS"))
                .contains("- Offset[3]");
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation WHERE n_regionkey = (SELECT max(r_regionkey) FROM region)"))
                .contains("- EnforceSingleRow");
        assertThat(planner.explain(tpchSession(), "SELECT n_name FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region)"))
                .contains("- SemiJoin[n_regionkey = r_regionkey]")
                .contains(":= IN (null-aware)");
        assertThat(planner.explain(tpchSession(), "SELECT n_name, r_name FROM nation FULL JOIN region ON n_regionkey = r_regionkey"))
                .contains("- FullJoin[n_regionkey = r_regionkey]");
    }

    private static int count(String text, String fragment)
    {
        int count = 0;
        for (int index = text.indexOf(fragment); index >= 0; index = text.indexOf(fragment, index + 1)) {
            count++;
        }
        return count;
    }
}
