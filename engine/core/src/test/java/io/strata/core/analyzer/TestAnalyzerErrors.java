package io.strata.core.analyzer;

import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.sql.parser.SqlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static io.strata.core.metadata.TestingMetadata.createTestingMetadata;
import static io.strata.core.metadata.TestingMetadata.testingSession;
import static io.strata.protocol.ErrorCode.AMBIGUOUS_NAME;
import static io.strata.protocol.ErrorCode.CATALOG_NOT_FOUND;
import static io.strata.protocol.ErrorCode.COLUMN_NOT_FOUND;
import static io.strata.protocol.ErrorCode.FUNCTION_NOT_FOUND;
import static io.strata.protocol.ErrorCode.INVALID_LITERAL;
import static io.strata.protocol.ErrorCode.INVALID_PARAMETER_USAGE;
import static io.strata.protocol.ErrorCode.INVALID_WINDOW_FRAME;
import static io.strata.protocol.ErrorCode.MISSING_CATALOG_NAME;
import static io.strata.protocol.ErrorCode.MISSING_SCHEMA_NAME;
import static io.strata.protocol.ErrorCode.NOT_SUPPORTED;
import static io.strata.protocol.ErrorCode.SCHEMA_NOT_FOUND;
import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static io.strata.protocol.ErrorCode.TABLE_NOT_FOUND;
import static io.strata.protocol.ErrorCode.TYPE_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What users get wrong: each case checks the error code, the message and where it points.
 */
class TestAnalyzerErrors
{
    private static final Session NO_CATALOG = Session.simple("test_query", "test", Optional.empty(), Optional.empty());
    private static final Session NO_SCHEMA = Session.simple("test_query", "test", Optional.of("testing"), Optional.empty());

    private final SqlParser parser = new SqlParser();
    private final Analyzer analyzer = new Analyzer(createTestingMetadata(), parser, new KernelConstantEvaluator());

    record Case(String sql, Session session, ErrorCode code, String message, int line, int column)
    {
        Case(String sql, ErrorCode code, String message, int line, int column)
        {
            this(sql, testingSession(), code, message, line, column);
        }

        @Override
        public String toString()
        {
            return sql;
        }
    }

    static Stream<Case> cases()
    {
        return Stream.of(
                new Case("SELECT x FROM orders", COLUMN_NOT_FOUND, "Column 'x' cannot be resolved", 1, 8),
                new Case("SELECT o.x FROM orders o", COLUMN_NOT_FOUND, "Column 'o.x' cannot be resolved", 1, 8),
                new Case("SELECT orders.orderkey FROM orders o", COLUMN_NOT_FOUND, "Column 'orders.orderkey' cannot be resolved", 1, 8),
                new Case("SELECT comment FROM (SELECT comment, comment FROM orders)", AMBIGUOUS_NAME, "Column 'comment' is ambiguous", 1, 8),
                new Case("SELECT * FROM foo", TABLE_NOT_FOUND, "Table 'testing.sales.foo' does not exist", 1, 15),
                new Case("SELECT * FROM nope.foo", SCHEMA_NOT_FOUND, "Schema 'nope' does not exist", 1, 15),
                new Case("SELECT * FROM nope.sales.orders", CATALOG_NOT_FOUND, "Catalog 'nope' does not exist", 1, 15),
                new Case("SELECT * FROM orders", NO_CATALOG, MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set", 1, 15),
                new Case("SELECT * FROM orders", NO_SCHEMA, MISSING_SCHEMA_NAME, "Schema must be specified when session schema is not set", 1, 15),
                new Case("SELECT status, count(*) FROM orders", SYNTAX_ERROR, "'status' must be an aggregate expression or appear in GROUP BY clause", 1, 8),
                new Case("SELECT status FROM orders GROUP BY custkey", SYNTAX_ERROR, "'status' must be an aggregate expression or appear in GROUP BY clause", 1, 8),
                new Case("SELECT custkey + priority FROM orders GROUP BY custkey", SYNTAX_ERROR, "'priority' must be an aggregate expression or appear in GROUP BY clause", 1, 18),
                new Case("SELECT * FROM orders GROUP BY custkey", SYNTAX_ERROR, "'orderkey' must be an aggregate expression or appear in GROUP BY clause", 1, 8),
                new Case("SELECT custkey FROM orders GROUP BY custkey ORDER BY price", SYNTAX_ERROR, "'price' must be an aggregate expression or appear in GROUP BY clause", 1, 54),
                new Case("SELECT custkey FROM orders GROUP BY custkey HAVING price > 1", SYNTAX_ERROR, "'price' must be an aggregate expression or appear in GROUP BY clause", 1, 52),
                new Case("SELECT * FROM orders WHERE count(*) > 1", SYNTAX_ERROR, "WHERE clause cannot contain aggregations or window functions", 1, 28),
                new Case("SELECT count(*) FROM orders GROUP BY sum(price)", SYNTAX_ERROR, "GROUP BY clause cannot contain aggregations or window functions", 1, 38),
                new Case("SELECT sum(count(*)) FROM orders", SYNTAX_ERROR, "Cannot nest aggregations inside aggregation 'sum'", 1, 12),
                new Case("SELECT * FROM orders WHERE priority", TYPE_MISMATCH, "WHERE clause must evaluate to a boolean: actual type integer", 1, 28),
                new Case("SELECT count(*) FROM orders HAVING 1", TYPE_MISMATCH, "HAVING clause must evaluate to a boolean: actual type integer", 1, 36),
                new Case("SELECT status FROM orders ORDER BY 2", SYNTAX_ERROR, "ORDER BY position 2 is not in select list", 1, 36),
                new Case("SELECT status FROM orders GROUP BY 0", SYNTAX_ERROR, "GROUP BY position 0 is not in select list", 1, 36),
                new Case("SELECT DISTINCT status FROM orders ORDER BY custkey", SYNTAX_ERROR, "For SELECT DISTINCT, ORDER BY expressions must appear in select list", 1, 45),
                new Case("SELECT orderkey = 'a' FROM orders", TYPE_MISMATCH, "'=' cannot be applied to bigint, varchar(1)", 1, 17),
                new Case("SELECT orderdate + 1 FROM orders", TYPE_MISMATCH, "'+' cannot be applied to date, integer", 1, 18),
                new Case("SELECT orderdate = '1998-12-01' FROM orders", TYPE_MISMATCH, "'=' cannot be applied to date, varchar(10)", 1, 18),
                new Case("SELECT -status FROM orders", TYPE_MISMATCH, "'-' cannot be applied to varchar(1)", 1, 8),
                new Case("SELECT abs(status) FROM orders", FUNCTION_NOT_FOUND,
                        "Unexpected parameters (varchar(1)) for function abs. Expected: abs(integer), abs(bigint), abs(double), abs(decimal(p,s)), abs(tinyint), abs(smallint), abs(real)", 1, 8),
                new Case("SELECT substr(status, 'a') FROM orders", FUNCTION_NOT_FOUND,
                        "Unexpected parameters (varchar(1), varchar(1)) for function substr. Expected: substr(varchar(x), bigint), substr(varchar(x), bigint, bigint)", 1, 8),
                new Case("SELECT nope(1)", FUNCTION_NOT_FOUND, "Function nope not registered", 1, 8),
                new Case("SELECT NOT priority FROM orders", TYPE_MISMATCH, "Value of logical NOT expression must evaluate to a boolean: actual type integer", 1, 12),
                new Case("SELECT priority LIKE 'a' FROM orders", TYPE_MISMATCH, "Left side of LIKE expression must evaluate to a varchar (actual: integer)", 1, 8),
                new Case("SELECT CASE WHEN true THEN 1 ELSE 'a' END", TYPE_MISMATCH, "All CASE results must be the same type: integer, varchar(1)", 1, 8),
                new Case("SELECT COALESCE(1, 'a')", TYPE_MISMATCH, "All COALESCE operands must be the same type: integer, varchar(1)", 1, 8),
                new Case("SELECT orderkey IN (1, 'a') FROM orders", TYPE_MISMATCH, "IN value and list items must be the same type: bigint, integer, varchar(1)", 1, 8),
                new Case("SELECT CAST(orderdate AS bigint) FROM orders", TYPE_MISMATCH, "Cannot cast date to bigint", 1, 8),
                new Case("SELECT CAST(1 AS foo)", TYPE_MISMATCH, "Unknown type: foo", 1, 18),
                new Case("SELECT CAST(1 AS time with time zone)", NOT_SUPPORTED, "Type time with time zone is not supported yet", 1, 18),
                new Case("SELECT EXTRACT(HOUR FROM orderdate) FROM orders", TYPE_MISMATCH, "Cannot extract HOUR from date", 1, 8),
                new Case("SELECT DATE '1998-13-01'", INVALID_LITERAL, "'1998-13-01' is not a valid date literal", 1, 8),
                new Case("SELECT INTERVAL '1-x' YEAR TO MONTH", INVALID_LITERAL, "'1-x' is not a valid interval literal", 1, 8),
                new Case("SELECT * ", SYNTAX_ERROR, "SELECT * not allowed in queries without FROM clause", 1, 8),
                new Case("SELECT x.* FROM orders", TABLE_NOT_FOUND, "Unable to resolve reference x.*", 1, 8),
                new Case("SELECT ?", INVALID_PARAMETER_USAGE, "Incorrect number of parameters: expected 1 but found 0", 0, 0),
                new Case("SELECT * FROM orders JOIN customer USING (nosuch)", COLUMN_NOT_FOUND, "Column 'nosuch' is missing from left side of join", 1, 43),
                new Case("SELECT (SELECT orderkey, custkey FROM orders)", NOT_SUPPORTED, "Multiple columns returned by subquery are not yet supported. Found 2", 1, 8),
                new Case("SELECT 1 UNION SELECT 1, 2", SYNTAX_ERROR, "UNION query has different number of fields: 1, 2", 1, 10),
                new Case("WITH t AS (SELECT 1), t AS (SELECT 2) SELECT * FROM t", SYNTAX_ERROR, "WITH query name 't' specified more than once", 1, 23),
                new Case("SELECT * FROM orders WHERE rank() OVER (ORDER BY orderkey) > 1", SYNTAX_ERROR, "WHERE clause cannot contain aggregations or window functions", 1, 28),
                new Case("SELECT count(*) FROM orders HAVING rank() OVER () > 1", SYNTAX_ERROR, "HAVING clause cannot contain aggregations or window functions", 1, 36),
                new Case("SELECT sum(rank() OVER ()) FROM orders", SYNTAX_ERROR, "Cannot nest window functions inside aggregation 'sum'", 1, 12),
                new Case("SELECT rank() OVER (ORDER BY rank() OVER ()) FROM orders", SYNTAX_ERROR, "SELECT clause cannot contain aggregations or window functions", 1, 30),
                new Case("SELECT rank() FROM orders", SYNTAX_ERROR, "Window function rank requires an OVER clause", 1, 8),
                new Case("SELECT abs(price) OVER () FROM orders", FUNCTION_NOT_FOUND, "Not a window function: abs", 1, 8),
                new Case("SELECT rank(orderkey) OVER () FROM orders", FUNCTION_NOT_FOUND, "Unexpected parameters (bigint) for function rank", 1, 8),
                new Case("SELECT lag(orderkey, 'a') OVER () FROM orders", FUNCTION_NOT_FOUND, "Unexpected parameters (varchar(1)) for function lag: expected bigint", 1, 8),
                new Case("SELECT count(DISTINCT orderkey) OVER () FROM orders", NOT_SUPPORTED, "DISTINCT in window function parameters not yet supported: count(DISTINCT orderkey) OVER ()", 1, 8),
                new Case("SELECT sum(price) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM orders", INVALID_WINDOW_FRAME,
                        "Window frame start cannot be UNBOUNDED FOLLOWING", 1, 25),
                new Case("SELECT sum(price) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM orders", INVALID_WINDOW_FRAME,
                        "Window frame end cannot be UNBOUNDED PRECEDING", 1, 25),
                new Case("SELECT sum(price) OVER (ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM orders", INVALID_WINDOW_FRAME,
                        "Window frame starting from CURRENT ROW cannot end with PRECEDING", 1, 25),
                new Case("SELECT sum(price) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM orders", INVALID_WINDOW_FRAME,
                        "Window frame starting from FOLLOWING cannot end with CURRENT ROW", 1, 25),
                new Case("SELECT sum(price) OVER (ORDER BY orderkey RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM orders", NOT_SUPPORTED,
                        "Window frame RANGE PRECEDING and FOLLOWING are only supported with UNBOUNDED", 1, 43),
                new Case("SELECT sum(price) OVER (ROWS BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM orders", TYPE_MISMATCH,
                        "Window frame offset value must be an exact numeric type (actual varchar(1))", 1, 38),
                new Case("SELECT status, rank() OVER (ORDER BY price) FROM orders GROUP BY status", SYNTAX_ERROR,
                        "'price' must be an aggregate expression or appear in GROUP BY clause", 1, 38));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsError(Case testCase)
    {
        StrataException failure = catchThrowableOfType(StrataException.class,
                () -> analyzer.analyze(parser.createStatement(testCase.sql()), testCase.sql(), testCase.session()));
        assertThat(failure).as(testCase.sql()).isNotNull();
        assertThat(failure.errorCode()).as(failure.getMessage()).isEqualTo(testCase.code());
        assertThat(failure.rawMessage()).isEqualTo(testCase.message());
        if (testCase.line() > 0) {
            assertThat(failure.location()).as(failure.getMessage()).contains(new Location(testCase.line(), testCase.column()));
        }
    }
}
