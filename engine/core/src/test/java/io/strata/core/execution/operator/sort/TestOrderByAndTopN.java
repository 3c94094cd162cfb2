package io.strata.core.execution.operator.sort;

import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.execution.testing.RowPagesBuilder;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.SortOrder;
import io.strata.spi.block.Page;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static io.strata.core.execution.testing.Values.row;
import static io.strata.core.execution.testing.Values.toRows;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestOrderByAndTopN
{
    private static final List<Type> TYPES = List.of(BIGINT, VARCHAR, DOUBLE);

    private static List<Page> input()
    {
        return RowPagesBuilder.rowPagesBuilder(TYPES)
                .row(2L, "b", 1.0).row(null, "a", 2.0).row(1L, null, 3.0).pageBreak()
                .row(2L, "a", 4.0).row(1L, "c", 5.0).row(null, null, 6.0)
                .build();
    }

    @Test
    void testNullsFirstAndLast()
    {
        assertThat(orderBy(new int[] {0, 1}, List.of(SortOrder.ASC_NULLS_LAST, SortOrder.ASC_NULLS_LAST))).containsExactly(
                row(1L, "c", 5.0), row(1L, null, 3.0), row(2L, "a", 4.0), row(2L, "b", 1.0), row(null, "a", 2.0), row(null, null, 6.0));
        assertThat(orderBy(new int[] {0, 1}, List.of(SortOrder.ASC_NULLS_FIRST, SortOrder.DESC_NULLS_FIRST))).containsExactly(
                row(null, null, 6.0), row(null, "a", 2.0), row(1L, null, 3.0), row(1L, "c", 5.0), row(2L, "b", 1.0), row(2L, "a", 4.0));
        assertThat(orderBy(new int[] {0}, List.of(SortOrder.DESC_NULLS_LAST))).containsExactly(
                row(2L, "b", 1.0), row(2L, "a", 4.0), row(1L, null, 3.0), row(1L, "c", 5.0), row(null, "a", 2.0), row(null, null, 6.0));
    }

    @Test
    void testOrderByIsStable()
    {
        // ties on the key keep their input order
        assertThat(orderBy(new int[] {0}, List.of(SortOrder.ASC_NULLS_FIRST))).containsExactly(
                row(null, "a", 2.0), row(null, null, 6.0), row(1L, null, 3.0), row(1L, "c", 5.0), row(2L, "b", 1.0), row(2L, "a", 4.0));
    }

    @Test
    void testTopNWithNullsAndTies()
    {
        assertThat(topN(3, new int[] {0}, List.of(SortOrder.ASC_NULLS_FIRST), input())).containsExactly(
                row(null, "a", 2.0), row(null, null, 6.0), row(1L, null, 3.0));
        assertThat(topN(2, new int[] {1}, List.of(SortOrder.DESC_NULLS_LAST), input())).containsExactly(
                row(1L, "c", 5.0), row(2L, "b", 1.0));
        assertThat(topN(0, new int[] {1}, List.of(SortOrder.DESC_NULLS_LAST), input())).isEmpty();
        assertThat(topN(100, new int[] {2}, List.of(SortOrder.DESC_NULLS_LAST), input())).hasSize(6);
    }

    @Test
    void testTopNMatchesSortOverManyPages()
    {
        Random random = new Random(3);
        DecimalType decimal = new DecimalType(15, 2);
        RowPagesBuilder builder = RowPagesBuilder.rowPagesBuilder(BIGINT, decimal);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            Long key = random.nextInt(50) == 0 ? null : (long) random.nextInt(1000);
            BigDecimal value = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
            builder.row(key, value);
            rows.add(row(key, value));
            if (i % 500 == 499) {
                builder.pageBreak();
            }
        }
        List<Page> pages = builder.build();
        Comparator<List<Object>> order = Comparator.comparing((List<Object> row) -> (BigDecimal) row.get(1), Comparator.reverseOrder())
                .thenComparing(row -> (Long) row.get(0), Comparator.nullsLast(Comparator.naturalOrder()));
        List<List<Object>> expected = rows.stream().sorted(order).limit(1234).toList();
        OperatorFactory factory = new TopNOperator.Factory(0, new PlanNodeId("topn"), List.of(BIGINT, decimal), 1234, new int[] {1, 0},
                List.of(SortOrder.DESC_NULLS_LAST, SortOrder.ASC_NULLS_LAST));
        assertThat(toRows(List.of(BIGINT, decimal), OperatorRunner.run(factory, pages))).isEqualTo(expected);
        OperatorFactory sort = new OrderByOperator.Factory(0, new PlanNodeId("sort"), List.of(BIGINT, decimal), new int[] {1, 0},
                List.of(SortOrder.DESC_NULLS_LAST, SortOrder.ASC_NULLS_LAST));
        assertThat(toRows(List.of(BIGINT, decimal), OperatorRunner.run(sort, pages))).isEqualTo(rows.stream().sorted(order).toList());
    }

    private static List<List<Object>> orderBy(int[] channels, List<SortOrder> orders)
    {
        OperatorFactory factory = new OrderByOperator.Factory(0, new PlanNodeId("sort"), TYPES, channels, orders);
        return toRows(TYPES, OperatorRunner.run(factory, input()));
    }

    private static List<List<Object>> topN(long count, int[] channels, List<SortOrder> orders, List<Page> input)
    {
        OperatorFactory factory = new TopNOperator.Factory(0, new PlanNodeId("topn"), TYPES, count, channels, orders);
        return toRows(TYPES, OperatorRunner.run(factory, input));
    }
}
