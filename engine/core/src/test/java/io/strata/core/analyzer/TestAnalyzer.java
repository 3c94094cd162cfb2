package io.strata.core.analyzer;

import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.Metadata;
import io.strata.core.planner.ExpressionFormatter;
import io.strata.core.session.Session;
import io.strata.spi.type.Type;
import io.strata.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.core.metadata.TestingMetadata.createTestingMetadata;
import static io.strata.core.metadata.TestingMetadata.testingSession;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound form of queries over {@code testing.sales.orders}: (orderkey bigint, custkey bigint, status
 * varchar(1), price decimal(12,2), discount decimal(12,2), orderdate date, comment varchar(79), priority integer,
 * ratio double). Expressions print with {@code #i} for field {@code i} of the relation they read.
 */
class TestAnalyzer
{
    private final Metadata metadata = createTestingMetadata();
    private final SqlParser parser = new SqlParser();
    private final Analyzer analyzer = new Analyzer(metadata, parser, new KernelConstantEvaluator());

    private QueryAnalysis analyze(String sql)
    {
        return analyze(testingSession(), sql);
    }

    private QueryAnalysis analyze(Session session, String sql)
    {
        return (QueryAnalysis) analyzer.analyze(parser.createStatement(sql), sql, session);
    }

    private BoundQuerySpecification specification(String sql)
    {
        return (BoundQuerySpecification) analyze(sql).relation();
    }

    private List<String> projections(String sql)
    {
        return specification(sql).projections().stream().map(ExpressionFormatter::format).toList();
    }

    private List<Type> types(String sql)
    {
        return analyze(sql).relation().type().types();
    }

    @Test
    void typesLiteralsAsPrestoDoes()
    {
        assertThat(types("SELECT 1, 2147483648, 1.5, 0.05, 1e3, 'abc', DATE '1998-12-01', INTERVAL '90' DAY, INTERVAL '1-2' YEAR TO MONTH, NULL, true, DECIMAL '12.300'"))
                .containsExactly(INTEGER, BIGINT, createDecimalType(2, 1), createDecimalType(2, 2), DOUBLE, createVarcharType(3), DATE, INTERVAL_DAY_TIME,
                        INTERVAL_YEAR_MONTH, UNKNOWN, BOOLEAN, createDecimalType(5, 3));
        assertThat(projections("SELECT INTERVAL '1 02:00:00' DAY TO SECOND, INTERVAL '-2' HOUR, INTERVAL '1-2' YEAR TO MONTH"))
                .containsExactly("INTERVAL '1 02:00:00.000' DAY TO SECOND", "INTERVAL '-0 02:00:00.000' DAY TO SECOND", "INTERVAL '1-2' YEAR TO MONTH");
    }

    @Test
    void makesCoercionsExplicit()
    {
        assertThat(projections("SELECT orderkey + priority, price * discount, price + 1, price * ratio, priority / 2, status = 'F', orderdate + INTERVAL '1' DAY FROM orders"))
                .containsExactly(
                        "#0 + CAST(#7 AS bigint)",
                        "#3 * #4",
                        "#3 + CAST(1 AS decimal(10,0))",
                        "CAST(#3 AS double) * #8",
                        "#7 / 2",
                        "#2 = 'F'",
                        "#5 + INTERVAL '1' DAY");
        assertThat(types("SELECT orderkey + priority, price * discount, price + 1, price * ratio, priority / 2, price / discount, price % 7 FROM orders"))
                .containsExactly(BIGINT, createDecimalType(24, 4), createDecimalType(13, 2), DOUBLE, INTEGER, createDecimalType(14, 2), createDecimalType(12, 2));
    }

    @Test
    void typesAggregatesAsPrestoDoes()
    {
        BoundQuerySpecification specification = specification(
                "SELECT count(*), count(status), sum(price), avg(price), sum(priority), avg(orderkey), min(orderdate), max(status), sum(ratio) FROM orders");
        assertThat(specification.aggregation().orElseThrow().aggregates())
                .extracting(BoundAggregate::type)
                .containsExactly(BIGINT, BIGINT, createDecimalType(38, 2), createDecimalType(12, 2), BIGINT, DOUBLE, DATE, createVarcharType(1), DOUBLE);
        assertThat(specification.projections()).extracting(ExpressionFormatter::format)
                .containsExactly("#0", "#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8");
    }

    @Test
    void namesOutputColumns()
    {
        assertThat(analyze("SELECT orderkey, o.custkey, price AS p, price * 2 FROM orders o").columnNames())
                .containsExactly("orderkey", "custkey", "p", "_col3");
        assertThat(analyze("SELECT orders.orderkey, sales.orders.custkey, testing.sales.orders.status FROM orders").columnNames())
                .containsExactly("orderkey", "custkey", "status");
        assertThat(analyze("SELECT * FROM customer").columnNames()).containsExactly("custkey", "name", "comment");
        assertThat(analyze("SELECT c.*, 1 FROM customer c").columnNames()).containsExactly("custkey", "name", "comment", "_col3");
    }

    @Test
    void resolvesUnquotedNamesCaseInsensitively()
    {
        assertThat(analyze("SELECT OrderKey, \"PRICE\" FROM Testing.SALES.Orders").columnNames()).containsExactly("orderkey", "price");
    }

    @Test
    void groupsByExpressionsAndOrdinals()
    {
        BoundQuerySpecification specification = specification("SELECT status, orderkey + 1, sum(price) FROM orders GROUP BY 1, orderkey + 1");
        assertThat(specification.aggregation().orElseThrow().groupingKeys()).extracting(ExpressionFormatter::format).containsExactly("#2", "#0 + CAST(1 AS bigint)");
        assertThat(specification.projections()).extracting(ExpressionFormatter::format).containsExactly("#0", "#1", "#2");

        assertThat(projections("SELECT (orderkey + 1) * 2 FROM orders GROUP BY orderkey + 1")).containsExactly("#0 * CAST(2 AS bigint)");
    }

    @Test
    void usesAggregatesInHavingAndOrderBy()
    {
        BoundQuerySpecification specification = specification("SELECT status FROM orders GROUP BY status HAVING count(*) > 1 ORDER BY max(price) DESC, status");
        assertThat(specification.aggregation().orElseThrow().aggregates()).extracting(BoundAggregate::functionName).containsExactly("count", "max");
        assertThat(ExpressionFormatter.format(specification.having().orElseThrow())).isEqualTo("#1 > CAST(1 AS bigint)");
        assertThat(specification.projections()).extracting(ExpressionFormatter::format).containsExactly("#0", "#2");
        assertThat(specification.orderBy()).extracting(BoundSortItem::field).containsExactly(1, 0);
        assertThat(specification.type().size()).isEqualTo(1);
    }

    @Test
    void ordersByAliasOrdinalAndExpression()
    {
        BoundQuerySpecification specification = specification("SELECT orderkey AS k, price * 2 AS doubled FROM orders ORDER BY doubled DESC, 1, custkey, doubled + 1");
        assertThat(specification.projections()).extracting(ExpressionFormatter::format)
                .containsExactly("#0", "#3 * CAST(2 AS decimal(10,0))", "#1", "(#3 * CAST(2 AS decimal(10,0))) + CAST(1 AS decimal(10,0))");
        assertThat(specification.orderBy()).extracting(BoundSortItem::field).containsExactly(1, 0, 2, 3);
        assertThat(specification.orderBy()).extracting(item -> item.order().name())
                .containsExactly("DESC_NULLS_LAST", "ASC_NULLS_LAST", "ASC_NULLS_LAST", "ASC_NULLS_LAST");
    }

    @Test
    void aliasInOrderByHidesColumnOfSameName()
    {
        BoundQuerySpecification specification = specification("SELECT custkey AS orderkey FROM orders ORDER BY orderkey");
        assertThat(specification.projections()).extracting(ExpressionFormatter::format).containsExactly("#1");
        assertThat(specification.orderBy()).extracting(BoundSortItem::field).containsExactly(0);
    }

    @Test
    void distinctIsAFlag()
    {
        BoundQuerySpecification specification = specification("SELECT DISTINCT status, custkey FROM orders ORDER BY custkey");
        assertThat(specification.distinct()).isTrue();
        assertThat(specification.orderBy()).extracting(BoundSortItem::field).containsExactly(1);
    }

    @Test
    void bindsSpecialForms()
    {
        assertThat(projections("""
                SELECT
                    orderkey BETWEEN 1 AND 10,
                    status IN ('F', 'O'),
                    comment LIKE '%x%',
                    comment IS NULL,
                    comment IS NOT NULL,
                    CASE WHEN priority > 2 THEN 'high' ELSE 'low' END,
                    CASE status WHEN 'F' THEN 1 END,
                    COALESCE(price, 0),
                    IF(priority = 1, 'one'),
                    NULLIF(priority, 1),
                    EXTRACT(YEAR FROM orderdate),
                    CAST(price AS varchar),
                    TRY_CAST(comment AS bigint),
                    NOT (orderkey = 1 OR custkey = 2)
                FROM orders"""))
                .containsExactly(
                        "#0 BETWEEN CAST(1 AS bigint) AND CAST(10 AS bigint)",
                        "#2 IN ('F', 'O')",
                        "#6 LIKE '%x%'",
                        "#6 IS NULL",
                        "NOT (#6 IS NULL)",
                        "CASE WHEN #7 > 2 THEN 'high' ELSE CAST('low' AS varchar(4)) END",
                        "CASE WHEN #2 = 'F' THEN 1 ELSE null END",
                        "COALESCE(#3, CAST(0 AS decimal(12,2)))",
                        "IF(#7 = 1, 'one', null)",
                        "NULLIF(#7, 1)",
                        "year(#5)",
                        "CAST(#3 AS varchar)",
                        "TRY_CAST(#6 AS bigint)",
                        "NOT ((#0 = CAST(1 AS bigint)) OR (#1 = CAST(2 AS bigint)))");
    }

    @Test
    void bindsScalarFunctions()
    {
        assertThat(projections("SELECT status || comment, substr(comment, 2, 3), upper(status), length(comment), abs(priority), round(price, 1), round(price), year(orderdate) FROM orders"))
                .containsExactly("concat(#2, #6)", "substr(#6, CAST(2 AS bigint), CAST(3 AS bigint))", "upper(#2)", "length(#6)", "abs(#7)", "round(#3, 1)", "round(#3)", "year(#5)");
        assertThat(types("SELECT status || comment, substr(comment, 2), round(price, 1), round(price), round(ratio) FROM orders"))
                .containsExactly(VARCHAR, createVarcharType(79), createDecimalType(13, 2), createDecimalType(11, 0), DOUBLE);
    }

    @Test
    void readsFromValuesAndSubqueries()
    {
        QueryAnalysis values = analyze("VALUES (1, 'a'), (2, 'bc'), (NULL, NULL)");
        assertThat(values.relation().type().types()).containsExactly(INTEGER, createVarcharType(2));
        assertThat(values.columnNames()).containsExactly("_col0", "_col1");

        QueryAnalysis subquery = analyze("SELECT t.x + 1 FROM (SELECT orderkey AS x FROM orders WHERE priority = 1) t WHERE x > 5");
        BoundQuerySpecification outer = (BoundQuerySpecification) subquery.relation();
        assertThat(outer.from()).isInstanceOf(BoundQuerySpecification.class);
        assertThat(ExpressionFormatter.format(outer.where().orElseThrow())).isEqualTo("#0 > CAST(5 AS bigint)");
    }

    @Test
    void selectWithoutFromReadsOneRow()
    {
        BoundQuerySpecification specification = specification("SELECT 1 + 2");
        assertThat(specification.from()).isEqualTo(BoundValues.SINGLE_ROW);
        assertThat(specification.projections()).extracting(RowExpression::type).containsExactly(INTEGER);
    }
}
