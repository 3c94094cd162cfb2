package io.strata.sql.formatter;

import io.strata.sql.parser.SqlParser;
import io.strata.sql.tree.ArithmeticBinary;
import io.strata.sql.tree.ArithmeticUnary;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.Statement;
import io.strata.sql.tree.StringLiteral;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class TestSqlFormatter
{
    private static final SqlParser PARSER = new SqlParser();

    private static final List<String> STATEMENTS = List.of(
            "SELECT 1",
            "SELECT DISTINCT a, b AS x, t.*, * FROM t",
            "SELECT a FROM t WHERE a > 1 AND (b OR c) AND NOT d ORDER BY a DESC NULLS FIRST, b OFFSET 10 ROWS LIMIT 5",
            "SELECT a FROM t FETCH FIRST 2 ROWS ONLY",
            "SELECT * FROM a, b, c WHERE a.x = b.x",
            "SELECT * FROM a JOIN b ON a.x = b.x LEFT JOIN c USING (y) RIGHT OUTER JOIN d ON TRUE FULL JOIN e ON FALSE CROSS JOIN f",
            "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.y = b.y",
            "SELECT * FROM (a CROSS JOIN b) AS j",
            "SELECT * FROM a, b JOIN c ON b.x = c.x",
            "SELECT * FROM a CROSS JOIN (b CROSS JOIN c)",
            "SELECT * FROM (SELECT 1 AS x) AS s (y), (VALUES (1, 'a'), (2, 'b')) v (n, s)",
            "SELECT * FROM (VALUES 1, 2, 3) AS v (n)",
            "VALUES (1, 2), (3, 4)",
            "VALUES ROW (1), ROW (2)",
            "SELECT a, count(*) FROM t GROUP BY a, 2, ROLLUP (a, b), CUBE (c), GROUPING SETS ((a, b), (a), ()) HAVING count(*) > 1",
            "WITH a (x) AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b",
            "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4 ORDER BY 1 LIMIT 2",
            "(SELECT 1 LIMIT 1) UNION ALL (SELECT 2) UNION (SELECT 3 UNION SELECT 4)",
            "SELECT 1 INTERSECT (SELECT 2 UNION SELECT 3)",
            "SELECT \"Mixed Case\", \"select\", \"a\"\"b\" FROM \"Table\" AS \"T\"",
            "SELECT date, year, comment, position, schema, tables, data, first, last, name, type FROM date",
            "SELECT 'it''s', 1.5, .5, 1e3, 2.5E-2, 9223372036854775807, -9223372036854775808, TRUE, FALSE, NULL",
            "SELECT DATE '1998-12-01', TIMESTAMP '2020-01-01 00:00:00', DECIMAL '1.0', TIME '01:02:03', real '1.5', double precision '2'",
            "SELECT INTERVAL '90' DAY, INTERVAL -'3' MONTH, INTERVAL '1-2' YEAR TO MONTH, d - INTERVAL '1' HOUR",
            "SELECT ? FROM t WHERE a = ? AND b IN (?, ?)",
            "SELECT a + b * c, (a + b) * c, a - (b - c), a - b - c, -a, - -a, -(-1), -(a + 1), +a, a % b / c, a / (b * c)",
            "SELECT a || b || c, (a || b) = c",
            "SELECT NOT a AND b, NOT (a AND b), a OR b AND c, (a OR b) AND c, NOT NOT a",
            "SELECT (a = b) = c, (a = b) IS NULL, a IS NOT NULL, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b",
            "SELECT x BETWEEN a AND b AND c, x NOT BETWEEN a + 1 AND b * 2, (x BETWEEN a AND b) = true",
            "SELECT a IN (1, 2), a NOT IN (SELECT b FROM u), a LIKE 'x%', a NOT LIKE 'x!%' ESCAPE '!', EXISTS (SELECT 1), NOT EXISTS (SELECT 1)",
            "SELECT a = ANY (SELECT b FROM u), a < ALL (SELECT b FROM u), a >= SOME (SELECT b FROM u), (SELECT max(b) FROM u)",
            "SELECT CASE a WHEN 1 THEN 'one' ELSE 'other' END, CASE WHEN a > 1 THEN 1 END",
            "SELECT CAST(a AS bigint), TRY_CAST(a AS decimal(12, 2)), CAST(a AS timestamp(3) with time zone), CAST(a AS row(x bigint, \"Y\" array(varchar(3))))",
            "SELECT CAST(a AS map(varchar, double)), CAST(a AS interval day to second), CAST(a AS time with time zone), CAST(x AS row(bigint, date))",
            "SELECT EXTRACT(YEAR FROM d), extract(day_of_week FROM d), COALESCE(a, b), NULLIF(a, b), IF(a, b), IF(a, b, c)",
            "SELECT count(*), count(DISTINCT a), sum(a) FILTER (WHERE a > 0), my.schema.f(1)",
            "SELECT rank() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), sum(x) OVER (), sum(x) OVER (RANGE 2 PRECEDING)",
            "SELECT CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(3), LOCALTIMESTAMP, LOCALTIME(2), CURRENT_TIME",
            "SELECT ARRAY[1, 2], ARRAY[], a[1], a.b.c, f(x).y, ROW (1, 'a'), (1, 2), row(a), (a + b).c, (array)[1]",
            "SELECT substring(s FROM 2 FOR 3), substring(s, 1), position('x' IN s)",
            "SHOW CATALOGS",
            "SHOW CATALOGS LIKE 't%'",
            "SHOW SCHEMAS FROM tpch LIKE 't$_%' ESCAPE '$'",
            "SHOW TABLES FROM tpch.tiny LIKE 'o%'",
            "SHOW COLUMNS FROM tpch.tiny.orders",
            "DESCRIBE orders",
            "SHOW SESSION LIKE 'q%'",
            "SHOW FUNCTIONS",
            "EXPLAIN SELECT 1",
            "EXPLAIN ANALYZE (TYPE DISTRIBUTED, FORMAT TEXT) SELECT * FROM t",
            "EXPLAIN (TYPE LOGICAL) SHOW TABLES",
            "USE tpch.tiny",
            "USE tiny",
            "SET SESSION query_max_memory = '1GB'",
            "SET SESSION tpch.splits_per_node = 2 * 2",
            "RESET SESSION tpch.splits_per_node",
            "PREPARE q FROM SELECT * FROM t WHERE a = ?",
            "EXECUTE q USING 1, 'a'",
            "EXECUTE q",
            "DEALLOCATE PREPARE q",
            "DESCRIBE INPUT q",
            "DESCRIBE OUTPUT q",
            "START TRANSACTION",
            "START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            "START TRANSACTION READ WRITE",
            "COMMIT",
            "ROLLBACK WORK",
            "CREATE SCHEMA IF NOT EXISTS memory.s WITH (location = 'x')",
            "CREATE TABLE IF NOT EXISTS t (a bigint NOT NULL, b varchar(10) COMMENT 'the b', \"C\" decimal(5, 2)) WITH (format = 'ORC')",
            "CREATE TABLE t (x, y) WITH (a = 1) AS SELECT 1, 2 WITH NO DATA",
            "CREATE TABLE t AS WITH w AS (SELECT 1 AS x) SELECT * FROM w",
            "INSERT INTO t (a, b) SELECT 1, 2",
            "INSERT INTO s.t VALUES (1, 2)",
            "DROP TABLE IF EXISTS c.s.t",
            "DROP TABLE t");

    @Test
    public void testStatementsRoundTrip()
    {
        for (String sql : STATEMENTS) {
            assertRoundTrip(sql);
        }
    }

    @Test
    public void testFormatting()
    {
        assertThat(SqlFormatter.formatSql(PARSER.createStatement("select a, b from t where a = 1 and b = 2 order by a limit 3")))
                .isEqualTo("""
                        SELECT
                          a,
                          b
                        FROM
                          t
                        WHERE
                          a = 1
                          AND b = 2
                        ORDER BY
                          a
                        LIMIT 3""");
        assertThat(SqlFormatter.formatSql(PARSER.createStatement("select * from (select 1) x where exists (select 1)")))
                .isEqualTo("""
                        SELECT
                          *
                        FROM
                          (
                            SELECT
                              1
                          ) AS x
                        WHERE
                          EXISTS (
                            SELECT
                              1
                          )""");
    }

    @Test
    public void testExpressionsUseFewestParentheses()
    {
        assertFormattedExpression("a + (b * c)", "a + b * c");
        assertFormattedExpression("(a + b) * c", "(a + b) * c");
        assertFormattedExpression("((a - b) - c)", "a - b - c");
        assertFormattedExpression("a - (b - c)", "a - (b - c)");
        assertFormattedExpression("(a AND b) OR c", "a AND b OR c");
        assertFormattedExpression("a AND (b OR c)", "a AND (b OR c)");
        assertFormattedExpression("NOT (a AND b)", "NOT (a AND b)");
        assertFormattedExpression("(NOT a) AND b", "NOT a AND b");
        assertFormattedExpression("-(-(1))", "-(-1)");
        assertFormattedExpression("x NOT BETWEEN 1 AND 2", "NOT x BETWEEN 1 AND 2");
        assertFormattedExpression("a IS NOT DISTINCT FROM b", "NOT a IS DISTINCT FROM b");
        assertFormattedExpression("1e3", "1000.0E0");
        assertFormattedExpression("date '2020-01-01'", "DATE '2020-01-01'");
        assertFormattedExpression("\"select\" + \"Foo\" + foo", "\"select\" + \"Foo\" + foo");
        assertFormattedExpression("a || b", "concat(a, b)");
    }

    @Test
    public void testNodesBuiltByCode()
    {
        // a name that is not a plain identifier, or is reserved, is quoted even if it was not delimited
        assertThat(SqlFormatter.formatExpression(new Identifier("from"))).isEqualTo("\"from\"");
        assertThat(SqlFormatter.formatExpression(new Identifier("two words", true))).isEqualTo("\"two words\"");
        assertThat(SqlFormatter.formatName(QualifiedName.of("tpch", "tiny", "orders"))).isEqualTo("tpch.tiny.orders");
        // "--" would start a comment
        Expression doubleNegation = new ArithmeticUnary(ArithmeticUnary.Sign.MINUS, new LongLiteral(-1));
        assertThat(SqlFormatter.formatExpression(doubleNegation)).isEqualTo("-(-1)");
        assertThat(SqlFormatter.formatExpression(new ArithmeticBinary(ArithmeticBinary.Operator.SUBTRACT, new LongLiteral(1), new LongLiteral(-1))))
                .isEqualTo("1 - -1");
        assertThat(SqlFormatter.formatExpression(new StringLiteral("it's"))).isEqualTo("'it''s'");
        assertThat(SqlFormatter.formatDataType(new DataType("timestamp with time zone", List.of(new DataType.NumericParameter(3)))))
                .isEqualTo("timestamp(3) with time zone");
        assertThat(SqlFormatter.formatSql(new DataType("bigint"))).isEqualTo("bigint");
    }

    private static void assertFormattedExpression(String sql, String expected)
    {
        Expression expression = PARSER.createExpression(sql);
        String formatted = SqlFormatter.formatExpression(expression);
        assertThat(formatted).as(sql).isEqualTo(expected);
        assertThat(PARSER.createExpression(formatted)).as(formatted).isEqualTo(expression);
    }

    private static void assertRoundTrip(String sql)
    {
        Statement statement = PARSER.createStatement(sql);
        String formatted = SqlFormatter.formatSql(statement);
        Statement reparsed = PARSER.createStatement(formatted);
        assertThat(reparsed).as("%s%nformatted as%n%s", sql, formatted).isEqualTo(statement);
        assertThat(SqlFormatter.formatSql(reparsed)).as(sql).isEqualTo(formatted);
    }
}
