package io.strata.core.execution.query;

import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.DuckDbSqlComparison;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.strata.protocol.ErrorCode.AMBIGUOUS_NAME;
import static io.strata.protocol.ErrorCode.CATALOG_NOT_FOUND;
import static io.strata.protocol.ErrorCode.COLUMN_NOT_FOUND;
import static io.strata.protocol.ErrorCode.DIVISION_BY_ZERO;
import static io.strata.protocol.ErrorCode.FUNCTION_NOT_FOUND;
import static io.strata.protocol.ErrorCode.INVALID_CAST_ARGUMENT;
import static io.strata.protocol.ErrorCode.INVALID_FUNCTION_ARGUMENT;
import static io.strata.protocol.ErrorCode.INVALID_LITERAL;
import static io.strata.protocol.ErrorCode.INVALID_WINDOW_FRAME;
import static io.strata.protocol.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.strata.protocol.ErrorCode.SCHEMA_NOT_FOUND;
import static io.strata.protocol.ErrorCode.STATEMENT_TOO_LARGE;
import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static io.strata.protocol.ErrorCode.TABLE_NOT_FOUND;
import static io.strata.protocol.ErrorCode.TYPE_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad input through the whole engine (parse, analysis, planning, execution over tpch tiny): each statement
 * fails with its error code and, where the error has a place in the text, the line and column of it. After
 * the suite the engine still answers a good query.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestBadInput
{
    private DuckDbSqlComparison engine;

    @BeforeAll
    void setUp()
    {
        engine = new DuckDbSqlComparison(List.of());
    }

    @AfterAll
    void tearDown()
    {
        engine.close();
    }

    /** A failing statement; {@code line} 0 when the error has no place in the text (run-time errors). */
    record Case(String sql, ErrorCode code, int line, int column)
    {
        @Override
        public String toString()
        {
            return sql.length() > 120 ? sql.substring(0, 120) + "..." : sql;
        }
    }

    private static Case at(String sql, ErrorCode code, int line, int column)
    {
        return new Case(sql, code, line, column);
    }

    private static Case runtime(String sql, ErrorCode code)
    {
        return new Case(sql, code, 0, 0);
    }

    static Stream<Case> cases()
    {
        return Stream.of(
                // malformed SQL: the offending token's line and column
                at("SELECT * FORM nation", SYNTAX_ERROR, 1, 10),
                at("SELCT 1", SYNTAX_ERROR, 1, 1),
                at("SELECT", SYNTAX_ERROR, 1, 7),
                at("SELECT * FROM", SYNTAX_ERROR, 1, 14),
                at("SELECT * FROM nation WHERE", SYNTAX_ERROR, 1, 27),
                at("SELECT n_name, FROM nation", SYNTAX_ERROR, 1, 16),
                at("SELECT n_name n_regionkey n_comment FROM nation", SYNTAX_ERROR, 1, 27),
                at("SELECT * FROM nation WHERE n_nationkey == 1", SYNTAX_ERROR, 1, 41),
                at("SELECT * FROM nation WHERE n_nationkey = = 1", SYNTAX_ERROR, 1, 42),
                at("SELECT (1 + 2 FROM nation", SYNTAX_ERROR, 1, 15),
                at("SELECT 1 + FROM nation", SYNTAX_ERROR, 1, 12),
                at("SELECT * FROM nation GROUP n_regionkey", SYNTAX_ERROR, 1, 28),
                at("SELECT * FROM nation ORDER n_name", SYNTAX_ERROR, 1, 28),
                at("SELECT * FROM nation LIMIT x", SYNTAX_ERROR, 1, 28),
                at("SELECT * FROM nation LIMIT -1", SYNTAX_ERROR, 1, 28),
                at("SELECT # FROM nation", SYNTAX_ERROR, 1, 8),
                at("SELECT n_name AS from FROM nation", SYNTAX_ERROR, 1, 18),
                at("SELECT * FROM select", SYNTAX_ERROR, 1, 15),
                at("SELECT CASE WHEN true THEN END", SYNTAX_ERROR, 1, 28),
                at("SELECT CASE n_name WHEN 'a' THEN 1 FROM nation", SYNTAX_ERROR, 1, 36),
                at("SELECT n_name FROM nation WHERE n_name IN ()", SYNTAX_ERROR, 1, 44),
                at("SELECT n_name FROM nation WHERE n_name LIKE", SYNTAX_ERROR, 1, 44),
                at("SELECT n_name FROM nation WHERE n_nationkey BETWEEN 1", SYNTAX_ERROR, 1, 54),
                at("SELECT CAST(1 AS) FROM nation", SYNTAX_ERROR, 1, 17),
                at("SELECT CAST(1 bigint)", SYNTAX_ERROR, 1, 15),
                at("SELECT 'abc", SYNTAX_ERROR, 1, 8),
                at("SELECT \"abc FROM nation", SYNTAX_ERROR, 1, 8),
                at("SELECT 1 1", SYNTAX_ERROR, 1, 10),
                at("SELECT n_name\nFROM nation\nWHERE n_regionkey = 1 AND\nORDER BY n_name", SYNTAX_ERROR, 4, 1),
                at("SELECT n_name\n  FROM nation\n  WHER n_regionkey = 1", SYNTAX_ERROR, 3, 8),
                at("SELECT\n  n_name,\n  n_regionkey\n  n_comment,\nFROM nation", SYNTAX_ERROR, 5, 1),
                at("SELECT count(*) OVER (ORDER BY) FROM nation", SYNTAX_ERROR, 1, 31),
                at("SELECT rank() OVER (PARTITION n_regionkey) FROM nation", SYNTAX_ERROR, 1, 31),
                at("SELECT sum(n_nationkey) OVER (ROWS BETWEEN 1 AND 2) FROM nation", SYNTAX_ERROR, 1, 51),
                at("SELECT * FROM nation GROUP BY ROLLUP", SYNTAX_ERROR, 1, 37),
                at("SELECT * FROM nation; SELECT 1", SYNTAX_ERROR, 1, 21),
                at("SELECT n_name FROM nation ORDER BY n_name NULLS", SYNTAX_ERROR, 1, 48),
                // DATE is not reserved: a column name here
                at("SELECT DATE FROM nation", COLUMN_NOT_FOUND, 1, 8),
                at("SELECT 1 AS", SYNTAX_ERROR, 1, 12),
                at("SELECT n_name FROM nation n WHERE n. = 1", SYNTAX_ERROR, 1, 38),

                // names that do not resolve
                at("SELECT * FROM nope", TABLE_NOT_FOUND, 1, 15),
                at("SELECT * FROM tiny.nope", TABLE_NOT_FOUND, 1, 15),
                at("SELECT * FROM tpch.tiny.nope", TABLE_NOT_FOUND, 1, 15),
                at("SELECT * FROM nope.nation", SCHEMA_NOT_FOUND, 1, 15),
                at("SELECT * FROM tpch.nope.nation", SCHEMA_NOT_FOUND, 1, 15),
                at("SELECT * FROM nope.tiny.nation", CATALOG_NOT_FOUND, 1, 15),
                at("SELECT\n  *\nFROM\n  nations", TABLE_NOT_FOUND, 4, 3),
                at("SELECT nope FROM nation", COLUMN_NOT_FOUND, 1, 8),
                at("SELECT n_name, n_nope FROM nation", COLUMN_NOT_FOUND, 1, 16),
                at("SELECT n.n_nope FROM nation n", COLUMN_NOT_FOUND, 1, 8),
                at("SELECT nation.n_name FROM nation n", COLUMN_NOT_FOUND, 1, 8),
                at("SELECT * FROM nation WHERE nope = 1", COLUMN_NOT_FOUND, 1, 28),
                at("SELECT * FROM nation ORDER BY nope", COLUMN_NOT_FOUND, 1, 31),
                at("SELECT count(*) FROM nation GROUP BY nope", COLUMN_NOT_FOUND, 1, 38),
                at("SELECT n_name FROM nation\nWHERE\n    n_regionkey = 1\n    AND n_nam = 'x'", COLUMN_NOT_FOUND, 4, 9),
                at("SELECT x.* FROM nation", TABLE_NOT_FOUND, 1, 8),
                at("SELECT a FROM (SELECT n_name AS a, n_comment AS a FROM nation)", AMBIGUOUS_NAME, 1, 8),
                at("SELECT n_name AS x, n_comment AS x FROM nation ORDER BY x", AMBIGUOUS_NAME, 1, 57),
                at("SELECT nope(n_name) FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT foo.bar(1)", FUNCTION_NOT_FOUND, 1, 8),

                // type mismatches
                at("SELECT n_name + 1 FROM nation", TYPE_MISMATCH, 1, 15),
                at("SELECT * FROM nation WHERE n_name = 1", TYPE_MISMATCH, 1, 35),
                at("SELECT * FROM nation WHERE n_nationkey = 'a'", TYPE_MISMATCH, 1, 40),
                at("SELECT * FROM nation WHERE n_name", TYPE_MISMATCH, 1, 28),
                at("SELECT * FROM nation WHERE n_nationkey AND true", TYPE_MISMATCH, 1, 28),
                at("SELECT NOT n_name FROM nation", TYPE_MISMATCH, 1, 12),
                at("SELECT -n_name FROM nation", TYPE_MISMATCH, 1, 8),
                at("SELECT n_nationkey LIKE 'a%' FROM nation", TYPE_MISMATCH, 1, 8),
                at("SELECT CASE WHEN true THEN 1 ELSE 'a' END", TYPE_MISMATCH, 1, 8),
                at("SELECT coalesce(n_name, 1) FROM nation", TYPE_MISMATCH, 1, 8),
                at("SELECT n_nationkey IN (1, 'a') FROM nation", TYPE_MISMATCH, 1, 8),
                at("SELECT CAST(DATE '2020-01-01' AS bigint)", TYPE_MISMATCH, 1, 8),
                at("SELECT CAST(1 AS nope)", TYPE_MISMATCH, 1, 18),
                at("SELECT count(*) FROM nation HAVING 1", TYPE_MISMATCH, 1, 36),
                at("SELECT abs(n_name) FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT substr(n_name) FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT sum(n_name) FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT avg(n_name) FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT 1 FROM (VALUES (1, 2), (3)) t", TYPE_MISMATCH, 1, 32),
                at("SELECT * FROM (VALUES 1, 'a') t", TYPE_MISMATCH, 1, 16),
                at("SELECT DATE '2020-13-01'", INVALID_LITERAL, 1, 8),
                at("SELECT DATE 'yesterday'", INVALID_LITERAL, 1, 8),
                at("SELECT INTERVAL 'x' DAY", INVALID_LITERAL, 1, 8),

                // aggregation and grouping
                at("SELECT * FROM nation WHERE count(*) > 1", SYNTAX_ERROR, 1, 28),
                at("SELECT * FROM nation WHERE sum(n_nationkey) > 1", SYNTAX_ERROR, 1, 28),
                at("SELECT count(*) FROM nation GROUP BY count(*)", SYNTAX_ERROR, 1, 38),
                at("SELECT sum(max(n_nationkey)) FROM nation", SYNTAX_ERROR, 1, 12),
                at("SELECT n_name, count(*) FROM nation", SYNTAX_ERROR, 1, 8),
                at("SELECT n_name FROM nation GROUP BY n_regionkey", SYNTAX_ERROR, 1, 8),
                at("SELECT n_regionkey + n_nationkey FROM nation GROUP BY n_regionkey", SYNTAX_ERROR, 1, 22),
                at("SELECT n_regionkey FROM nation GROUP BY n_regionkey ORDER BY n_name", SYNTAX_ERROR, 1, 62),
                at("SELECT n_regionkey FROM nation GROUP BY n_regionkey HAVING n_name = 'x'", SYNTAX_ERROR, 1, 60),
                at("SELECT * FROM nation GROUP BY n_regionkey", SYNTAX_ERROR, 1, 8),
                at("SELECT n_regionkey FROM nation GROUP BY ROLLUP (n_regionkey) HAVING n_nationkey > 1", SYNTAX_ERROR, 1, 69),
                at("SELECT grouping(n_name) FROM nation GROUP BY n_regionkey", SYNTAX_ERROR, 1, 17),
                at("SELECT * FROM nation WHERE grouping(n_name) = 0", SYNTAX_ERROR, 1, 28),
                at("SELECT n_regionkey FROM nation GROUP BY 2", SYNTAX_ERROR, 1, 41),
                at("SELECT n_regionkey FROM nation GROUP BY 0", SYNTAX_ERROR, 1, 41),
                at("SELECT n_name FROM nation ORDER BY 2", SYNTAX_ERROR, 1, 36),
                at("SELECT n_name FROM nation ORDER BY 0", SYNTAX_ERROR, 1, 36),
                at("SELECT DISTINCT n_name FROM nation ORDER BY n_regionkey", SYNTAX_ERROR, 1, 45),
                at("SELECT * FROM (VALUES 1) t ORDER BY 3", SYNTAX_ERROR, 1, 37),

                // windows
                at("SELECT * FROM nation WHERE rank() OVER (ORDER BY n_name) = 1", SYNTAX_ERROR, 1, 28),
                at("SELECT rank() FROM nation", SYNTAX_ERROR, 1, 8),
                at("SELECT upper(n_name) OVER () FROM nation", FUNCTION_NOT_FOUND, 1, 8),
                at("SELECT sum(n_nationkey) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM nation", INVALID_WINDOW_FRAME, 1, 31),
                at("SELECT sum(n_nationkey) OVER (ROWS BETWEEN CURRENT ROW AND 2 PRECEDING) FROM nation", INVALID_WINDOW_FRAME, 1, 31),
                runtime("SELECT sum(n_nationkey) OVER (ORDER BY n_name ROWS BETWEEN n_regionkey - 5 PRECEDING AND CURRENT ROW) FROM nation", INVALID_WINDOW_FRAME),
                runtime("SELECT ntile(n_regionkey) OVER (ORDER BY n_name) FROM nation", INVALID_FUNCTION_ARGUMENT),
                runtime("SELECT lag(n_name, n_regionkey - 3) OVER (ORDER BY n_name) FROM nation", INVALID_FUNCTION_ARGUMENT),
                runtime("SELECT nth_value(n_name, 0) OVER (ORDER BY n_name) FROM nation", INVALID_FUNCTION_ARGUMENT),

                // run-time failures: division by zero, overflow, bad casts
                runtime("SELECT n_nationkey / 0 FROM nation", DIVISION_BY_ZERO),
                runtime("SELECT n_nationkey % 0 FROM nation", DIVISION_BY_ZERO),
                runtime("SELECT 1 / (n_regionkey - n_regionkey) FROM nation", DIVISION_BY_ZERO),
                runtime("SELECT sum(n_nationkey) / 0 FROM nation", DIVISION_BY_ZERO),
                runtime("SELECT CAST(c_acctbal AS decimal(12, 2)) / 0 FROM customer", DIVISION_BY_ZERO),
                runtime("SELECT 9223372036854775807 + n_nationkey + 1 FROM nation", NUMERIC_VALUE_OUT_OF_RANGE),
                runtime("SELECT -9223372036854775807 - n_nationkey - 2 FROM nation", NUMERIC_VALUE_OUT_OF_RANGE),
                runtime("SELECT 4611686018427387904 * (n_nationkey + 2) FROM nation", NUMERIC_VALUE_OUT_OF_RANGE),
                runtime("SELECT CAST(n_nationkey + 2147483647 AS integer) FROM nation", NUMERIC_VALUE_OUT_OF_RANGE),
                runtime("SELECT CAST(n_name AS bigint) FROM nation", INVALID_CAST_ARGUMENT),
                runtime("SELECT CAST(n_name AS date) FROM nation", INVALID_CAST_ARGUMENT),
                runtime("SELECT CAST(n_name AS double) FROM nation", INVALID_CAST_ARGUMENT),
                runtime("SELECT CAST('12x' AS integer)", INVALID_CAST_ARGUMENT),
                runtime("SELECT CAST(n_comment AS decimal(10, 2)) FROM nation", INVALID_CAST_ARGUMENT),
                // Presto: a value too large for the decimal is a bad cast
                runtime("SELECT CAST(n_nationkey * 1000 AS decimal(3, 0)) FROM nation", INVALID_CAST_ARGUMENT));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsWithCodeAndLocation(Case testCase)
    {
        StrataException failure = catchThrowableOfType(StrataException.class, () -> engine.execute(testCase.sql()));
        assertThat(failure).as(testCase.sql()).isNotNull();
        assertThat(failure.errorCode()).as(failure.getMessage()).isEqualTo(testCase.code());
        if (testCase.line() > 0) {
            assertThat(failure.location()).as(failure.getMessage()).contains(new Location(testCase.line(), testCase.column()));
        }
    }

    @Test
    void suiteIsLargeEnough()
    {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void statementsTooDeepAreUserErrors()
    {
        String parentheses = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThat(catchThrowableOfType(StrataException.class, () -> engine.execute(parentheses)).errorCode()).isEqualTo(STATEMENT_TOO_LARGE);

        String sum = "SELECT " + "n_nationkey + ".repeat(100_000) + "1 FROM nation";
        assertThat(catchThrowableOfType(StrataException.class, () -> engine.execute(sum)).errorCode()).isEqualTo(STATEMENT_TOO_LARGE);

        // a long OR chain is flattened, not nested: it runs
        String disjunction = "SELECT count(*) FROM nation WHERE " + "n_nationkey = 1 OR ".repeat(50_000) + "n_nationkey = 2";
        assertThat(engine.execute(disjunction).rows()).containsExactly(List.of(2L));

        // and the engine still answers
        assertThat(engine.execute("SELECT count(*) FROM nation").rows()).containsExactly(List.of(25L));
    }

    @Test
    void windowOverTheMemoryLimitFailsCleanly()
    {
        try (DuckDbSqlComparison small = new DuckDbSqlComparison(List.of(), TaskManagerConfig.defaults().withWorkerThreads(2).withMaxQueryMemoryPerNodeBytes(1L << 20))) {
            StrataException failure = catchThrowableOfType(StrataException.class,
                    () -> small.execute("SELECT o_comment, row_number() OVER (PARTITION BY o_custkey ORDER BY o_comment) FROM orders"));
            assertThat(failure).isNotNull();
            assertThat(failure.errorCode()).as(failure.getMessage()).isEqualTo(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT);
            assertThat(small.execute("SELECT count(*) FROM nation").rows()).containsExactly(List.of(25L));
        }
    }

    @Test
    void keepsServingAfterBadInput()
    {
        cases().limit(20).forEach(testCase -> assertThat(catchThrowableOfType(StrataException.class, () -> engine.execute(testCase.sql()))).isNotNull());
        assertThat(engine.execute("SELECT n_name FROM nation WHERE n_nationkey = 3").rows()).containsExactly(List.of("CANADA"));
    }
}
