package io.strata.core.execution.operator.aggregation;

import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.execution.testing.RowPagesBuilder;
import io.strata.core.planner.plan.AggregationNode.Step;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static io.strata.core.execution.testing.Values.row;
import static io.strata.core.execution.testing.Values.toRows;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class TestHashAggregationOperator
{
    private static final DecimalType PRICE = new DecimalType(12, 2);
    private static final DecimalType SUM_PRICE = new DecimalType(38, 2);

    @Test
    void testManyGroupsWithNullsOnVarcharAndDecimalKeys()
    {
        // keys: varchar (with nulls) and decimal; values: bigint (with nulls) and decimal
        RowPagesBuilder input = RowPagesBuilder.rowPagesBuilder(VARCHAR, PRICE, BIGINT, PRICE);
        Map<List<Object>, long[]> expectedCounts = new HashMap<>();
        Map<List<Object>, BigDecimal> expectedSums = new HashMap<>();
        Map<List<Object>, Long> expectedMax = new HashMap<>();
        int rows = 50_000;
        for (int i = 0; i < rows; i++) {
            String name = i % 97 == 0 ? null : "name-" + (i % 5003);
            BigDecimal key = BigDecimal.valueOf(i % 7, 2);
            Long value = i % 11 == 0 ? null : (long) i;
            BigDecimal price = BigDecimal.valueOf(i * 37L % 100_000, 2);
            input.row(name, key, value, price);
            if (i % 1000 == 999) {
                input.pageBreak();
            }
            List<Object> group = row(name, key);
            long[] counts = expectedCounts.computeIfAbsent(group, ignored -> new long[2]);
            counts[0]++;
            if (value != null) {
                counts[1]++;
                expectedMax.merge(group, value, Math::max);
            }
            expectedSums.merge(group, price, BigDecimal::add);
        }
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(VARCHAR, PRICE), new int[] {0, 1}, List.of(
                aggregator("count", List.of(), BIGINT, List.of()),
                aggregator("count", List.of(BIGINT), BIGINT, List.of(2)),
                aggregator("max", List.of(BIGINT), BIGINT, List.of(2)),
                aggregator("sum", List.of(PRICE), SUM_PRICE, List.of(3))), 16, Long.MAX_VALUE);
        List<Page> output = OperatorRunner.run(factory, input.build());
        List<List<Object>> result = toRows(List.of(VARCHAR, PRICE, BIGINT, BIGINT, BIGINT, SUM_PRICE), output);
        assertThat(result).hasSize(expectedCounts.size());
        for (List<Object> resultRow : result) {
            List<Object> group = row(resultRow.get(0), resultRow.get(1));
            assertThat(resultRow.get(2)).isEqualTo(expectedCounts.get(group)[0]);
            assertThat(resultRow.get(3)).isEqualTo(expectedCounts.get(group)[1]);
            assertThat(resultRow.get(4)).isEqualTo(expectedMax.get(group));
            assertThat(resultRow.get(5)).isEqualTo(expectedSums.get(group));
        }
    }

    @Test
    void testSingleBigintKeyWithNullGroup()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(BIGINT, DOUBLE)
                .row(1L, 1.0).row(null, 2.0).row(1L, 3.0).pageBreak()
                .row(2L, null).row(null, 4.0).row(3L, 5.0)
                .build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(BIGINT), new int[] {0}, List.of(
                aggregator("sum", List.of(DOUBLE), DOUBLE, List.of(1)),
                aggregator("avg", List.of(DOUBLE), DOUBLE, List.of(1)),
                aggregator("min", List.of(DOUBLE), DOUBLE, List.of(1))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(BIGINT, DOUBLE, DOUBLE, DOUBLE), OperatorRunner.run(factory, input))).containsExactlyInAnyOrder(
                row(1L, 4.0, 2.0, 1.0),
                row(null, 6.0, 3.0, 2.0),
                row(2L, null, null, null),
                row(3L, 5.0, 5.0, 5.0));
    }

    @Test
    void testGlobalAggregationOverNoInput()
    {
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(), new int[0], List.of(
                aggregator("count", List.of(), BIGINT, List.of()),
                aggregator("count", List.of(BIGINT), BIGINT, List.of(0)),
                aggregator("sum", List.of(BIGINT), BIGINT, List.of(0)),
                aggregator("avg", List.of(PRICE), PRICE, List.of(1)),
                aggregator("min", List.of(VARCHAR), VARCHAR, List.of(2)),
                aggregator("max", List.of(DATE), DATE, List.of(3))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(BIGINT, BIGINT, BIGINT, PRICE, VARCHAR, DATE), OperatorRunner.run(factory, List.of())))
                .containsExactly(row(0L, 0L, null, null, null, null));
    }

    @Test
    void testDecimalAverageRoundsHalfUpAndSumIsExact()
    {
        DecimalType small = new DecimalType(3, 2);
        List<Page> input = RowPagesBuilder.rowPagesBuilder(small, BIGINT, INTEGER)
                .row(new BigDecimal("0.01"), 1L, 1).row(new BigDecimal("0.02"), 1L, 2)
                .row(new BigDecimal("-0.01"), 2L, 3).row(new BigDecimal("-0.02"), 2L, 4)
                .row(new BigDecimal("0.05"), 3L, 5).row(new BigDecimal("0.06"), 3L, 6).row(new BigDecimal("0.06"), 3L, 7)
                .build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(BIGINT), new int[] {1}, List.of(
                aggregator("avg", List.of(small), small, List.of(0)),
                aggregator("sum", List.of(small), new DecimalType(38, 2), List.of(0)),
                aggregator("avg", List.of(INTEGER), DOUBLE, List.of(2)),
                aggregator("sum", List.of(INTEGER), BIGINT, List.of(2))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(BIGINT, small, new DecimalType(38, 2), DOUBLE, BIGINT), OperatorRunner.run(factory, input))).containsExactlyInAnyOrder(
                // 0.015 rounds to 0.02; -0.015 to -0.02; 0.17 / 3 = 0.0567 to 0.06
                row(1L, new BigDecimal("0.02"), new BigDecimal("0.03"), 1.5, 3L),
                row(2L, new BigDecimal("-0.02"), new BigDecimal("-0.03"), 3.5, 7L),
                row(3L, new BigDecimal("0.06"), new BigDecimal("0.17"), 6.0, 18L));
    }

    @Test
    void testDecimalSumOverflowsLongButNotInt128()
    {
        DecimalType wide = new DecimalType(18, 0);
        RowPagesBuilder input = RowPagesBuilder.rowPagesBuilder(wide);
        BigDecimal big = new BigDecimal("999999999999999999");
        for (int i = 0; i < 100; i++) {
            input.row(big);
        }
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(), new int[0], List.of(
                aggregator("sum", List.of(wide), new DecimalType(38, 0), List.of(0))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(new DecimalType(38, 0)), OperatorRunner.run(factory, input.build())))
                .containsExactly(row(big.multiply(BigDecimal.valueOf(100))));
    }

    @Test
    void testBigintSumOverflow()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(BIGINT).row(Long.MAX_VALUE).row(1L).build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(), new int[0], List.of(
                aggregator("sum", List.of(BIGINT), BIGINT, List.of(0))), 16, Long.MAX_VALUE);
        assertThatThrownBy(() -> OperatorRunner.run(factory, input))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
    }

    @Test
    void testPartialThenFinalEqualsSingle()
    {
        RowPagesBuilder input = RowPagesBuilder.rowPagesBuilder(VARCHAR, PRICE, DOUBLE);
        for (int i = 0; i < 20_000; i++) {
            input.row("k" + (i % 313), BigDecimal.valueOf(i % 1000, 2), i % 13 == 0 ? null : (double) i);
            if (i % 777 == 0) {
                input.pageBreak();
            }
        }
        List<Page> pages = input.build();
        List<Aggregator> single = List.of(
                aggregator("avg", List.of(PRICE), PRICE, List.of(1)),
                aggregator("avg", List.of(DOUBLE), DOUBLE, List.of(2)),
                aggregator("count", List.of(DOUBLE), BIGINT, List.of(2)),
                aggregator("max", List.of(PRICE), PRICE, List.of(1)));
        List<Page> expected = OperatorRunner.run(new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(VARCHAR), new int[] {0}, single,
                16, Long.MAX_VALUE), pages);
        // partial with a tiny flush size (it flushes often), then final over the partial rows
        List<Page> partial = OperatorRunner.run(new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.PARTIAL, List.of(VARCHAR), new int[] {0}, single,
                16, 64 * 1024), pages);
        List<Aggregator> finals = List.of(
                new Aggregator(single.get(0).function(), List.of(1, 2), OptionalInt.empty(), false),
                new Aggregator(single.get(1).function(), List.of(3, 4), OptionalInt.empty(), false),
                new Aggregator(single.get(2).function(), List.of(5), OptionalInt.empty(), false),
                new Aggregator(single.get(3).function(), List.of(6), OptionalInt.empty(), false));
        List<Page> actual = OperatorRunner.run(new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.FINAL, List.of(VARCHAR), new int[] {0}, finals,
                16, Long.MAX_VALUE), partial);
        List<Type> types = List.of(VARCHAR, PRICE, DOUBLE, BIGINT, PRICE);
        List<List<Object>> expectedRows = toRows(types, expected);
        List<List<Object>> actualRows = toRows(types, actual);
        assertThat(actualRows).hasSameSizeAs(expectedRows);
        Map<Object, List<Object>> byKey = new HashMap<>();
        expectedRows.forEach(expectedRow -> byKey.put(expectedRow.get(0), expectedRow));
        for (List<Object> actualRow : actualRows) {
            List<Object> expectedRow = byKey.get(actualRow.get(0));
            assertThat(actualRow.get(1)).isEqualTo(expectedRow.get(1));
            assertThat((Double) actualRow.get(2)).isCloseTo((Double) expectedRow.get(2), offset(1e-9));
            assertThat(actualRow.subList(3, 5)).isEqualTo(expectedRow.subList(3, 5));
        }
    }

    @Test
    void testDistinctAndMask()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(BIGINT, BIGINT, BOOLEAN)
                .row(1L, 10L, true).row(1L, 10L, true).row(1L, 20L, false).row(1L, null, true).pageBreak()
                .row(1L, 20L, true).row(2L, 10L, true).row(2L, 10L, null)
                .build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(BIGINT), new int[] {0}, List.of(
                new Aggregator(AggregationFunctions.resolve("count", List.of(BIGINT), BIGINT), List.of(1), OptionalInt.empty(), true),
                new Aggregator(AggregationFunctions.resolve("sum", List.of(BIGINT), BIGINT), List.of(1), OptionalInt.of(2), false),
                new Aggregator(AggregationFunctions.resolve("sum", List.of(BIGINT), BIGINT), List.of(1), OptionalInt.of(2), true)), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(BIGINT, BIGINT, BIGINT, BIGINT), OperatorRunner.run(factory, input))).containsExactlyInAnyOrder(
                row(1L, 2L, 40L, 30L),
                row(2L, 1L, 10L, 10L));
    }

    @Test
    void testMinMaxOfVarcharDateAndBoolean()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(VARCHAR, DATE, BOOLEAN)
                .row("b", LocalDate.of(1995, 1, 1), true).row("é", LocalDate.of(1994, 1, 1), false).row(null, null, null).row("a", LocalDate.of(1996, 1, 1), true)
                .build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(), new int[0], List.of(
                aggregator("min", List.of(VARCHAR), VARCHAR, List.of(0)),
                aggregator("max", List.of(VARCHAR), VARCHAR, List.of(0)),
                aggregator("min", List.of(DATE), DATE, List.of(1)),
                aggregator("max", List.of(DATE), DATE, List.of(1)),
                aggregator("min", List.of(BOOLEAN), BOOLEAN, List.of(2)),
                aggregator("max", List.of(BOOLEAN), BOOLEAN, List.of(2))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(VARCHAR, VARCHAR, DATE, DATE, BOOLEAN, BOOLEAN), OperatorRunner.run(factory, input)))
                .containsExactly(row("a", "é", LocalDate.of(1994, 1, 1), LocalDate.of(1996, 1, 1), false, true));
    }

    @Test
    void testIntervalSumAndAverage()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH)
                .row(1000L, 1).row(2001L, 2).row(null, null)
                .build();
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(), new int[0], List.of(
                aggregator("sum", List.of(INTERVAL_DAY_TIME), INTERVAL_DAY_TIME, List.of(0)),
                aggregator("avg", List.of(INTERVAL_DAY_TIME), INTERVAL_DAY_TIME, List.of(0)),
                aggregator("sum", List.of(INTERVAL_YEAR_MONTH), INTERVAL_YEAR_MONTH, List.of(1)),
                aggregator("avg", List.of(INTERVAL_YEAR_MONTH), INTERVAL_YEAR_MONTH, List.of(1))), 16, Long.MAX_VALUE);
        assertThat(toRows(List.of(INTERVAL_DAY_TIME, INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH, INTERVAL_YEAR_MONTH), OperatorRunner.run(factory, input)))
                .containsExactly(row(3001L, 1501L, 3, 2));
    }

    @Test
    void testMemoryLimit()
    {
        RowPagesBuilder input = RowPagesBuilder.rowPagesBuilder(BIGINT);
        for (int i = 0; i < 200_000; i++) {
            input.row((long) i);
        }
        OperatorFactory factory = new HashAggregationOperator.Factory(0, new PlanNodeId("agg"), Step.SINGLE, List.of(BIGINT), new int[] {0}, List.of(
                aggregator("count", List.of(), BIGINT, List.of())), 16, Long.MAX_VALUE);
        assertThatThrownBy(() -> OperatorRunner.run(factory.createOperator(OperatorRunner.driverContext(1024 * 1024)), input.build()))
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
                    assertThat(e.getMessage()).startsWith("Query exceeded per-node memory limit of 1MB");
                });
    }

    private static Aggregator aggregator(String name, List<Type> argumentTypes, Type outputType, List<Integer> channels)
    {
        return new Aggregator(AggregationFunctions.resolve(name, argumentTypes, outputType), channels, OptionalInt.empty(), false);
    }
}
