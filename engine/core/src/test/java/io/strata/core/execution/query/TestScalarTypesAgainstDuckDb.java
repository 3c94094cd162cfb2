package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.testing.DuckDbSqlComparison;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tinyint, smallint, real, varbinary, char(n), timestamp(p) and time(p) through the whole engine: literals,
 * casts both ways, arithmetic, comparisons, GROUP BY, ORDER BY, joins, NULLs, min/max/count, and memory
 * connector tables of each type written with CREATE TABLE and INSERT. Each query is checked against DuckDB
 * running the same SQL (or its DuckDB spelling) over the same rows; where DuckDB's semantics differ from
 * Presto's (char padding, text of timestamps), the expected rows are given with the Presto rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestScalarTypesAgainstDuckDb
{
    private static final String TABLES = "memory.default.";

    private TestingSqlEngine engine;
    private Connection duckDb;

    /**
     * A query with its DuckDB spelling (null: the same SQL, without the memory catalog prefix), or the
     * expected rows in normalized form where DuckDB cannot express Presto's answer.
     */
    record Case(String sql, String duckDbSql, List<List<Object>> expected)
    {
        static Case of(String sql)
        {
            return new Case(sql, null, null);
        }

        static Case of(String sql, String duckDbSql)
        {
            return new Case(sql, duckDbSql, null);
        }

        /** Expected rows, each value in normalized form (integers as Long, timestamps as ISO text, bytes as X'..'). */
        static Case expect(String sql, List<?>... rows)
        {
            List<List<Object>> expected = new ArrayList<>();
            for (List<?> row : rows) {
                expected.add(new ArrayList<>(row));
            }
            return new Case(sql, null, expected);
        }

        String oracleSql()
        {
            return duckDbSql == null ? sql.replace(TABLES, "") : duckDbSql;
        }

        @Override
        public String toString()
        {
            return sql;
        }
    }

    @BeforeAll
    void setUp()
            throws SQLException
    {
        engine = new TestingSqlEngine(List.of(new TpchConnectorFactory(), new MemoryConnectorFactory()), Map.of(
                "tpch", Map.of("connector.name", "tpch"),
                "memory", Map.of("connector.name", "memory")));
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        both("CREATE TABLE memory.default.nums (k integer, ti tinyint, si smallint, re real)",
                "CREATE TABLE nums (k integer, ti tinyint, si smallint, re real)");
        both("INSERT INTO memory.default.nums VALUES "
                        + "(1, TINYINT '1', SMALLINT '100', REAL '1.5'), "
                        + "(2, TINYINT '-5', SMALLINT '-300', REAL '-2.25'), "
                        + "(3, TINYINT '127', SMALLINT '32767', REAL '0.1'), "
                        + "(4, TINYINT '-128', SMALLINT '-32768', REAL '10000000000'), "
                        + "(5, NULL, NULL, NULL), "
                        + "(6, TINYINT '1', SMALLINT '100', REAL '1.5'), "
                        + "(7, TINYINT '0', SMALLINT '0', REAL '0')",
                "INSERT INTO nums VALUES (1, 1, 100, 1.5), (2, -5, -300, -2.25), (3, 127, 32767, 0.1), (4, -128, -32768, 10000000000), "
                        + "(5, NULL, NULL, NULL), (6, 1, 100, 1.5), (7, 0, 0, 0)");
        // a second table of the same types, made by CREATE TABLE AS, for joins
        both("CREATE TABLE memory.default.nums2 AS SELECT k + 10 AS k, ti, si, re FROM memory.default.nums WHERE k IN (1, 3, 5, 7)",
                "CREATE TABLE nums2 AS SELECT k + 10 AS k, ti, si, re FROM nums WHERE k IN (1, 3, 5, 7)");
        both("CREATE TABLE memory.default.bins (k integer, b varbinary)", "CREATE TABLE bins (k integer, b blob)");
        both("INSERT INTO memory.default.bins VALUES (1, X'0A0B'), (2, X''), (3, X'FF'), (4, NULL), (5, X'0A0B'), (6, X'0A')",
                "INSERT INTO bins VALUES (1, from_hex('0A0B')), (2, from_hex('')), (3, from_hex('FF')), (4, NULL), (5, from_hex('0A0B')), (6, from_hex('0A'))");
        both("CREATE TABLE memory.default.times (k integer, ts timestamp(6), t time(6))", "CREATE TABLE times (k integer, ts timestamp, t time)");
        both("INSERT INTO memory.default.times VALUES "
                        + "(1, TIMESTAMP '2020-01-02 03:04:05.123456', TIME '03:04:05.123456'), "
                        + "(2, TIMESTAMP '1969-12-31 23:59:59.999999', TIME '23:59:59.999999'), "
                        + "(3, TIMESTAMP '2020-01-31 00:00:00', TIME '00:00:00'), "
                        + "(4, NULL, NULL), "
                        + "(5, TIMESTAMP '2020-01-02 03:04:05.123456', TIME '03:04:05.123456'), "
                        + "(6, TIMESTAMP '1900-02-28 12:00:00.5', TIME '12:00:00.5')",
                "INSERT INTO times VALUES (1, TIMESTAMP '2020-01-02 03:04:05.123456', TIME '03:04:05.123456'), "
                        + "(2, TIMESTAMP '1969-12-31 23:59:59.999999', TIME '23:59:59.999999'), (3, TIMESTAMP '2020-01-31 00:00:00', TIME '00:00:00'), "
                        + "(4, NULL, NULL), (5, TIMESTAMP '2020-01-02 03:04:05.123456', TIME '03:04:05.123456'), "
                        + "(6, TIMESTAMP '1900-02-28 12:00:00.5', TIME '12:00:00.5')");
        // timestamp with time zone has no DuckDB counterpart that keeps the zone: an engine-only table, checked against given rows
        engine.run("CREATE TABLE memory.default.zoned AS SELECT * FROM (VALUES "
                + "(1, TIMESTAMP '2020-01-02 03:04:05.123 America/New_York'), (2, TIMESTAMP '2020-01-02 03:04:05.123 America/New_York'), "
                + "(3, TIMESTAMP '2019-12-31 23:00:00 America/New_York'), (4, CAST(NULL AS timestamp(3) with time zone))) t(k, z)");
        engine.run("INSERT INTO memory.default.zoned VALUES (5, TIMESTAMP '2020-01-02 08:04:05.123 UTC')");
        both("CREATE TABLE memory.default.chars (k integer, c char(4))", "CREATE TABLE chars (k integer, c varchar)");
        both("INSERT INTO memory.default.chars VALUES (1, CHAR 'ab'), (2, CHAR 'ab  '), (3, CHAR 'abcd'), (4, NULL), (5, CHAR 'b'), (6, CHAR '')",
                "INSERT INTO chars VALUES (1, 'ab'), (2, 'ab'), (3, 'abcd'), (4, NULL), (5, 'b'), (6, '')");
    }

    private void both(String engineSql, String duckDbSql)
            throws SQLException
    {
        engine.run(engineSql);
        try (Statement statement = duckDb.createStatement()) {
            statement.execute(duckDbSql);
        }
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        engine.close();
        duckDb.close();
    }

    static List<Case> cases()
    {
        return List.of(
                // tinyint, smallint, real literals and their types' arithmetic
                Case.of("SELECT TINYINT '5', SMALLINT '-7', REAL '1.5'", "SELECT 5::TINYINT, -7::SMALLINT, 1.5::REAL"),
                Case.of("SELECT TINYINT '100' + TINYINT '27', SMALLINT '30000' - SMALLINT '-2767'", "SELECT 100::TINYINT + 27::TINYINT, 30000::SMALLINT - (-2767)::SMALLINT"),
                Case.of("SELECT TINYINT '-7' / TINYINT '2', TINYINT '-7' % TINYINT '2'", "SELECT (-7)::TINYINT // 2::TINYINT, (-7)::TINYINT % 2::TINYINT"),
                Case.of("SELECT SMALLINT '181' * SMALLINT '181'", "SELECT 181::SMALLINT * 181::SMALLINT"),
                Case.of("SELECT REAL '0.1' + REAL '0.2', REAL '1' / REAL '3', REAL '2.5' * REAL '0.1'", "SELECT 0.1::REAL + 0.2::REAL, 1::REAL / 3::REAL, 2.5::REAL * 0.1::REAL"),
                Case.of("SELECT REAL '7.5' % REAL '2', -REAL '1.25', abs(REAL '-3.5')", "SELECT 7.5::REAL % 2::REAL, -(1.25::REAL), abs((-3.5)::REAL)"),
                Case.of("SELECT ti + 1, si + 1, re + 1 FROM memory.default.nums", "SELECT ti::INTEGER + 1, si::INTEGER + 1, re + 1 FROM nums"),
                Case.of("SELECT ti * 2, si * 2, re * 2 FROM memory.default.nums WHERE k <> 3 AND k <> 4"),
                Case.of("SELECT ti + ti FROM memory.default.nums WHERE k IN (1, 2, 7)"),
                Case.of("SELECT si - ti, si * ti FROM memory.default.nums WHERE k NOT IN (3, 4)"),
                Case.of("SELECT re + ti, re * si FROM memory.default.nums"),
                Case.of("SELECT re / 2, re - 0.5 FROM memory.default.nums"),
                Case.of("SELECT ti + 1.5, si * 0.25 FROM memory.default.nums"),
                Case.of("SELECT ti + 1000000000000, si + 2.5e0 FROM memory.default.nums"),
                Case.of("SELECT -ti, -si, -re FROM memory.default.nums WHERE k <> 4"),
                Case.of("SELECT abs(ti), abs(si), abs(re) FROM memory.default.nums WHERE k <> 4"),
                Case.of("SELECT ti / TINYINT '2', si % SMALLINT '7' FROM memory.default.nums", "SELECT ti // 2::TINYINT, si % 7::SMALLINT FROM nums"),
                // comparisons across the numeric types
                Case.of("SELECT k FROM memory.default.nums WHERE ti > 0"),
                Case.of("SELECT k FROM memory.default.nums WHERE si <= -300"),
                Case.of("SELECT k FROM memory.default.nums WHERE re = 1.5"),
                Case.of("SELECT k FROM memory.default.nums WHERE re < REAL '0.2'", "SELECT k FROM nums WHERE re < 0.2::REAL"),
                Case.of("SELECT k FROM memory.default.nums WHERE re = 0.1", "SELECT k FROM nums WHERE re = 0.1::REAL"),
                Case.of("SELECT k FROM memory.default.nums WHERE ti = si"),
                Case.of("SELECT k FROM memory.default.nums WHERE ti < re"),
                Case.of("SELECT k FROM memory.default.nums WHERE si BETWEEN -300 AND 100"),
                Case.of("SELECT k FROM memory.default.nums WHERE ti IN (1, 127)"),
                Case.of("SELECT k FROM memory.default.nums WHERE si IN (SMALLINT '0', SMALLINT '-32768')", "SELECT k FROM nums WHERE si IN (0, -32768)"),
                Case.of("SELECT k FROM memory.default.nums WHERE ti IS NULL"),
                Case.of("SELECT k, ti IS DISTINCT FROM TINYINT '1' FROM memory.default.nums", "SELECT k, ti IS DISTINCT FROM 1 FROM nums"),
                Case.of("SELECT k FROM memory.default.nums WHERE re > 1000"),
                Case.of("SELECT k, ti = TINYINT '127', re <> REAL '1.5' FROM memory.default.nums", "SELECT k, ti = 127, re <> 1.5 FROM nums"),
                Case.of("SELECT k, CASE WHEN ti > 0 THEN si ELSE ti END FROM memory.default.nums"),
                Case.of("SELECT k, coalesce(ti, TINYINT '9'), coalesce(re, REAL '9.5') FROM memory.default.nums", "SELECT k, coalesce(ti, 9), coalesce(re, 9.5::REAL) FROM nums"),
                Case.of("SELECT k, nullif(ti, TINYINT '1') FROM memory.default.nums", "SELECT k, nullif(ti, 1::TINYINT) FROM nums"),
                Case.of("SELECT k, greatest_ti FROM (SELECT k, CASE WHEN ti > si THEN ti ELSE si END AS greatest_ti FROM memory.default.nums) t"),
                // casts from and to the narrow numbers
                Case.of("SELECT CAST(ti AS integer), CAST(si AS bigint), CAST(re AS double) FROM memory.default.nums"),
                Case.of("SELECT CAST(ti AS double), CAST(si AS real), CAST(ti AS decimal(5, 2)) FROM memory.default.nums"),
                Case.of("SELECT CAST(ti AS varchar), CAST(si AS varchar) FROM memory.default.nums"),
                Case.of("SELECT CAST(re AS varchar) FROM memory.default.nums WHERE k <> 4"),
                Case.of("SELECT CAST(k AS tinyint), CAST(k * 1000 AS smallint), CAST(k AS real) FROM memory.default.nums"),
                Case.of("SELECT CAST('12' AS tinyint), CAST(' -32768 ' AS smallint), CAST('1.25' AS real)", "SELECT CAST('12' AS tinyint), CAST('-32768' AS smallint), CAST('1.25' AS real)"),
                Case.of("SELECT CAST(12.4 AS tinyint), CAST(-12.6 AS smallint), CAST(3.7e0 AS tinyint)"),
                Case.of("SELECT CAST(REAL '2.4' AS tinyint), CAST(REAL '-3.6' AS smallint), CAST(REAL '1.5' AS decimal(4, 2))", "SELECT CAST(2.4::REAL AS tinyint), CAST((-3.6)::REAL AS smallint), CAST(1.5::REAL AS decimal(4, 2))"),
                Case.of("SELECT CAST(TINYINT '1' AS boolean), CAST(SMALLINT '0' AS boolean), CAST(true AS tinyint)", "SELECT CAST(1::TINYINT AS boolean), CAST(0::SMALLINT AS boolean), CAST(true AS tinyint)"),
                Case.of("SELECT CAST(ti AS smallint) * CAST(ti AS smallint) FROM memory.default.nums"),
                Case.of("SELECT CAST(si AS tinyint) FROM memory.default.nums WHERE k IN (5, 7)"),
                Case.of("SELECT CAST(1.5e0 AS real), CAST(CAST(0.1 AS real) AS double)"),
                Case.of("SELECT TRY_CAST(si AS tinyint) FROM memory.default.nums", "SELECT TRY_CAST(si AS tinyint) FROM nums"),
                Case.of("SELECT TRY_CAST('x' AS smallint), TRY_CAST('300' AS tinyint), TRY_CAST('1e3' AS real)"),
                // aggregates, GROUP BY, ORDER BY, DISTINCT, joins
                Case.of("SELECT min(ti), max(ti), min(si), max(si), min(re), max(re), count(ti), count(re) FROM memory.default.nums"),
                Case.of("SELECT sum(ti), sum(si), avg(ti), avg(si) FROM memory.default.nums"),
                // sum and avg of real are real: summed in double, rounded to float at the end
                Case.of("SELECT sum(re), avg(re) FROM memory.default.nums WHERE k <> 4", "SELECT sum(re::DOUBLE)::REAL, avg(re::DOUBLE)::REAL FROM nums WHERE k <> 4"),
                Case.of("SELECT ti, sum(re), avg(re) FROM memory.default.nums GROUP BY ti", "SELECT ti, sum(re::DOUBLE)::REAL, avg(re::DOUBLE)::REAL FROM nums GROUP BY ti"),
                Case.of("SELECT ti, count(*) FROM memory.default.nums GROUP BY ti"),
                Case.of("SELECT si, count(*), sum(k) FROM memory.default.nums GROUP BY si"),
                Case.of("SELECT re, count(*) FROM memory.default.nums GROUP BY re"),
                Case.of("SELECT ti, si, re, count(*) FROM memory.default.nums GROUP BY ti, si, re"),
                Case.of("SELECT DISTINCT ti FROM memory.default.nums"),
                Case.of("SELECT count(DISTINCT re) FROM memory.default.nums"),
                Case.of("SELECT k, ti FROM memory.default.nums ORDER BY ti NULLS FIRST, k"),
                Case.of("SELECT k, si FROM memory.default.nums ORDER BY si DESC NULLS LAST, k"),
                Case.of("SELECT k, re FROM memory.default.nums ORDER BY re NULLS LAST, k"),
                Case.of("SELECT k, re FROM memory.default.nums ORDER BY re DESC NULLS FIRST, k LIMIT 3"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a JOIN memory.default.nums2 b ON a.ti = b.ti"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a JOIN memory.default.nums2 b ON a.si = b.si"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a JOIN memory.default.nums2 b ON a.re = b.re"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a LEFT JOIN memory.default.nums2 b ON a.re = b.re AND a.ti = b.ti"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a JOIN memory.default.nums2 b ON a.ti = b.si"),
                Case.of("SELECT a.k, b.k FROM memory.default.nums a FULL JOIN memory.default.nums2 b ON a.si = b.k"),
                Case.of("SELECT k FROM memory.default.nums WHERE ti IN (SELECT ti FROM memory.default.nums2)"),
                Case.of("SELECT ti FROM memory.default.nums UNION SELECT ti FROM memory.default.nums2"),
                Case.of("SELECT count(*), count(ti), min(ti) FROM memory.default.nums WHERE k > 100"),
                Case.of("SELECT k, sum(re) OVER (ORDER BY k) FROM memory.default.nums WHERE k < 4", "SELECT k, (sum(re::DOUBLE) OVER (ORDER BY k))::REAL FROM nums WHERE k < 4"),
                Case.of("SELECT k, ti, si, re FROM memory.default.nums2"),
                // varbinary
                Case.of("SELECT X'0A0B', X'', X'ff'", "SELECT from_hex('0A0B'), from_hex(''), from_hex('ff')"),
                Case.of("SELECT k, b FROM memory.default.bins"),
                Case.of("SELECT k FROM memory.default.bins WHERE b = X'0A0B'", "SELECT k FROM bins WHERE b = from_hex('0A0B')"),
                Case.of("SELECT k FROM memory.default.bins WHERE b > X'0A'", "SELECT k FROM bins WHERE b > from_hex('0A')"),
                Case.of("SELECT k FROM memory.default.bins WHERE b < X'FF'", "SELECT k FROM bins WHERE b < from_hex('FF')"),
                Case.of("SELECT k FROM memory.default.bins WHERE b IS NULL"),
                Case.of("SELECT b, count(*) FROM memory.default.bins GROUP BY b"),
                Case.of("SELECT k, b FROM memory.default.bins ORDER BY b NULLS FIRST, k"),
                Case.of("SELECT k, b FROM memory.default.bins ORDER BY b DESC NULLS LAST, k"),
                Case.of("SELECT min(b), max(b), count(b), count(DISTINCT b) FROM memory.default.bins"),
                Case.of("SELECT a.k, c.k FROM memory.default.bins a JOIN memory.default.bins c ON a.b = c.b"),
                Case.of("SELECT CAST('abc' AS varbinary)", "SELECT 'abc'::BLOB"),
                Case.of("SELECT k FROM memory.default.bins WHERE b IN (X'FF', X'')", "SELECT k FROM bins WHERE b IN (from_hex('FF'), from_hex(''))"),
                // char(n): padded to n, compared without trailing spaces (DuckDB has no padded char)
                Case.expect("SELECT CHAR 'ab', CAST('ab' AS char(4)), CAST('abcdef' AS char(3))", List.of("ab", "ab  ", "abc")),
                Case.expect("SELECT k, c FROM memory.default.chars ORDER BY k",
                        List.of(1L, "ab  "), List.of(2L, "ab  "), List.of(3L, "abcd"), Arrays.asList(4L, null), List.of(5L, "b   "), List.of(6L, "    ")),
                Case.of("SELECT k FROM memory.default.chars WHERE c = 'ab'"),
                Case.of("SELECT k FROM memory.default.chars WHERE c = CHAR 'ab   '", "SELECT k FROM chars WHERE c = 'ab'"),
                Case.of("SELECT k FROM memory.default.chars WHERE c < 'b'"),
                Case.of("SELECT k FROM memory.default.chars WHERE c = CAST('ab' AS varchar)"),
                Case.of("SELECT k FROM memory.default.chars WHERE c IN ('b', 'abcd')"),
                Case.of("SELECT k FROM memory.default.chars WHERE c > CHAR 'ab'", "SELECT k FROM chars WHERE c > 'ab'"),
                Case.of("SELECT k FROM memory.default.chars WHERE c IS NULL"),
                Case.expect("SELECT c, count(*) FROM memory.default.chars GROUP BY c",
                        List.of("ab  ", 2L), List.of("abcd", 1L), Arrays.asList(null, 1L), List.of("b   ", 1L), List.of("    ", 1L)),
                Case.of("SELECT count(DISTINCT c), count(c) FROM memory.default.chars"),
                Case.of("SELECT a.k, b.k FROM memory.default.chars a JOIN memory.default.chars b ON a.c = b.c"),
                Case.expect("SELECT k, c FROM memory.default.chars WHERE c IS NOT NULL ORDER BY c, k",
                        List.of(6L, "    "), List.of(1L, "ab  "), List.of(2L, "ab  "), List.of(3L, "abcd"), List.of(5L, "b   ")),
                Case.expect("SELECT min(c), max(c) FROM memory.default.chars", List.of("    ", "b   ")),
                Case.expect("SELECT CAST(c AS varchar) FROM memory.default.chars WHERE k = 1", List.of("ab  ")),
                // length of char(n) is n, padding included (Presto)
                Case.expect("SELECT k, length(c) FROM memory.default.chars ORDER BY k",
                        List.of(1L, 4L), List.of(2L, 4L), List.of(3L, 4L), Arrays.asList(4L, null), List.of(5L, 4L), List.of(6L, 4L)),
                Case.of("SELECT k, length(b) FROM memory.default.bins", "SELECT k, octet_length(b) FROM bins"),
                Case.expect("SELECT CAST(CHAR 'ab' AS char(5)) = CHAR 'ab', CHAR 'a' < CHAR 'a '", List.of(true, false)),
                // timestamp(p)
                Case.of("SELECT TIMESTAMP '2020-01-02 03:04:05.123456', TIMESTAMP '2020-01-02 03:04:05', TIMESTAMP '2020-01-02'"),
                Case.of("SELECT k, ts FROM memory.default.times"),
                Case.of("SELECT k FROM memory.default.times WHERE ts > TIMESTAMP '2020-01-01 00:00:00'"),
                Case.of("SELECT k FROM memory.default.times WHERE ts = TIMESTAMP '2020-01-02 03:04:05.123456'"),
                Case.of("SELECT k FROM memory.default.times WHERE ts < TIMESTAMP '1970-01-01 00:00:00'"),
                Case.of("SELECT k FROM memory.default.times WHERE ts BETWEEN TIMESTAMP '1969-12-31 23:59:59.999999' AND TIMESTAMP '2020-01-02 03:04:05.123456'"),
                Case.of("SELECT k FROM memory.default.times WHERE ts >= DATE '2020-01-02'", "SELECT k FROM times WHERE ts >= TIMESTAMP '2020-01-02'"),
                Case.of("SELECT ts, count(*) FROM memory.default.times GROUP BY ts"),
                Case.of("SELECT k, ts FROM memory.default.times ORDER BY ts NULLS FIRST, k"),
                Case.of("SELECT k, ts FROM memory.default.times ORDER BY ts DESC NULLS LAST, k"),
                Case.of("SELECT min(ts), max(ts), count(ts), count(DISTINCT ts) FROM memory.default.times"),
                Case.of("SELECT a.k, b.k FROM memory.default.times a JOIN memory.default.times b ON a.ts = b.ts"),
                Case.of("SELECT k, ts + INTERVAL '1' DAY, ts - INTERVAL '2' HOUR FROM memory.default.times"),
                Case.of("SELECT k, ts + INTERVAL '1' MONTH, ts - INTERVAL '1' YEAR FROM memory.default.times"),
                Case.of("SELECT k, INTERVAL '90' SECOND + ts FROM memory.default.times"),
                Case.of("SELECT k, CAST(ts AS date) FROM memory.default.times"),
                Case.of("SELECT CAST(DATE '2020-03-04' AS timestamp)"),
                Case.of("SELECT CAST('2020-03-04 05:06:07.891' AS timestamp), CAST('2020-03-04' AS timestamp)"),
                Case.expect("SELECT CAST(TIMESTAMP '2020-03-04 05:06:07.891' AS varchar), CAST(TIMESTAMP '2020-03-04 05:06:07' AS varchar)",
                        List.of("2020-03-04 05:06:07.891", "2020-03-04 05:06:07")),
                // Presto rounds half up when a timestamp loses precision
                Case.expect("SELECT CAST(TIMESTAMP '2020-03-04 05:06:07.8915' AS timestamp(3)), CAST(TIMESTAMP '2020-12-31 23:59:59.9995' AS timestamp(3))",
                        List.of("2020-03-04T05:06:07.892", "2021-01-01T00:00")),
                Case.expect("SELECT CAST(ts AS varchar) FROM memory.default.times WHERE k IN (1, 2) ORDER BY k",
                        List.of("2020-01-02 03:04:05.123456"), List.of("1969-12-31 23:59:59.999999")),
                Case.expect("SELECT CAST(ts AS timestamp(0)) FROM memory.default.times WHERE k IN (1, 2, 6) ORDER BY k",
                        List.of("2020-01-02T03:04:05"), List.of("1970-01-01T00:00"), List.of("1900-02-28T12:00:01")),
                Case.expect("SELECT TIMESTAMP '2020-01-02 03:04:05.1' = TIMESTAMP '2020-01-02 03:04:05.100000', TIMESTAMP '2020-01-02 03:04:05' < TIMESTAMP '2020-01-02 03:04:05.000001'",
                        List.of(true, true)),
                Case.of("SELECT k, CAST(ts AS time(6)) FROM memory.default.times", "SELECT k, CAST(ts AS time) FROM times"),
                // time means time(3): the fraction rounds half up, and wraps past midnight
                Case.expect("SELECT CAST(ts AS time) FROM memory.default.times WHERE k IN (1, 2) ORDER BY k", List.of("03:04:05.123"), List.of("00:00")),
                Case.of("SELECT k, year(ts), month(ts), day(ts), hour(ts), minute(ts), second(ts) FROM memory.default.times"),
                Case.of("SELECT k, EXTRACT(YEAR FROM ts), EXTRACT(MONTH FROM ts), EXTRACT(DAY FROM ts), EXTRACT(HOUR FROM ts) FROM memory.default.times"),
                Case.of("SELECT year(ts), count(*) FROM memory.default.times GROUP BY year(ts)"),
                Case.of("SELECT k, date_trunc('second', ts), date_trunc('minute', ts), date_trunc('hour', ts), date_trunc('day', ts) FROM memory.default.times"),
                Case.of("SELECT k, date_trunc('week', ts), date_trunc('month', ts), date_trunc('quarter', ts), date_trunc('year', ts) FROM memory.default.times"),
                Case.of("SELECT date_trunc('month', ts), count(*) FROM memory.default.times GROUP BY date_trunc('month', ts)"),
                // timestamp - timestamp is an interval day to second (milliseconds here)
                Case.expect("SELECT TIMESTAMP '2020-01-02 03:04:05.500' - TIMESTAMP '2020-01-01 03:04:05', TIMESTAMP '2020-01-01' - TIMESTAMP '2020-01-01 00:00:01.250'",
                        List.of(86_400_500L, -1_250L)),
                Case.of("SELECT a.k, b.k FROM memory.default.times a JOIN memory.default.times b ON a.ts - b.ts = INTERVAL '0' SECOND"),
                Case.expect("SELECT localtimestamp IS NOT NULL, CAST(localtimestamp AS date) = current_date, localtime IS NOT NULL", List.of(true, true, true)),
                // time(p)
                Case.of("SELECT k, hour(t), minute(t), second(t), EXTRACT(MINUTE FROM t) FROM memory.default.times"),
                Case.of("SELECT TIME '01:02:03', TIME '23:59:59.999999', TIME '12:00'"),
                Case.of("SELECT k, t FROM memory.default.times"),
                Case.of("SELECT k FROM memory.default.times WHERE t > TIME '03:04:05'"),
                Case.of("SELECT k FROM memory.default.times WHERE t = TIME '03:04:05.123456'"),
                Case.of("SELECT t, count(*) FROM memory.default.times GROUP BY t"),
                Case.of("SELECT k, t FROM memory.default.times ORDER BY t NULLS LAST, k"),
                Case.of("SELECT min(t), max(t), count(t) FROM memory.default.times"),
                Case.of("SELECT a.k, b.k FROM memory.default.times a JOIN memory.default.times b ON a.t = b.t"),
                Case.of("SELECT CAST('01:02:03.5' AS time)"),
                Case.expect("SELECT CAST(TIME '01:02:03.5' AS varchar), CAST(TIME '01:02:03.456789' AS time(3))", List.of("01:02:03.5", "01:02:03.457")),
                // timestamp with time zone: an instant and the zone it shows in; compared by instant
                Case.expect("SELECT TIMESTAMP '2020-01-02 03:04:05.123 UTC', TIMESTAMP '2020-01-02 03:04:05 America/New_York', TIMESTAMP '2020-07-02 03:04:05.5 +05:30'",
                        List.of("2020-01-02 03:04:05.123 UTC", "2020-01-02 03:04:05 America/New_York", "2020-07-02 03:04:05.5 +05:30")),
                Case.expect("SELECT TIMESTAMP '2020-01-02 03:04:05 UTC' = TIMESTAMP '2020-01-01 22:04:05 America/New_York', "
                        + "TIMESTAMP '2020-01-02 03:04:05 UTC' < TIMESTAMP '2020-01-02 03:04:05 +01:00', "
                        + "TIMESTAMP '2020-01-02 03:04:05 UTC' IS DISTINCT FROM TIMESTAMP '2020-01-02 04:04:05 +01:00'", List.of(true, false, false)),
                Case.expect("SELECT TIMESTAMP '2020-06-01 12:00:00 UTC' AT TIME ZONE 'America/Los_Angeles', TIMESTAMP '2020-01-01 00:00:00 UTC' AT TIME ZONE '+09:00'",
                        List.of("2020-06-01 05:00:00 America/Los_Angeles", "2020-01-01 09:00:00 +09:00")),
                Case.of("SELECT to_unixtime(TIMESTAMP '2020-01-02 03:04:05.250 Europe/Berlin'), to_unixtime(from_unixtime(1.5e9))",
                        "SELECT epoch(TIMESTAMPTZ '2020-01-02 03:04:05.250+01'), 1.5e9::DOUBLE"),
                Case.expect("SELECT from_unixtime(1577934245.123e0), CAST(from_unixtime(0e0) AS varchar)",
                        List.of("2020-01-02 03:04:05.123 UTC", "1970-01-01 00:00:00.000 UTC")),
                Case.expect("SELECT CAST(TIMESTAMP '2020-01-02 01:00:00 Asia/Tokyo' AS date), CAST(TIMESTAMP '2020-01-02 01:00:00 Asia/Tokyo' AS timestamp), "
                        + "CAST(TIMESTAMP '2020-01-02 01:00:00.5 Asia/Tokyo' AS time)",
                        List.of("2020-01-02", "2020-01-02T01:00", "01:00:00.500")),
                Case.expect("SELECT CAST('2020-01-02 03:04:05.123 Europe/London' AS timestamp with time zone), CAST(TIMESTAMP '2020-01-02 03:04:05.6789' AS timestamp(3) with time zone), "
                        + "CAST(DATE '2020-01-02' AS timestamp with time zone)",
                        List.of("2020-01-02 03:04:05.123 Europe/London", "2020-01-02 03:04:05.679 UTC", "2020-01-02 00:00:00.000 UTC")),
                Case.expect("SELECT CAST(TIMESTAMP '2020-01-02 03:04:05.678 UTC' AS timestamp(0) with time zone), TIMESTAMP '2020-01-02 03:04:05 UTC' > TIMESTAMP '2020-01-02 03:04:04'",
                        List.of("2020-01-02 03:04:06 UTC", true)),
                Case.expect("SELECT x FROM (VALUES TIMESTAMP '2020-01-02 03:00:00 +01:00', TIMESTAMP '2020-01-02 01:00:00 UTC', TIMESTAMP '2020-01-02 03:00:00 UTC') t(x) ORDER BY x",
                        List.of("2020-01-02 01:00:00 UTC"), List.of("2020-01-02 03:00:00 +01:00"), List.of("2020-01-02 03:00:00 UTC")),
                Case.expect("SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-02 03:00:00 +01:00', TIMESTAMP '2020-01-02 01:00:00 UTC') t(x) "
                        + "WHERE x BETWEEN TIMESTAMP '2020-01-02 02:00:00 UTC' AND TIMESTAMP '2020-01-02 02:00:00 UTC'", List.of(1L)),
                // a day-to-second interval moves the instant, a year-to-month one the local time in the zone (here across DST)
                Case.expect("SELECT TIMESTAMP '2020-03-07 12:00:00 America/New_York' + INTERVAL '1' DAY, TIMESTAMP '2020-02-08 12:00:00 America/New_York' + INTERVAL '1' MONTH, "
                        + "INTERVAL '90' MINUTE + TIMESTAMP '2020-01-31 23:00:00 UTC', TIMESTAMP '2020-03-31 00:00:00 UTC' - INTERVAL '1' MONTH",
                        List.of("2020-03-08 13:00:00 America/New_York", "2020-03-08 12:00:00 America/New_York", "2020-02-01 00:30:00 UTC", "2020-02-29 00:00:00 UTC")),
                Case.expect("SELECT k, z FROM memory.default.zoned ORDER BY z NULLS LAST, k",
                        List.of(3L, "2019-12-31 23:00:00.000 America/New_York"), List.of(1L, "2020-01-02 03:04:05.123 America/New_York"),
                        List.of(2L, "2020-01-02 03:04:05.123 America/New_York"), List.of(5L, "2020-01-02 08:04:05.123 UTC"), Arrays.asList(4L, null)),
                Case.expect("SELECT k FROM memory.default.zoned WHERE z = TIMESTAMP '2020-01-02 08:04:05.123 UTC'", List.of(1L), List.of(2L), List.of(5L)),
                Case.expect("SELECT k FROM memory.default.zoned WHERE z IN (TIMESTAMP '2020-01-02 08:04:05.123 UTC', TIMESTAMP '2000-01-01 00:00:00 UTC')",
                        List.of(1L), List.of(2L), List.of(5L)),
                Case.expect("SELECT k, nullif(z, TIMESTAMP '2020-01-02 08:04:05.123 UTC') IS NULL FROM memory.default.zoned",
                        List.of(1L, true), List.of(2L, true), List.of(3L, false), List.of(4L, true), List.of(5L, true)),
                Case.expect("SELECT k FROM memory.default.zoned WHERE z < TIMESTAMP '2020-01-01 05:00:01 +01:00'", List.of(3L)),
                // one group per instant; the key shows the zone of the group's first row (k = 5 is the same instant in UTC)
                Case.expect("SELECT count(*) FROM (SELECT z FROM memory.default.zoned GROUP BY z)", List.of(3L)),
                Case.expect("SELECT z IS NULL, count(*) FROM memory.default.zoned GROUP BY z", List.of(false, 3L), List.of(false, 1L), List.of(true, 1L)),
                Case.expect("SELECT z, count(*) FROM memory.default.zoned WHERE k < 5 GROUP BY z",
                        List.of("2020-01-02 03:04:05.123 America/New_York", 2L), List.of("2019-12-31 23:00:00.000 America/New_York", 1L), Arrays.asList(null, 1L)),
                Case.expect("SELECT min(z), max(z), count(z) FROM memory.default.zoned WHERE k < 5",
                        List.of("2019-12-31 23:00:00.000 America/New_York", "2020-01-02 03:04:05.123 America/New_York", 3L)),
                Case.expect("SELECT a.k, b.k FROM memory.default.zoned a JOIN memory.default.zoned b ON a.z = b.z WHERE a.k < 3 AND b.k < 5",
                        List.of(1L, 1L), List.of(1L, 2L), List.of(2L, 1L), List.of(2L, 2L)),
                Case.expect("SELECT k, CAST(z AS timestamp), CAST(z AS date), to_unixtime(z) FROM memory.default.zoned WHERE k IN (1, 5) ORDER BY k",
                        List.of(1L, "2020-01-02T03:04:05.123", "2020-01-02", 1577952245.123), List.of(5L, "2020-01-02T08:04:05.123", "2020-01-02", 1577952245.123)),
                Case.expect("SELECT now() = current_timestamp, CAST(current_timestamp AS date) = current_date", List.of(true, true)),
                // NULLs of each type
                Case.expect("SELECT CAST(NULL AS tinyint), CAST(NULL AS smallint), CAST(NULL AS real), CAST(NULL AS varbinary), CAST(NULL AS char(3)), CAST(NULL AS timestamp), CAST(NULL AS time)",
                        Arrays.asList(null, null, null, null, null, null, null)),
                // CREATE TABLE AS with each type, read back
                Case.expect("SELECT count(*) FROM memory.default.nums2", List.of(4L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
            throws SQLException
    {
        List<List<Object>> actual = engine.run(query.sql()).rows().stream()
                .map(row -> row.stream().map(DuckDbSqlComparison::normalize).toList())
                .toList();
        List<List<Object>> expected = query.expected() != null ? query.expected() : duckDb(query.oracleSql());
        if (query.sql().contains("ORDER BY")) {
            assertThat(actual).isEqualTo(expected);
        }
        else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private List<List<Object>> duckDb(String sql)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = DuckDbSqlComparison.normalize(resultSet.getObject(i + 1));
                }
                rows.add(Arrays.asList(row));
            }
        }
        return rows;
    }
}
