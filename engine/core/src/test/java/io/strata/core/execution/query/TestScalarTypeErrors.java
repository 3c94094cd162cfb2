package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.protocol.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static io.strata.protocol.ErrorCode.DIVISION_BY_ZERO;
import static io.strata.protocol.ErrorCode.INVALID_CAST_ARGUMENT;
import static io.strata.protocol.ErrorCode.INVALID_LITERAL;
import static io.strata.protocol.ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
import static io.strata.protocol.ErrorCode.TYPE_MISMATCH;

/**
 * Errors of tinyint, smallint, real, varbinary, char, time and timestamp as Presto reports them: overflow of
 * a type's own arithmetic and of narrowing casts is {@code NUMERIC_VALUE_OUT_OF_RANGE}, text that is not a
 * value of the type is {@code INVALID_CAST_ARGUMENT}, casts Presto does not have are {@code TYPE_MISMATCH}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestScalarTypeErrors
{
    private TestingSqlEngine engine;

    record Case(String sql, ErrorCode code, String message)
    {
        @Override
        public String toString()
        {
            return sql;
        }
    }

    @BeforeAll
    void setUp()
    {
        engine = new TestingSqlEngine(List.of(new MemoryConnectorFactory()), Map.of("memory", Map.of("connector.name", "memory")));
        engine.run("CREATE TABLE memory.default.n (ti tinyint, si smallint)");
        engine.run("INSERT INTO memory.default.n VALUES (TINYINT '127', SMALLINT '-32768')");
    }

    @AfterAll
    void tearDown()
    {
        engine.close();
    }

    static List<Case> cases()
    {
        return List.of(
                new Case("SELECT TINYINT '127' + TINYINT '1'", NUMERIC_VALUE_OUT_OF_RANGE, "tinyint addition overflow: 127 + 1"),
                new Case("SELECT ti + TINYINT '1' FROM memory.default.n", NUMERIC_VALUE_OUT_OF_RANGE, "tinyint addition overflow: 127 + 1"),
                new Case("SELECT si - SMALLINT '1' FROM memory.default.n", NUMERIC_VALUE_OUT_OF_RANGE, "smallint subtraction overflow: -32768 - 1"),
                new Case("SELECT SMALLINT '200' * SMALLINT '200'", NUMERIC_VALUE_OUT_OF_RANGE, "smallint multiplication overflow"),
                new Case("SELECT TINYINT '-128' / TINYINT '-1'", NUMERIC_VALUE_OUT_OF_RANGE, "tinyint division overflow"),
                new Case("SELECT -si FROM memory.default.n", NUMERIC_VALUE_OUT_OF_RANGE, "smallint negation overflow: -32768"),
                new Case("SELECT abs(TINYINT '-128')", NUMERIC_VALUE_OUT_OF_RANGE, "out of range for abs(tinyint)"),
                new Case("SELECT ti / TINYINT '0' FROM memory.default.n", DIVISION_BY_ZERO, "Division by zero"),
                new Case("SELECT SMALLINT '5' % SMALLINT '0'", DIVISION_BY_ZERO, "Division by zero"),
                new Case("SELECT CAST(300 AS tinyint)", NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for tinyint: 300"),
                new Case("SELECT CAST(40000 AS smallint)", NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for smallint: 40000"),
                new Case("SELECT CAST(si AS tinyint) FROM memory.default.n", NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for tinyint: -32768"),
                new Case("SELECT CAST(128.4 AS tinyint)", NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for tinyint: 128"),
                new Case("SELECT CAST(REAL '1e10' AS smallint)", NUMERIC_VALUE_OUT_OF_RANGE, "Out of range for smallint"),
                new Case("SELECT CAST('300' AS tinyint)", INVALID_CAST_ARGUMENT, "Cannot cast '300' to TINYINT"),
                new Case("SELECT CAST('x' AS smallint)", INVALID_CAST_ARGUMENT, "Cannot cast 'x' to SMALLINT"),
                new Case("SELECT CAST('1.5.' AS real)", INVALID_CAST_ARGUMENT, "Cannot cast '1.5.' to REAL"),
                new Case("SELECT CAST('2020-13-01' AS timestamp)", INVALID_CAST_ARGUMENT, "Value cannot be cast to timestamp: 2020-13-01"),
                new Case("SELECT CAST('noon' AS time)", INVALID_CAST_ARGUMENT, "Value cannot be cast to time: noon"),
                new Case("SELECT CAST('25:00:00' AS time)", INVALID_CAST_ARGUMENT, "Value cannot be cast to time"),
                new Case("SELECT CAST(TIMESTAMP '2020-01-02 03:04:05' AS varchar(5))", INVALID_CAST_ARGUMENT, "cannot be represented as varchar(5)"),
                new Case("SELECT TINYINT '128'", INVALID_LITERAL, "'128' is not a valid tinyint literal"),
                new Case("SELECT REAL 'abc'", INVALID_LITERAL, "'abc' is not a valid real literal"),
                new Case("SELECT TIMESTAMP '2020-01-02 25:00:00'", INVALID_LITERAL, "is not a valid timestamp literal"),
                new Case("SELECT TIME '01:02:03.1234567'", INVALID_LITERAL, "is not a valid time literal"),
                new Case("SELECT X'0A0'", INVALID_LITERAL, "Binary literal must contain an even number of digits"),
                new Case("SELECT X'0G'", INVALID_LITERAL, "Binary literal can only contain hexadecimal digits"),
                new Case("SELECT CAST(X'0A' AS integer)", TYPE_MISMATCH, "Cannot cast varbinary to integer"),
                new Case("SELECT CAST(TIME '01:02:03' AS date)", TYPE_MISMATCH, "Cannot cast time(0) to date"),
                new Case("SELECT CAST(1 AS timestamp)", TYPE_MISMATCH, "Cannot cast integer to timestamp(3)"),
                new Case("SELECT TIMESTAMP '2020-01-02 03:04:05' + 1", TYPE_MISMATCH, "'+' cannot be applied to timestamp(0), integer"),
                new Case("SELECT X'0A' = 'a'", TYPE_MISMATCH, "'=' cannot be applied to varbinary, varchar(1)"),
                new Case("SELECT CAST(1 AS timestamp(7))", TYPE_MISMATCH, "TIMESTAMP precision must be in range [0, 6]"),
                new Case("SELECT CAST('a' AS char(0))", TYPE_MISMATCH, "CHAR length must be in range"),
                new Case("SELECT TIMESTAMP '2020-01-02 03:04:05 Mars/Olympus'", INVALID_LITERAL, "is not a valid timestamp literal"),
                new Case("SELECT TIMESTAMP '2020-01-02 03:04:05.1234 UTC'", INVALID_LITERAL, "is not a valid timestamp literal"),
                new Case("SELECT CAST('2020-01-02 nonsense' AS timestamp with time zone)", INVALID_CAST_ARGUMENT, "Value cannot be cast to timestamp with time zone"),
                new Case("SELECT TIMESTAMP '2020-01-02 03:04:05 UTC' AT TIME ZONE 'Nowhere/Land'", ErrorCode.INVALID_FUNCTION_ARGUMENT, "'Nowhere/Land' is not a valid time zone"),
                new Case("SELECT from_unixtime(1e300)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid unix time"),
                new Case("SELECT date_trunc('fortnight', TIMESTAMP '2020-01-02 03:04:05')", ErrorCode.INVALID_FUNCTION_ARGUMENT, "'fortnight' is not a valid Timestamp field"),
                new Case("SELECT CAST(1 AS tinyint(3))", TYPE_MISMATCH, "Unknown type: tinyint(3)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testError(Case query)
    {
        engine.assertError(query.sql(), query.code(), query.message());
    }
}
