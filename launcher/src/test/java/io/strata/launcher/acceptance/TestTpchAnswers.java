package io.strata.launcher.acceptance;

import io.strata.launcher.acceptance.TpchAnswers.ActualColumn;
import io.strata.launcher.acceptance.TpchAnswers.ActualResult;
import io.strata.launcher.acceptance.TpchAnswers.Kind;
import io.strata.launcher.acceptance.TpchAnswers.ReferenceAnswer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static io.strata.launcher.acceptance.TpchAnswers.assertMatches;
import static io.strata.launcher.acceptance.TpchAnswers.isOrdered;
import static io.strata.launcher.acceptance.TpchAnswers.mismatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The comparison rules of {@link TpchAnswers}, on hand-made results (no server), and the shared files it reads.
 */
public class TestTpchAnswers
{
    private static final ActualColumn BIGINT = new ActualColumn("count_order", "bigint", Kind.INTEGER, 0);
    private static final ActualColumn DECIMAL_2 = new ActualColumn("avg_disc", "decimal(12,2)", Kind.DECIMAL, 2);
    private static final ActualColumn DOUBLE = new ActualColumn("mkt_share", "double", Kind.FLOATING, 0);
    private static final ActualColumn VARCHAR = new ActualColumn("l_returnflag", "varchar(1)", Kind.TEXT, 0);

    @Test
    public void testReadsQueriesAndAnswers()
    {
        TpchAnswers answers = TpchAnswers.forScale("sf0.01");
        assertThat(answers.query(1)).startsWith("SELECT").contains("lineitem").doesNotEndWith(";");
        ReferenceAnswer q01 = answers.answer(1);
        assertThat(q01.columnNames()).startsWith("l_returnflag", "l_linestatus").hasSize(10);
        assertThat(q01.rows()).hasSize(4);
        assertThat(q01.rows().get(0)).startsWith("A", "F");
        // q17 at SF0.01 is one NULL row
        assertThat(answers.answer(17).rows()).containsExactly(List.of(""));
    }

    @Test
    public void testIntegersAndStringsAreExact()
    {
        assertThat(mismatch(BIGINT, "14876", 14876L)).isEmpty();
        assertThat(mismatch(BIGINT, "14876", 14877L)).contains("expected 14876, actual 14877");
        assertThat(mismatch(VARCHAR, "A", "A")).isEmpty();
        assertThat(mismatch(VARCHAR, "A", "A ")).isPresent();
    }

    @Test
    public void testDecimalComparesWithTheReferenceRoundedToOurScale()
    {
        // q01 avg_disc: DuckDB's double against Presto's decimal(12,2)
        assertThat(mismatch(DECIMAL_2, "0.05008133906964238", new BigDecimal("0.05"))).isEmpty();
        assertThat(mismatch(DECIMAL_2, "0.05008133906964238", new BigDecimal("0.06")))
                .contains("expected 0.05 (reference 0.05008133906964238 rounded half-up to scale 2), actual 0.06");
        // half-up; on a tie the double's last bits may fall either side, so either rounding passes
        assertThat(mismatch(DECIMAL_2, "25.575", new BigDecimal("25.58"))).isEmpty();
        assertThat(mismatch(DECIMAL_2, "25.574999999999999", new BigDecimal("25.58"))).isEmpty();
        assertThat(mismatch(DECIMAL_2, "25.575", new BigDecimal("25.57"))).isEmpty();
        assertThat(mismatch(DECIMAL_2, "25.576", new BigDecimal("25.57"))).isPresent();
        assertThat(mismatch(DECIMAL_2, "25.574", new BigDecimal("25.58"))).isPresent();
        // a reference at our scale or below is exact
        assertThat(mismatch(DECIMAL_2, "380456.00", new BigDecimal("380456.00"))).isEmpty();
        assertThat(mismatch(DECIMAL_2, "380456.00", new BigDecimal("380456.01"))).isPresent();
        assertThat(mismatch(new ActualColumn("revenue", "decimal(38,4)", Kind.DECIMAL, 4), "0.0", new BigDecimal("0.0000"))).isEmpty();
    }

    @Test
    public void testDoublesHaveRelativeTolerance()
    {
        assertThat(mismatch(DOUBLE, "35785.709306937344", 35785.7093069)).isEmpty();
        assertThat(mismatch(DOUBLE, "35785.709306937344", 35785.8)).isPresent();
        assertThat(mismatch(DOUBLE, "0.0", 0.0)).isEmpty();
    }

    @Test
    public void testNullIsAnEmptyField()
    {
        assertThat(mismatch(DECIMAL_2, "", null)).isEmpty();
        assertThat(mismatch(DECIMAL_2, "", new BigDecimal("1.00"))).contains("expected NULL, actual 1.00");
        assertThat(mismatch(DECIMAL_2, "1.00", null)).contains("expected 1.00, actual NULL");
    }

    @Test
    public void testOrderedComparisonNamesQueryRowAndColumn()
    {
        ReferenceAnswer expected = new ReferenceAnswer(List.of("l_returnflag", "count_order"), List.of(List.of("A", "1"), List.of("N", "2")));
        ActualResult swapped = new ActualResult(List.of(VARCHAR, BIGINT), List.of(List.of("N", 2L), List.of("A", 1L)));
        assertThatThrownBy(() -> assertMatches("q01 at sf0.01", true, expected, swapped))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("q01 at sf0.01")
                .hasMessageContaining("row 1 column 1 l_returnflag (varchar(1)): expected 'A', actual 'N'")
                .hasMessageContaining("row 2 column 2 count_order (bigint): expected 2, actual 1");
        // without ORDER BY the same rows match in any order
        assertMatches("q01 at sf0.01", false, expected, swapped);
    }

    @Test
    public void testShapeMismatches()
    {
        ReferenceAnswer expected = new ReferenceAnswer(List.of("l_returnflag", "count_order"), List.of(List.of("A", "1")));
        assertThatThrownBy(() -> assertMatches("q", true, expected, new ActualResult(List.of(VARCHAR), List.of(List.of("A")))))
                .hasMessageContaining("expected 2 columns [l_returnflag, count_order] but the result has 1");
        assertThatThrownBy(() -> assertMatches("q", true, expected, new ActualResult(List.of(VARCHAR, BIGINT), List.of())))
                .hasMessageContaining("expected 1 rows but the result has 0");
        // a column name we give must be the reference's; _colN is an unnamed column
        assertThatThrownBy(() -> assertMatches("q", true, expected, new ActualResult(
                List.of(VARCHAR, new ActualColumn("other", "bigint", Kind.INTEGER, 0)), List.of(List.of("A", 1L)))))
                .hasMessageContaining("column 2: expected name count_order, actual other");
        assertMatches("q", true, expected, new ActualResult(
                List.of(VARCHAR, new ActualColumn("_col1", "bigint", Kind.INTEGER, 0)), List.of(Arrays.asList("A", 1L))));
    }

    @Test
    public void testOrderByOfTheOutermostQueryOnly()
    {
        assertThat(isOrdered("SELECT a FROM t ORDER BY a")).isTrue();
        assertThat(isOrdered("SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 1)")).isFalse();
        assertThat(isOrdered("SELECT 'ORDER BY' FROM t")).isFalse();
        TpchAnswers answers = TpchAnswers.forScale("sf0.01");
        assertThat(isOrdered(answers.query(1))).isTrue();
        assertThat(isOrdered(answers.query(6))).isFalse();
    }
}
