package io.strata.core.execution.query;

import io.strata.core.execution.testing.DuckDbSqlComparison;
import io.strata.core.metadata.FunctionResolver;
import io.strata.core.metadata.FunctionSignature;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Presto's scalar functions (string, math, date, regular expressions, conditionals) through the whole engine,
 * each query checked against DuckDB: the same SQL, DuckDB's spelling of the same function where names or
 * semantics differ, or (where DuckDB cannot express Presto's rule) the expected rows as a DuckDB
 * {@code VALUES} with a comment naming the rule. Inputs are literals and rows with NULLs, empty strings,
 * unicode and negative numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestScalarFunctionsAgainstDuckDb
{
    private static final String STRINGS = "WITH s(id, v) AS (VALUES (1, 'hello'), (2, '  padded  '), (3, ''), (4, NULL), (5, 'ÄÖü straße'), "
            + "(6, '日本語テキスト'), (7, 'a,b,,c'), (8, 'Hello World'), (9, 'hello')) ";
    private static final String NUMBERS = "WITH n(id, i, b, d, m) AS (VALUES (1, 5, BIGINT '9000000000', 2.5E0, 12.34), (2, -7, BIGINT '-3', -0.5E0, -5.67), "
            + "(3, 0, BIGINT '0', 0E0, 0.00), (4, NULL, NULL, NULL, NULL), (5, 123456789, BIGINT '-9000000000', 1.0E10, 99.99)) ";
    private static final String DATES = "WITH d(id, x, y) AS (VALUES (1, DATE '2020-01-31', DATE '2020-02-29'), (2, DATE '2020-02-29', DATE '2021-02-28'), "
            + "(3, DATE '1999-12-31', DATE '2000-01-01'), (4, NULL, DATE '2000-01-01'), (5, DATE '2021-01-03', DATE '2020-12-28'), "
            + "(6, DATE '1969-07-20', DATE '2024-03-15'), (7, DATE '2024-12-30', DATE '2023-01-01')) ";

    private DuckDbSqlComparison comparison;

    /** A query, and DuckDB's spelling of it (the same SQL when null). */
    record Case(String sql, String duckDbSql)
    {
        static Case same(String sql)
        {
            return new Case(sql, sql);
        }

        static Case duck(String sql, String duckDbSql)
        {
            return new Case(sql, duckDbSql);
        }

        /** Presto's expected rows, as a DuckDB query of literals: for rules DuckDB does not share. */
        static Case expect(String sql, String expectedRows)
        {
            return new Case(sql, expectedRows);
        }

        static Case strings(String sql)
        {
            return new Case(STRINGS + sql, STRINGS + sql);
        }

        static Case strings(String sql, String duckDbSql)
        {
            return new Case(STRINGS + sql, STRINGS + duckDbSql);
        }

        static Case numbers(String sql)
        {
            return new Case(NUMBERS + sql, NUMBERS + sql);
        }

        static Case numbers(String sql, String duckDbSql)
        {
            return new Case(NUMBERS + sql, NUMBERS + duckDbSql);
        }

        static Case dates(String sql)
        {
            return new Case(DATES + sql, DATES + sql);
        }

        static Case dates(String sql, String duckDbSql)
        {
            return new Case(DATES + sql, DATES + duckDbSql);
        }

        @Override
        public String toString()
        {
            for (String prefix : List.of(STRINGS, NUMBERS, DATES)) {
                if (sql.startsWith(prefix)) {
                    return sql.substring(prefix.length());
                }
            }
            return sql;
        }
    }

    @BeforeAll
    void setUp()
    {
        comparison = new DuckDbSqlComparison(List.of());
    }

    @AfterAll
    void tearDown()
    {
        comparison.close();
    }

    static Stream<Case> cases()
    {
        return Stream.of(stringCases(), mathCases(), dateCases(), regexpCases(), conditionalCases()).flatMap(List::stream);
    }

    static List<Case> stringCases()
    {
        return List.of(
                Case.same("SELECT trim('  a b  '), ltrim('  a b  '), rtrim('  a b  ')"),
                Case.same("SELECT trim(''), ltrim(''), rtrim('   ')"),
                Case.same("SELECT trim(CAST(NULL AS varchar)), ltrim(NULL), rtrim(NULL)"),
                Case.strings("SELECT id, trim(v), ltrim(v), rtrim(v) FROM s"),
                Case.same("SELECT trim('xxaxbxx', 'x'), ltrim('xyaxy', 'yx'), rtrim('xyaxy', 'yx')"),
                Case.same("SELECT trim('日本日', '日'), rtrim('straße', 'ße'), ltrim('ÄÄb', 'Ä'), trim('abc', '')"),
                Case.strings("SELECT id, trim(v, 'hl'), ltrim(v, 'Ä'), rtrim(v, 'ed ') FROM s"),
                Case.duck("SELECT trim(BOTH FROM '  a  '), trim(LEADING FROM '  a  '), trim(TRAILING FROM '  a  '), trim(FROM '  a  ')",
                        "SELECT trim('  a  '), ltrim('  a  '), rtrim('  a  '), trim('  a  ')"),
                Case.strings("SELECT id, trim(BOTH 'lo' FROM v), trim(LEADING 'h' FROM v), trim(TRAILING 'lo' FROM v), trim('h' FROM v) FROM s",
                        "SELECT id, trim(v, 'lo'), ltrim(v, 'h'), rtrim(v, 'lo'), trim(v, 'h') FROM s"),
                // Presto's trim removes Java whitespace (tab, newline): DuckDB's only spaces
                Case.expect("SELECT trim(chr(9) || ' a' || chr(10))", "SELECT 'a'"),
                Case.same("SELECT replace('hello world', 'o', '0'), replace('aaa', 'aa', 'b'), replace('abc', 'x', 'y')"),
                Case.duck("SELECT replace('hello world', 'o')", "SELECT replace('hello world', 'o', '')"),
                Case.strings("SELECT id, replace(v, 'l', 'LL') FROM s"),
                Case.strings("SELECT id, replace(v, 'ß', 'ss'), replace(v, '語', '') FROM s"),
                Case.same("SELECT replace(NULL, 'a', 'b'), replace('a', NULL, 'b'), replace('a', 'a', NULL)"),
                // Presto: an empty search string inserts the replacement around every code point
                Case.expect("SELECT replace('abc', '', '-'), replace('', '', '-')", "SELECT '-a-b-c-', '-'"),
                Case.same("SELECT strpos('hello', 'l'), strpos('hello', 'z'), strpos('hello', 'lo')"),
                Case.strings("SELECT id, strpos(v, 'l'), strpos(v, 'テ'), strpos(v, 'ß') FROM s"),
                // Presto: the empty string is found at 1, also in the empty string
                Case.expect("SELECT strpos('abc', ''), strpos('', '')", "SELECT 1, 1"),
                // Presto: strpos(s, sub, n) is the position of the n-th occurrence, overlapping ones counted
                Case.expect("SELECT strpos('abcabcabc', 'abc', 2), strpos('aaaa', 'aa', 3), strpos('abc', 'b', 2)", "SELECT 4, 3, 0"),
                Case.duck("SELECT position('lo' IN 'hello'), position('x' IN 'hello')", "SELECT strpos('hello', 'lo'), strpos('hello', 'x')"),
                Case.strings("SELECT id, position('o' IN v) FROM s", "SELECT id, strpos(v, 'o') FROM s"),
                Case.same("SELECT reverse('hello'), reverse(''), reverse(NULL)"),
                Case.strings("SELECT id, reverse(v) FROM s"),
                Case.same("SELECT lpad('abc', 6, 'xy'), rpad('abc', 6, 'xy'), lpad('abc', 2, 'x'), rpad('abc', 2, 'x')"),
                Case.same("SELECT lpad('abc', 0, 'x'), rpad('', 3, 'ab'), lpad('日本', 4, '語')"),
                Case.strings("SELECT id, lpad(v, 8, '*'), rpad(v, 8, '-') FROM s"),
                Case.same("SELECT lpad(NULL, 3, 'x'), rpad('a', NULL, 'x'), lpad('a', 3, NULL)"),
                Case.same("SELECT starts_with('hello', 'he'), starts_with('hello', 'lo'), starts_with('hello', ''), starts_with('', 'a')"),
                Case.strings("SELECT id, starts_with(v, 'hel'), ends_with(v, 'lo') FROM s"),
                Case.same("SELECT ends_with('hello', 'llo'), ends_with('hello', 'hello!'), ends_with(NULL, 'a')"),
                Case.same("SELECT split_part('a,b,c', ',', 1), split_part('a,b,c', ',', 3), split_part('a::b', '::', 2)"),
                Case.strings("SELECT id, split_part(v, ',', 2) FROM s WHERE id = 7"),
                // Presto: an index past the last field is NULL (DuckDB returns '')
                Case.expect("SELECT split_part('a,b,c', ',', 4), split_part('', ',', 2)", "SELECT NULL, NULL"),
                // Presto: with an empty delimiter every code point is a field
                Case.expect("SELECT split_part('abc', '', 1), split_part('a日c', '', 2), split_part('abc', '', 4), split_part('', '', 1)", "SELECT 'a', '日', NULL, NULL"),
                Case.expect("SELECT split_part('a,b,', ',', 3), split_part('', ',', 1), split_part(',a', ',', 1)", "SELECT '', '', ''"),
                Case.strings("SELECT id, split_part(v, ' ', 1) FROM s"),
                Case.same("SELECT chr(65), chr(252), chr(26085), chr(128512)"),
                Case.duck("SELECT codepoint('A'), codepoint('ü'), codepoint('日')", "SELECT unicode('A'), unicode('ü'), unicode('日')"),
                Case.duck("SELECT codepoint(chr(128512)), codepoint(NULL)", "SELECT 128512, NULL"),
                Case.same("SELECT concat('a', 'b', 'c', 'd'), concat('x', ''), 'a' || 'b' || 'c'"),
                // Presto's concat is NULL if any argument is NULL (DuckDB's concat skips NULLs: its || does not)
                Case.duck("SELECT concat('a', NULL, 'c')", "SELECT 'a' || NULL || 'c'"),
                Case.strings("SELECT id, concat(v, '|', v), v || '!' FROM s", "SELECT id, v || '|' || v, v || '!' FROM s"),
                // Presto maps case code point by code point (Java's simple mapping): 'ß' has no one-character upper case,
                // DuckDB maps it to 'ẞ'
                Case.strings("SELECT id, length(v), upper(v), lower(v) FROM s", "SELECT id, length(v), replace(upper(v), 'ẞ', 'ß'), lower(v) FROM s"),
                Case.duck("SELECT length('日本語'), length(''), upper('straße'), lower('ÄÖÜ')", "SELECT 3, 0, 'STRAßE', 'äöü'"),
                Case.strings("SELECT id, substr(v, 2), substr(v, 2, 3), substr(v, -3), substr(v, -3, 2) FROM s"),
                Case.same("SELECT substr('日本語テキスト', 3, 2), substring('hello', 2, 100), substr('hello', 6)"),
                // Presto: start 0 gives the empty string
                Case.expect("SELECT substr('hello', 0), substr('hello', 0, 2), substr('hello', 2, 0), substr('hello', -10, 3)", "SELECT '', '', '', ''"),
                Case.duck("SELECT substring('hello' FROM 2 FOR 3)", "SELECT substr('hello', 2, 3)"),
                Case.same("SELECT 'a_c' LIKE 'a!_c' ESCAPE '!', 'abc' LIKE 'a!_c' ESCAPE '!', '100%' LIKE '100!%' ESCAPE '!'"),
                Case.strings("SELECT id, v LIKE '%l%', v LIKE '_ello' FROM s"),
                Case.duck("SELECT levenshtein_distance('kitten', 'sitting'), levenshtein_distance('', 'abc'), levenshtein_distance('abc', 'abc')",
                        "SELECT levenshtein('kitten', 'sitting'), levenshtein('', 'abc'), levenshtein('abc', 'abc')"),
                Case.strings("SELECT id, levenshtein_distance(v, 'hello') FROM s WHERE id NOT IN (5, 6)", "SELECT id, levenshtein(v, 'hello') FROM s WHERE id NOT IN (5, 6)"),
                // Presto counts edits of code points (DuckDB's levenshtein counts bytes)
                Case.expect("SELECT levenshtein_distance('straße', 'strasse'), levenshtein_distance('日本', '本')", "SELECT 2, 1"),
                Case.strings("SELECT count(DISTINCT upper(v)), max(length(trim(v))) FROM s"),
                Case.duck("SELECT hamming_distance('abc', 'abd'), hamming_distance('', ''), hamming_distance('karolin', 'kathrin')",
                        "SELECT hamming('abc', 'abd'), 0, hamming('karolin', 'kathrin')"),
                // Presto compares code points (DuckDB's hamming compares bytes)
                Case.expect("SELECT hamming_distance('日本', '日木'), hamming_distance('ßa', 'sa')", "SELECT 1, 1"),
                // Presto's typeof names the analyzed type
                Case.expect("SELECT typeof(1), typeof(BIGINT '1'), typeof(1.5), typeof('ab'), typeof(DATE '2020-01-01'), typeof(1E0), typeof(NULL)",
                        "SELECT 'integer', 'bigint', 'decimal(2,1)', 'varchar(2)', 'date', 'double', 'unknown'"),
                Case.duck("SELECT LENGTH('abc'), Date_Trunc('month', DATE '2020-05-17'), STRPOS('abc', 'c'), UPPER('x')", "SELECT 3, DATE '2020-05-01', 3, 'X'"),
                Case.strings("SELECT id, chr(codepoint(substr(v, 1, 1))) FROM s WHERE length(v) > 0", "SELECT id, chr(unicode(substr(v, 1, 1))) FROM s WHERE length(v) > 0"),
                Case.strings("SELECT id, lpad(v, 3, 'ab'), rpad(v, 12, '日本') FROM s"),
                Case.strings("SELECT id, reverse(upper(v)) FROM s WHERE id <> 5"),
                Case.strings("SELECT id, trim(lower(v)) = 'padded', replace(trim(v), ' ', '_') FROM s"),
                Case.strings("SELECT id, split_part(v, 'l', 1), split_part(v, 'l', 2) FROM s WHERE id IN (1, 8, 9)"),
                Case.strings("SELECT id, starts_with(v, ''), ends_with(v, '') FROM s"),
                Case.strings("SELECT v FROM s WHERE strpos(v, 'l') > 0 ORDER BY id"),
                Case.strings("SELECT id FROM s WHERE trim(v) = ''"),
                Case.strings("SELECT upper(v), count(*) FROM s GROUP BY upper(v)", "SELECT replace(upper(v), 'ẞ', 'ß'), count(*) FROM s GROUP BY 1"));
    }

    static List<Case> mathCases()
    {
        return List.of(
                Case.same("SELECT ceil(2.1E0), ceil(-2.1E0), floor(2.9E0), floor(-2.1E0), ceiling(0.5E0)"),
                // Presto: ceil and floor of an integer type keep the type (DuckDB returns a double)
                Case.expect("SELECT ceil(5), floor(-5), ceiling(BIGINT '7')", "SELECT 5, -5, 7"),
                Case.same("SELECT ceil(12.34), floor(12.34), ceil(-12.34), floor(-12.34), ceil(3.00), floor(0.5)"),
                Case.same("SELECT ceil(CAST(12345678901234567890.5 AS decimal(25, 1))), floor(CAST(-12345678901234567890.5 AS decimal(25, 1)))"),
                Case.numbers("SELECT id, ceil(d), floor(d), ceil(m), floor(m), ceil(i) FROM n", "SELECT id, ceil(d), floor(d), ceil(m), floor(m), i FROM n"),
                Case.numbers("SELECT id, truncate(d), truncate(m) FROM n", "SELECT id, trunc(d), trunc(m) FROM n"),
                Case.duck("SELECT truncate(-2.7E0), truncate(2.7E0), truncate(-12.345)", "SELECT trunc(-2.7E0), trunc(2.7E0), trunc(-12.345)"),
                Case.duck("SELECT mod(7, 3), mod(-7, 3), mod(7, -3), mod(BIGINT '9000000000', 7)", "SELECT 7 % 3, -7 % 3, 7 % -3, 9000000000 % 7"),
                // Presto: the remainder has the sign of the dividend, for doubles and decimals too
                Case.expect("SELECT mod(7.5E0, 2E0), mod(-7.5E0, 2E0), mod(12.34, 5), mod(-12.34, 0.5)", "SELECT 1.5::double, -1.5::double, 2.34, -0.34"),
                Case.numbers("SELECT id, mod(i, 3), mod(b, 4), mod(m, 2.5) FROM n", "SELECT id, i % 3, b % 4, m % 2.5 FROM n"),
                // Presto: mod(double, 0) is NaN (not an error)
                Case.expect("SELECT is_nan(mod(5E0, 0E0))", "SELECT true"),
                Case.numbers("SELECT id, sign(i), sign(b), sign(m) FROM n", "SELECT id, sign(i), sign(b), CAST(sign(m) AS decimal(1, 0)) FROM n"),
                Case.numbers("SELECT id, sign(d) FROM n", "SELECT id, CAST(sign(d) AS double) FROM n"),
                Case.same("SELECT abs(-5), abs(BIGINT '-9000000000'), abs(-2.5E0), abs(-12.34)"),
                Case.numbers("SELECT id, abs(i), abs(b), abs(d), abs(m) FROM n"),
                Case.same("SELECT round(2.5), round(-2.5), round(2.5E0), round(-2.5E0), round(1.45, 1), round(-1.45, 1)"),
                Case.same("SELECT round(1234, -2), round(1250, -2), round(-1250, -2)"),
                Case.numbers("SELECT id, round(d), round(m), round(m, 1), round(d, 1) FROM n"),
                Case.same("SELECT sqrt(16E0), sqrt(2), cbrt(27E0), cbrt(-8E0), exp(1E0), exp(0)"),
                Case.numbers("SELECT id, sqrt(abs(d)), cbrt(d), exp(d / 1E10) FROM n"),
                Case.same("SELECT ln(10E0), log2(8E0), log10(1000E0), log10(2E0)"),
                Case.numbers("SELECT id, ln(abs(d) + 1), log2(abs(d) + 1), log10(abs(d) + 1) FROM n"),
                Case.duck("SELECT log(2E0, 8E0), log(10, 100)", "SELECT ln(8) / ln(2), ln(100) / ln(10)"),
                // Presto follows IEEE: ln(0) is -Infinity and ln(-1) NaN (DuckDB raises errors)
                Case.expect("SELECT is_infinite(ln(0E0)), ln(0E0) < 0, is_nan(ln(-1E0)), is_nan(sqrt(-1E0))", "SELECT true, true, true, true"),
                Case.same("SELECT power(2E0, 10E0), pow(2, -1), power(9, 0.5), power(-8E0, 3)"),
                Case.numbers("SELECT id, power(d, 2), power(2, i / 100000000) FROM n", "SELECT id, power(d, 2), power(2, i // 100000000) FROM n"),
                Case.same("SELECT degrees(pi()), radians(180E0), pi()"),
                Case.duck("SELECT e()", "SELECT exp(1)"),
                Case.same("SELECT sin(0.5E0), cos(0.5E0), tan(0.5E0), asin(0.5E0), acos(0.5E0), atan(0.5E0), atan2(1E0, 2E0)"),
                Case.numbers("SELECT id, sin(d), cos(d), atan(d), atan2(d, 2) FROM n"),
                Case.same("SELECT sinh(1E0), cosh(1E0), tanh(1E0)"),
                Case.duck("SELECT is_nan(nan()), is_infinite(infinity()), is_finite(infinity()), is_finite(1E0), is_infinite(-infinity())",
                        "SELECT isnan('nan'::double), isinf('infinity'::double), isfinite('infinity'::double), isfinite(1.0::double), isinf(-'infinity'::double)"),
                Case.numbers("SELECT id, is_nan(d), is_finite(d), is_infinite(d / 0E0) FROM n",
                        "SELECT id, isnan(d), isfinite(d), CASE WHEN d IS NULL THEN NULL WHEN d = 0 THEN false ELSE true END FROM n"),
                Case.duck("SELECT nan() = nan(), infinity() > 1E308", "SELECT false, true"),
                Case.same("SELECT greatest(1, 5, 3), least(1, 5, 3), greatest(2.5E0, 1), least('b', 'a', 'c')"),
                Case.same("SELECT greatest(DATE '2020-01-01', DATE '2019-12-31'), least(1.5, 2, -3), greatest(BIGINT '9000000000', 1)"),
                // Presto: greatest and least are NULL if any argument is NULL (DuckDB skips NULLs)
                Case.expect("SELECT greatest(1, NULL, 3), least(NULL, 'a')", "SELECT NULL::integer, NULL::varchar"),
                Case.numbers("SELECT id, greatest(i, b, 0), least(d, m) FROM n",
                        "SELECT id, CASE WHEN i IS NOT NULL AND b IS NOT NULL THEN greatest(i, b, 0) END, least(d, m) FROM n"),
                Case.numbers("SELECT count(*) FROM n WHERE random() >= 0 AND random() < 1 AND rand() < 1", "SELECT count(*) FROM n"),
                Case.numbers("SELECT count(*) FROM n WHERE random(10) BETWEEN 0 AND 9 AND rand(BIGINT '3') < 3", "SELECT count(*) FROM n"),
                // Presto: width_bucket numbers equal-width buckets 1..n, 0 below and n + 1 at or above the range; descending
                // bounds number the buckets from the other end (bucket 2 of 5 ascending is 4)
                Case.expect("SELECT width_bucket(5.35E0, 0.024E0, 10.06E0, 5), width_bucket(-1E0, 0E0, 10E0, 5), width_bucket(10E0, 0E0, 10E0, 5), "
                        + "width_bucket(2E0, 10E0, 0E0, 5), width_bucket(-1E0, 10E0, 0E0, 5)", "SELECT 3, 0, 6, 4, 6"),
                Case.numbers("SELECT sum(ceil(d)), sum(floor(m)), max(sqrt(abs(d))) FROM n"),
                Case.numbers("SELECT id, round(d * 3.3E0, 2), degrees(d), radians(d) FROM n"),
                Case.numbers("SELECT id, mod(i, -3), mod(b, BIGINT '7') FROM n", "SELECT id, i % -3, b % 7 FROM n"),
                Case.duck("SELECT floor(-0.5), ceil(-0.5), truncate(0.999), truncate(-0.999)", "SELECT floor(-0.5), ceil(-0.5), trunc(0.999), trunc(-0.999)"),
                Case.numbers("SELECT id, exp(ln(abs(d) + 1)), sqrt(i) FROM n WHERE i >= 0"),
                Case.numbers("SELECT id, greatest(i, 3), least(m, 1), greatest(d, i, m) FROM n WHERE i IS NOT NULL"),
                Case.same("SELECT ceil(NULL), sqrt(NULL), power(NULL, 2), mod(NULL, 2), sign(NULL)"));
    }

    static List<Case> dateCases()
    {
        return List.of(
                Case.duck("SELECT date_trunc('month', DATE '2020-05-17'), date_trunc('year', DATE '2020-05-17'), date_trunc('quarter', DATE '2020-05-17')",
                        "SELECT CAST(date_trunc('month', DATE '2020-05-17') AS date), CAST(date_trunc('year', DATE '2020-05-17') AS date), "
                                + "CAST(date_trunc('quarter', DATE '2020-05-17') AS date)"),
                Case.duck("SELECT date_trunc('week', DATE '2020-05-17'), date_trunc('DAY', DATE '2020-05-17'), date_trunc('Week', DATE '2020-05-18')",
                        "SELECT CAST(date_trunc('week', DATE '2020-05-17') AS date), DATE '2020-05-17', CAST(date_trunc('week', DATE '2020-05-18') AS date)"),
                Case.dates("SELECT id, date_trunc('week', x), date_trunc('month', x), date_trunc('quarter', x), date_trunc('year', x) FROM d",
                        "SELECT id, CAST(date_trunc('week', x) AS date), CAST(date_trunc('month', x) AS date), CAST(date_trunc('quarter', x) AS date), "
                                + "CAST(date_trunc('year', x) AS date) FROM d"),
                Case.duck("SELECT date_add('day', 5, DATE '2020-02-26'), date_add('month', 1, DATE '2020-01-31'), date_add('year', -1, DATE '2020-02-29')",
                        "SELECT CAST(DATE '2020-02-26' + INTERVAL 5 DAY AS date), CAST(DATE '2020-01-31' + INTERVAL 1 MONTH AS date), "
                                + "CAST(DATE '2020-02-29' - INTERVAL 1 YEAR AS date)"),
                Case.duck("SELECT date_add('week', 2, DATE '2020-12-25'), date_add('quarter', 1, DATE '2020-11-30'), date_add('DAY', -366, DATE '2020-12-31')",
                        "SELECT CAST(DATE '2020-12-25' + INTERVAL 14 DAY AS date), CAST(DATE '2020-11-30' + INTERVAL 3 MONTH AS date), "
                                + "CAST(DATE '2020-12-31' - INTERVAL 366 DAY AS date)"),
                Case.dates("SELECT id, date_add('day', id, x), date_add('month', id, x), date_add('year', id, x) FROM d",
                        "SELECT id, CAST(x + id * INTERVAL 1 DAY AS date), CAST(x + id * INTERVAL 1 MONTH AS date), CAST(x + id * INTERVAL 1 YEAR AS date) FROM d"),
                Case.duck("SELECT date_diff('day', DATE '2020-01-01', DATE '2020-03-01'), date_diff('day', DATE '2020-03-01', DATE '2020-01-01')",
                        "SELECT datediff('day', DATE '2020-01-01', DATE '2020-03-01'), datediff('day', DATE '2020-03-01', DATE '2020-01-01')"),
                Case.dates("SELECT id, date_diff('day', x, y), date_diff('week', x, y) FROM d",
                        "SELECT id, datediff('day', x, y), date_sub('week', x, y) FROM d"),
                // complete months and years, as Presto (Joda-Time) counts them: DuckDB's date_sub counts the same way
                Case.dates("SELECT id, date_diff('month', x, y), date_diff('quarter', x, y), date_diff('year', x, y) FROM d",
                        "SELECT id, date_sub('month', x, y), date_sub('quarter', x, y), date_sub('year', x, y) FROM d"),
                // Presto: the last day of a month completes a month that started on a later day
                Case.expect("SELECT date_diff('month', DATE '2020-01-31', DATE '2020-02-29'), date_diff('month', DATE '2020-01-30', DATE '2020-02-28'), "
                        + "date_diff('month', DATE '2020-02-29', DATE '2020-01-31'), date_diff('year', DATE '2020-02-29', DATE '2021-02-28')", "SELECT 1, 0, -1, 1"),
                Case.duck("SELECT day_of_week(DATE '2020-05-17'), dow(DATE '2020-05-18'), day_of_year(DATE '2020-12-31'), doy(DATE '2021-01-01')",
                        "SELECT isodow(DATE '2020-05-17'), isodow(DATE '2020-05-18'), dayofyear(DATE '2020-12-31'), dayofyear(DATE '2021-01-01')"),
                Case.dates("SELECT id, day_of_week(x), day_of_year(x), week(x), week_of_year(x), year_of_week(x), quarter(x) FROM d",
                        "SELECT id, isodow(x), dayofyear(x), weekofyear(x), weekofyear(x), isoyear(x), quarter(x) FROM d"),
                Case.dates("SELECT id, yow(x), doy(y), dow(y) FROM d", "SELECT id, isoyear(x), dayofyear(y), isodow(y) FROM d"),
                Case.dates("SELECT id, year(x), month(x), day(x), day_of_month(x) FROM d", "SELECT id, year(x), month(x), day(x), day(x) FROM d"),
                Case.dates("SELECT id, last_day_of_month(x), last_day_of_month(y) FROM d", "SELECT id, last_day(x), last_day(y) FROM d"),
                Case.dates("SELECT id, EXTRACT(YEAR FROM x), EXTRACT(QUARTER FROM x), EXTRACT(MONTH FROM x), EXTRACT(WEEK FROM x), EXTRACT(DAY FROM x) FROM d"),
                // Presto: EXTRACT(DOW) is ISO (Monday 1 to Sunday 7): DuckDB's isodow
                Case.dates("SELECT id, EXTRACT(DOW FROM x), EXTRACT(DAY_OF_WEEK FROM x), EXTRACT(DOY FROM x), EXTRACT(DAY_OF_YEAR FROM x), EXTRACT(YEAR_OF_WEEK FROM x) FROM d",
                        "SELECT id, isodow(x), isodow(x), dayofyear(x), dayofyear(x), isoyear(x) FROM d"),
                Case.duck("SELECT EXTRACT(YOW FROM DATE '2021-01-03'), EXTRACT(DAY_OF_MONTH FROM DATE '2021-01-03')", "SELECT 2020, 3"),
                Case.dates("SELECT id, to_iso8601(x) FROM d", "SELECT id, strftime(x, '%Y-%m-%d') FROM d"),
                Case.dates("SELECT id, from_iso8601_date(to_iso8601(x)) = x FROM d", "SELECT id, x = x FROM d"),
                Case.duck("SELECT date('2020-05-17'), date(DATE '2020-05-17'), date(NULL)", "SELECT DATE '2020-05-17', DATE '2020-05-17', NULL::date"),
                Case.dates("SELECT id, date(to_iso8601(x)) FROM d", "SELECT id, x FROM d"),
                // ISO 8601 ordinal dates (YYYY-DDD) and week dates (YYYY-Www[-D], week 1 holds January 4th)
                Case.duck("SELECT from_iso8601_date('2020-123'), from_iso8601_date('2020-W10-3'), from_iso8601_date('2021-W01'), from_iso8601_date('2020-W53-7')",
                        "SELECT DATE '2020-05-02', DATE '2020-03-04', DATE '2021-01-04', DATE '2021-01-03'"),
                Case.duck("SELECT from_iso8601_date('2020-05-17'), from_iso8601_date('2020-05'), from_iso8601_date('2020')",
                        "SELECT DATE '2020-05-17', DATE '2020-05-01', DATE '2020-01-01'"),
                Case.dates("SELECT id, date_format(x, '%Y-%m-%d'), date_format(x, '%d/%m/%y'), date_format(x, '%j') FROM d",
                        "SELECT id, strftime(x, '%Y-%m-%d'), strftime(x, '%d/%m/%y'), strftime(x, '%j') FROM d"),
                Case.dates("SELECT id, date_format(x, '%W %M %e, %Y'), date_format(x, '%a %b %c') FROM d",
                        "SELECT id, strftime(x, '%A %B %-d, %Y'), strftime(x, '%a %b %-m') FROM d"),
                Case.duck("SELECT date_diff('day', current_date, current_date), current_date IS NULL", "SELECT 0, false"),
                Case.dates("SELECT id, date_format(x, '%v/%x'), date_format(x, '%w %H:%i:%s') FROM d", "SELECT id, strftime(x, '%V/%G'), strftime(x, '%w %H:%M:%S') FROM d"),
                // MySQL's %D: day of month with an English ordinal suffix
                Case.expect("SELECT date_format(DATE '2020-05-01', '%D'), date_format(DATE '2020-05-12', '%D'), date_format(DATE '2020-05-23', '%D %%')",
                        "SELECT '1st', '12th', '23rd %'"),
                Case.dates("SELECT id, date_add('quarter', -id, x), date_add('week', id, y) FROM d",
                        "SELECT id, CAST(x + (-id) * INTERVAL 3 MONTH AS date), CAST(y + id * INTERVAL 7 DAY AS date) FROM d"),
                Case.dates("SELECT id, date_diff('day', y, x), date_diff('month', y, x), date_diff('year', y, x) FROM d",
                        "SELECT id, datediff('day', y, x), date_sub('month', y, x), date_sub('year', y, x) FROM d"),
                Case.dates("SELECT id, date_trunc('quarter', y), quarter(y), week(y), year_of_week(y) FROM d",
                        "SELECT id, CAST(date_trunc('quarter', y) AS date), quarter(y), weekofyear(y), isoyear(y) FROM d"),
                Case.dates("SELECT x FROM d WHERE day_of_week(x) >= 6", "SELECT x FROM d WHERE isodow(x) >= 6"),
                Case.dates("SELECT id, last_day_of_month(date_add('month', 1, x)) FROM d", "SELECT id, last_day(CAST(x + INTERVAL 1 MONTH AS date)) FROM d"),
                Case.dates("SELECT id, least(x, y), greatest(x, y) FROM d WHERE x IS NOT NULL"),
                Case.dates("SELECT date_trunc('month', x), count(*) FROM d GROUP BY date_trunc('month', x)",
                        "SELECT CAST(date_trunc('month', x) AS date), count(*) FROM d GROUP BY 1"),
                Case.duck("SELECT date_trunc('year', NULL), date_add('day', NULL, DATE '2020-01-01'), date_diff(NULL, DATE '2020-01-01', DATE '2020-01-02')",
                        "SELECT NULL::date, NULL::date, NULL::bigint"));
    }

    static List<Case> regexpCases()
    {
        return List.of(
                Case.duck("SELECT regexp_like('hello', 'l+'), regexp_like('hello', '^l'), regexp_like('', '.*')",
                        "SELECT regexp_matches('hello', 'l+'), regexp_matches('hello', '^l'), regexp_matches('', '.*')"),
                Case.strings("SELECT id, regexp_like(v, '[A-Z]'), regexp_like(v, '^h.*o$') FROM s",
                        "SELECT id, regexp_matches(v, '[A-Z]'), regexp_matches(v, '^h.*o$') FROM s"),
                Case.same("SELECT regexp_extract('abc123def456', '[0-9]+'), regexp_extract('abc123', '([a-z]+)([0-9]+)', 2), regexp_extract('x=1', '(x)=(\\d)', 0)"),
                // Presto: regexp_extract is NULL without a match (DuckDB returns '')
                Case.expect("SELECT regexp_extract('abc', '[0-9]+'), regexp_extract('abc', '(x)?abc', 1)", "SELECT NULL, NULL"),
                Case.strings("SELECT id, regexp_extract(v, '[a-z]+') FROM s",
                        "SELECT id, CASE WHEN regexp_matches(v, '[a-z]+') THEN regexp_extract(v, '[a-z]+') END FROM s"),
                // Presto's replacement names groups $1; DuckDB's \\1 and replaces all matches only with the 'g' option
                Case.duck("SELECT regexp_replace('hello world', 'o', '0'), regexp_replace('2020-05-17', '(\\d+)-(\\d+)-(\\d+)', '$3.$2.$1'), regexp_replace('aaa', 'a')",
                        "SELECT regexp_replace('hello world', 'o', '0', 'g'), regexp_replace('2020-05-17', '(\\d+)-(\\d+)-(\\d+)', '\\3.\\2.\\1', 'g'), regexp_replace('aaa', 'a', '', 'g')"),
                Case.strings("SELECT id, regexp_replace(v, '[aeiou]', '*') FROM s", "SELECT id, regexp_replace(v, '[aeiou]', '*', 'g') FROM s"),
                Case.strings("SELECT id, regexp_replace(v, '\\s+', ' ') FROM s", "SELECT id, regexp_replace(v, '\\s+', ' ', 'g') FROM s"),
                Case.strings("SELECT a.id, regexp_like(a.v, b.v) FROM s a JOIN s b ON a.id = b.id WHERE a.id IN (1, 7, 8)",
                        "SELECT a.id, regexp_matches(a.v, b.v) FROM s a JOIN s b ON a.id = b.id WHERE a.id IN (1, 7, 8)"),
                Case.strings("SELECT id, regexp_extract(v, '(\\w+) (\\w+)', 2) FROM s WHERE id = 8"),
                Case.strings("SELECT id, regexp_like(v, 'ß|語') FROM s", "SELECT id, regexp_matches(v, 'ß|語') FROM s"),
                Case.strings("SELECT id, regexp_replace(v, '(l+)', '<$1>') FROM s", "SELECT id, regexp_replace(v, '(l+)', '<\\1>', 'g') FROM s"),
                Case.duck("SELECT regexp_like(NULL, 'a'), regexp_like('a', NULL), regexp_replace(NULL, 'a', 'b'), regexp_extract('a', NULL)",
                        "SELECT NULL::boolean, NULL::boolean, NULL::varchar, NULL::varchar"));
    }

    static List<Case> conditionalCases()
    {
        return List.of(
                Case.same("SELECT coalesce(NULL, 2, 3), coalesce(NULL, NULL), nullif(1, 1), nullif(1, 2)"),
                Case.same("SELECT coalesce(NULL, NULL, 'c'), nullif('a', 'b'), nullif(NULL, 1)"),
                Case.numbers("SELECT id, coalesce(i, -1), coalesce(m, d, 0), nullif(i, 0), nullif(m, 0) FROM n"),
                Case.strings("SELECT id, coalesce(v, '<null>'), nullif(v, '') FROM s"),
                Case.duck("SELECT if(1 < 2, 'yes', 'no'), if(1 > 2, 'yes'), if(NULL, 1, 2)", "SELECT 'yes', NULL, 2"),
                Case.numbers("SELECT id, if(i > 0, 'positive', 'not positive') FROM n",
                        "SELECT id, CASE WHEN i > 0 THEN 'positive' ELSE 'not positive' END FROM n"),
                Case.numbers("SELECT id, CASE WHEN i > 100 THEN 'big' WHEN i > 0 THEN 'small' WHEN i IS NULL THEN 'null' ELSE 'other' END FROM n"),
                Case.numbers("SELECT id, CASE i WHEN 5 THEN 'five' WHEN -7 THEN 'minus seven' END FROM n"),
                Case.strings("SELECT id, CASE WHEN length(v) > 5 THEN upper(v) ELSE lower(v) END FROM s WHERE id <> 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
    {
        comparison.assertSameAnswer(query.sql(), query.duckDbSql());
    }

    @Test
    void testCaseCount()
    {
        assertThat(cases().count()).isGreaterThanOrEqualTo(150);
    }

    @Test
    void testInvalidArguments()
    {
        assertFails("SELECT date_trunc('hour', DATE '2020-01-01')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(DATES + "SELECT date_trunc('fortnight', x) FROM d", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(DATES + "SELECT date_add('hour', 1, x) FROM d", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(DATES + "SELECT date_diff('minute', x, y) FROM d", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date_add('year', 9223372036854775807, DATE '2020-01-01')", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT date_add('day', 9223372036854775807, DATE '2020-01-01')", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT from_iso8601_date('2020-13-01')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT lpad('a', -1, 'x')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(STRINGS + "SELECT rpad(v, 3000000000, 'x') FROM s", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(STRINGS + "SELECT lpad(v, 3, '') FROM s", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(STRINGS + "SELECT split_part(v, ',', 0) FROM s", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT strpos('abc', 'b', 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT chr(-1)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT chr(55296)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT codepoint('ab')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(STRINGS + "SELECT regexp_like(v, '(') FROM s", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(STRINGS + "SELECT regexp_like(v, v || '[') FROM s", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT regexp_extract('abc', '(a)', 2)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT regexp_replace('abc', '(a)', '$2')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT mod(5, 0)", ErrorCode.DIVISION_BY_ZERO);
        assertFails(NUMBERS + "SELECT mod(b, i - i) FROM n", ErrorCode.DIVISION_BY_ZERO);
        assertFails(NUMBERS + "SELECT mod(m, 0) FROM n", ErrorCode.DIVISION_BY_ZERO);
        assertFails("SELECT abs(BIGINT '-9223372036854775808')", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE);
        assertFails("SELECT random(0)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT width_bucket(1E0, 2E0, 2E0, 3)", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date_format(DATE '2020-01-01', '%U')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT greatest(1E0, nan())", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails(NUMBERS + "SELECT least(d, d / 0E0 * 0E0) FROM n", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT hamming_distance('ab', 'abc')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT levenshtein_distance(lpad('', 2000, 'a'), lpad('', 1000, 'b'))", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT from_iso8601_date('2021-W53')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT from_iso8601_date('2021-366')", ErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertFails("SELECT date('2020-02-30')", ErrorCode.INVALID_CAST_ARGUMENT);
        assertFails("SELECT no_such_function(1)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT strpos(1, 2)", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT greatest(1, 'a')", ErrorCode.FUNCTION_NOT_FOUND);
        assertFails("SELECT sqrt('x')", ErrorCode.FUNCTION_NOT_FOUND);
    }

    @Test
    void testInvalidArgumentsOnNullRowsAreNotErrors()
    {
        // the checks apply to rows that are not NULL: a NULL size or unit is a NULL result
        assertThat(comparison.execute("SELECT lpad('a', CAST(NULL AS bigint), ''), split_part(NULL, ',', 0), date_trunc(NULL, DATE '2020-01-01')").rows())
                .containsExactly(java.util.Arrays.asList(null, null, null));
        // nor are bad constant arguments of a function no row reaches
        assertThat(comparison.execute(STRINGS + "SELECT regexp_like(v, '('), lpad(v, -1, 'x') FROM s WHERE id > 100").rows()).isEmpty();
        assertThat(comparison.execute(DATES + "SELECT date_trunc('hour', x), date_add('minute', 1, x) FROM d WHERE id > 100").rows()).isEmpty();
    }

    @Test
    void testShowFunctionsListsEveryFunction()
    {
        List<List<Object>> rows = comparison.execute("SHOW FUNCTIONS").rows();
        List<List<String>> listed = new ArrayList<>();
        for (List<Object> row : rows) {
            listed.add(List.of(row.get(0).toString(), row.get(1).toString(), row.get(2).toString(), row.get(3).toString()));
        }
        List<FunctionSignature> signatures = FunctionResolver.createBuiltIn().listFunctions();
        assertThat(signatures).hasSizeGreaterThan(100);
        for (FunctionSignature signature : signatures) {
            assertThat(listed).as(signature.display())
                    .contains(List.of(signature.displayName(), signature.returnTypeDisplay(), signature.argumentsDisplay(), signature.kind().name().toLowerCase(java.util.Locale.ENGLISH)));
            assertThat(signature.description()).as(signature.display()).isNotEmpty();
        }
        assertThat(signatures.stream().map(FunctionSignature::name).distinct().toList()).containsAll(List.of(
                "trim", "ltrim", "rtrim", "replace", "strpos", "reverse", "lpad", "rpad", "starts_with", "ends_with", "split_part", "chr", "codepoint",
                "concat", "substr", "length", "lower", "upper", "regexp_like", "regexp_extract", "regexp_replace", "levenshtein_distance", "hamming_distance",
                "ceil", "ceiling", "floor", "truncate", "sqrt", "cbrt", "power", "pow", "exp", "ln", "log2", "log10", "log", "mod", "sign", "pi", "e",
                "random", "rand", "greatest", "least", "infinity", "nan", "is_nan", "is_finite", "is_infinite", "degrees", "radians", "sin", "cos", "tan",
                "asin", "acos", "atan", "atan2", "width_bucket", "round", "abs",
                "date_trunc", "date_add", "date_diff", "day_of_week", "dow", "day_of_year", "doy", "week", "week_of_year", "quarter", "year_of_week",
                "last_day_of_month", "date_format", "to_iso8601", "from_iso8601_date", "year", "month", "day"));
        assertThat(comparison.execute("SHOW FUNCTIONS LIKE 'random'").rows())
                .extracting(row -> row.get(4))
                .containsOnly(false);
        assertThat(comparison.execute("SHOW FUNCTIONS LIKE 'strpos'").rows())
                .extracting(row -> row.get(2).toString())
                .containsExactly("varchar(x), varchar(x)", "varchar(x), varchar(x), bigint");
    }

    private void assertFails(String sql, ErrorCode errorCode)
    {
        assertThatThrownBy(() -> comparison.execute(sql))
                .as(sql)
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).as(sql + ": " + e.getMessage()).isEqualTo(errorCode));
    }
}
