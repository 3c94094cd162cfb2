package io.strata.core.execution.query;

import io.airlift.slice.Slice;
import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Arrays, maps and rows through the whole engine, checked against DuckDB running the same query in its
 * spelling (lists {@code [1, 2]}, {@code len}, {@code list_contains}, {@code string_split}, {@code MAP([k], [v])},
 * structs). Values of both engines are converted to one canonical Java form (lists, maps, Long, Double, String,
 * Boolean) before comparing. Where Presto's semantics differ from DuckDB's (a null element makes {@code =},
 * {@code contains} and {@code array_max} unknown, {@code array_position} answers 0, concat with a null array
 * is null) the DuckDB query spells out the Presto rule, or is a literal of the expected answer with a comment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestNestedTypesAgainstDuckDb
{
    /** Integer arrays with an empty one, a NULL one, NULL elements and duplicates. */
    private static final String T = "WITH t(id, a) AS (VALUES (1, ARRAY[1, 2, 3]), (2, ARRAY[]), (3, NULL), (4, ARRAY[2, NULL, 2]), (5, ARRAY[5, 4, 4, 1])) ";
    private static final String T_DUCK = "WITH t(id, a) AS (VALUES (1, [1, 2, 3]), (2, []::INTEGER[]), (3, NULL), (4, [2, NULL, 2]), (5, [5, 4, 4, 1])) ";
    /** Varchar arrays. */
    private static final String S = "WITH s(id, x) AS (VALUES (1, ARRAY['b', 'a', 'c']), (2, ARRAY['a', NULL]), (3, NULL), (4, ARRAY['a', 'a'])) ";
    private static final String S_DUCK = "WITH s(id, x) AS (VALUES (1, ['b', 'a', 'c']), (2, ['a', NULL]), (3, NULL), (4, ['a', 'a'])) ";
    /** Maps: a NULL map, an empty one, a NULL value. */
    private static final String M = "WITH m(id, v) AS (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, 2])), (2, MAP(ARRAY['b'], ARRAY[NULL])), (3, NULL)) ";
    private static final String M_DUCK = "WITH m(id, v) AS (VALUES (1, MAP(['a', 'b'], [1, 2])), (2, MAP(['b'], [NULL::INTEGER])), (3, NULL)) ";

    private TestingSqlEngine engine;
    private Connection duckDb;

    /** A query and DuckDB's spelling of it. */
    record Case(String sql, String duckDbSql)
    {
        @Override
        public String toString()
        {
            return sql;
        }
    }

    private static Case same(String sql)
    {
        return new Case(sql, sql);
    }

    private static Case of(String sql, String duckDbSql)
    {
        return new Case(sql, duckDbSql);
    }

    @BeforeAll
    void setUp()
            throws SQLException
    {
        engine = new TestingSqlEngine(List.of(new TpchConnectorFactory(), new MemoryConnectorFactory()), Map.of(
                "tpch", Map.of("connector.name", "tpch"),
                "memory", Map.of("connector.name", "memory")));
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
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
                // constructors
                of("SELECT ARRAY[1, 2, 3]", "SELECT [1, 2, 3]"),
                of("SELECT ARRAY[]", "SELECT []"),
                of("SELECT ARRAY[1, NULL, 3]", "SELECT [1, NULL, 3]"),
                of("SELECT ARRAY[NULL]", "SELECT [NULL]"),
                of("SELECT ARRAY['a', 'bc', '']", "SELECT ['a', 'bc', '']"),
                of("SELECT ARRAY[1, 2.5E0]", "SELECT [1, 2.5::DOUBLE]"),
                of("SELECT ARRAY[1, 2, 3000000000]", "SELECT [1, 2, 3000000000]"),
                of("SELECT ARRAY[ARRAY[1], ARRAY[2, 3], ARRAY[]]", "SELECT [[1], [2, 3], []]"),
                of("SELECT ARRAY[true, false, NULL]", "SELECT [true, false, NULL]"),
                of("SELECT CAST(NULL AS array(bigint))", "SELECT CAST(NULL AS BIGINT[])"),
                of(T + "SELECT id, a FROM t", T_DUCK + "SELECT id, a FROM t"),
                of(T + "SELECT id, ARRAY[id, id * 2] FROM t", T_DUCK + "SELECT id, [id, id * 2] FROM t"),
                // subscript, element_at, cardinality
                of("SELECT ARRAY[1, 2, 3][2]", "SELECT [1, 2, 3][2]"),
                of("SELECT ARRAY[ARRAY[1], ARRAY[2, 3]][2][1]", "SELECT [[1], [2, 3]][2][1]"),
                of("SELECT ARRAY['x', NULL][2]", "SELECT ['x', NULL][2]"),
                of(T + "SELECT id, a[1] FROM t WHERE cardinality(a) >= 1", T_DUCK + "SELECT id, a[1] FROM t WHERE len(a) >= 1"),
                of(T + "SELECT id, cardinality(a) FROM t", T_DUCK + "SELECT id, len(a) FROM t"),
                of(T + "SELECT id, element_at(a, 2) FROM t", T_DUCK + "SELECT id, a[2] FROM t"),
                of(T + "SELECT id, element_at(a, -1) FROM t", T_DUCK + "SELECT id, a[-1] FROM t"),
                of(T + "SELECT id, element_at(a, 10) FROM t", T_DUCK + "SELECT id, a[10] FROM t"),
                of(T + "SELECT id, a[id - 3] FROM t WHERE id = 4", T_DUCK + "SELECT id, a[id - 3] FROM t WHERE id = 4"),
                of(T + "SELECT id FROM t WHERE element_at(a, 1) = 2", T_DUCK + "SELECT id FROM t WHERE a[1] = 2"),
                of(T + "SELECT sum(cardinality(a)) FROM t", T_DUCK + "SELECT sum(len(a)) FROM t"),
                // contains and array_position: a null element makes a miss unknown (Presto), DuckDB answers false
                of(T + "SELECT id, contains(a, 2) FROM t", T_DUCK + "SELECT id, list_contains(a, 2) FROM t"),
                of(T + "SELECT id, contains(a, 3) FROM t",
                        T_DUCK + "SELECT id, CASE WHEN list_contains(a, 3) THEN true WHEN len(list_filter(a, lambda e: e IS NULL)) > 0 THEN NULL ELSE list_contains(a, 3) END FROM t"),
                of(T + "SELECT id, contains(a, NULL) FROM t", T_DUCK + "SELECT id, NULL::BOOLEAN FROM t"),
                of(S + "SELECT id, contains(x, 'a') FROM s", S_DUCK + "SELECT id, list_contains(x, 'a') FROM s"),
                of(T + "SELECT id, array_position(a, 4) FROM t", T_DUCK + "SELECT id, CASE WHEN a IS NULL THEN NULL ELSE coalesce(list_position(a, 4), 0) END FROM t"),
                of(T + "SELECT id, array_position(a, 2) FROM t", T_DUCK + "SELECT id, CASE WHEN a IS NULL THEN NULL ELSE coalesce(list_position(a, 2), 0) END FROM t"),
                of(S + "SELECT id, array_position(x, 'c') FROM s", S_DUCK + "SELECT id, CASE WHEN x IS NULL THEN NULL ELSE coalesce(list_position(x, 'c'), 0) END FROM s"),
                // distinct, sort, max, min
                of(T + "SELECT id, array_sort(a) FROM t", T_DUCK + "SELECT id, list_sort(a, 'ASC', 'NULLS LAST') FROM t"),
                of(S + "SELECT id, array_sort(x) FROM s", S_DUCK + "SELECT id, list_sort(x, 'ASC', 'NULLS LAST') FROM s"),
                of(T + "SELECT id, array_sort(array_distinct(a)) FROM t", T_DUCK + "SELECT id, CASE WHEN len(list_filter(a, lambda e: e IS NULL)) > 0 THEN list_append(list_sort(list_distinct(a)), NULL) ELSE list_sort(list_distinct(a)) END FROM t"),
                // array_distinct keeps the first occurrence of each value, in order
                of("SELECT array_distinct(ARRAY[3, 1, 3, NULL, 1, NULL])", "SELECT [3, 1, NULL]"),
                of(S + "SELECT id, cardinality(array_distinct(x)) FROM s", S_DUCK + "SELECT id, len(list_distinct(x)) + CASE WHEN len(list_filter(x, lambda e: e IS NULL)) > 0 THEN 1 ELSE 0 END FROM s"),
                of(T + "SELECT id, array_max(a), array_min(a) FROM t",
                        T_DUCK + "SELECT id, CASE WHEN len(list_filter(a, lambda e: e IS NULL)) > 0 THEN NULL ELSE list_max(a) END, CASE WHEN len(list_filter(a, lambda e: e IS NULL)) > 0 THEN NULL ELSE list_min(a) END FROM t"),
                of(S + "SELECT id, array_max(x) FROM s WHERE id <> 2", S_DUCK + "SELECT id, list_max(x) FROM s WHERE id <> 2"),
                of("SELECT array_max(ARRAY[1.5E0, -2E0]), array_min(ARRAY['b', 'ab'])", "SELECT 1.5::DOUBLE, 'ab'"),
                // array_join
                of(S + "SELECT id, array_join(x, ',') FROM s", S_DUCK + "SELECT id, array_to_string(x, ',') FROM s"),
                of(S + "SELECT id, array_join(x, '-', 'N') FROM s", S_DUCK + "SELECT id, array_to_string(list_transform(x, lambda e: coalesce(e, 'N')), '-') FROM s"),
                of(T + "SELECT id, array_join(a, '|') FROM t", T_DUCK + "SELECT id, array_to_string(a, '|') FROM t"),
                // concat and ||: a null array makes the result null (Presto), DuckDB's list_concat skips it
                of(T + "SELECT id, concat(a, ARRAY[9]) FROM t", T_DUCK + "SELECT id, CASE WHEN a IS NULL THEN NULL ELSE list_concat(a, [9]) END FROM t"),
                of(T + "SELECT id, a || a FROM t", T_DUCK + "SELECT id, CASE WHEN a IS NULL THEN NULL ELSE list_concat(a, a) END FROM t"),
                of("SELECT ARRAY[1] || 2", "SELECT list_append([1], 2)"),
                of("SELECT 0 || ARRAY[1, 2]", "SELECT list_prepend(0, [1, 2])"),
                of("SELECT ARRAY['a'] || ARRAY[NULL] || ARRAY['b', 'c']", "SELECT ['a', NULL, 'b', 'c']"),
                of("SELECT concat(ARRAY[1], ARRAY[2.5E0])", "SELECT [1.0::DOUBLE, 2.5]"),
                // split
                of("SELECT split('a,b,,c', ',')", "SELECT string_split('a,b,,c', ',')"),
                of("SELECT split('abc', ',')", "SELECT string_split('abc', ',')"),
                of("SELECT split('', ',')", "SELECT string_split('', ',')"),
                of("SELECT split('a::b::c', '::')", "SELECT string_split('a::b::c', '::')"),
                // split with a limit: the last element keeps the rest (Presto), DuckDB has no limit
                of("SELECT split('a,b,c', ',', 2)", "SELECT ['a', 'b,c']"),
                of("SELECT split('a,b,c', ',', 5)", "SELECT ['a', 'b', 'c']"),
                of("SELECT cardinality(split(n_name, 'A')) FROM tpch.tiny.nation WHERE n_nationkey < 5", "SELECT * FROM (VALUES (3), (3), (2), (4), (1)) v"),
                of("SELECT split(NULL, ',')", "SELECT string_split(NULL, ',')"),
                // sequence
                of("SELECT sequence(1, 5)", "SELECT generate_series(1, 5)"),
                of("SELECT sequence(5, 1)", "SELECT generate_series(5, 1, -1)"),
                of("SELECT sequence(0, 10, 3)", "SELECT generate_series(0, 10, 3)"),
                of("SELECT sequence(3, 3)", "SELECT generate_series(3, 3)"),
                of(T + "SELECT id, sequence(1, id) FROM t", T_DUCK + "SELECT id, generate_series(1, id) FROM t"),
                // comparisons and IS NULL: a null element makes = unknown unless another element differs
                of("SELECT ARRAY[1, 2] = ARRAY[1, 2], ARRAY[1, 2] = ARRAY[1, 3], ARRAY[1, 2] <> ARRAY[1, 2, 3]", "SELECT [1, 2] = [1, 2], [1, 2] = [1, 3], [1, 2] <> [1, 2, 3]"),
                of("SELECT ARRAY[1, NULL] = ARRAY[1, NULL]", "SELECT NULL::BOOLEAN"),
                of("SELECT ARRAY[1, NULL] = ARRAY[2, NULL]", "SELECT false"),
                of("SELECT ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL], ARRAY[1] IS DISTINCT FROM ARRAY[1, NULL]", "SELECT false, true"),
                of(T + "SELECT id, a = ARRAY[1, 2, 3] FROM t", T_DUCK + "SELECT id, a = [1, 2, 3] FROM t"),
                of(T + "SELECT id FROM t WHERE a = ARRAY[]", T_DUCK + "SELECT id FROM t WHERE a = []"),
                of(T + "SELECT id, a IN (ARRAY[1, 2, 3], ARRAY[5, 4, 4, 1]) FROM t", T_DUCK + "SELECT id, a IN ([1, 2, 3], [5, 4, 4, 1]) FROM t"),
                of(T + "SELECT id FROM t WHERE a NOT IN (ARRAY[], ARRAY[1, 2, 3])", T_DUCK + "SELECT id FROM t WHERE a NOT IN ([], [1, 2, 3])"),
                of(T + "SELECT id, a IS NULL, a IS NOT NULL FROM t", T_DUCK + "SELECT id, a IS NULL, a IS NOT NULL FROM t"),
                of(T + "SELECT id, coalesce(a, ARRAY[0]) FROM t", T_DUCK + "SELECT id, coalesce(a, [0]) FROM t"),
                of(T + "SELECT id, CASE WHEN id > 2 THEN a ELSE ARRAY[7] END FROM t", T_DUCK + "SELECT id, CASE WHEN id > 2 THEN a ELSE [7] END FROM t"),
                of(T + "SELECT id, a FROM t ORDER BY id DESC", T_DUCK + "SELECT id, a FROM t ORDER BY id DESC"),
                // ordering: arrays lexicographically (a prefix first), rows field by field
                of("SELECT ARRAY[1, 2] < ARRAY[1, 3], ARRAY[1] < ARRAY[1, 0], ARRAY[2] > ARRAY[1, 5], ARRAY['b'] >= ARRAY['a', 'z']",
                        "SELECT [1, 2] < [1, 3], [1] < [1, 0], [2] > [1, 5], ['b'] >= ['a', 'z']"),
                of("SELECT ROW(1, 'b') > ROW(1, 'a'), ROW(2, 'a') <= ROW(1, 'z')", "SELECT row(1, 'b') > row(1, 'a'), row(2, 'a') <= row(1, 'z')"),
                of(T + "SELECT id, a FROM t ORDER BY a, id", T_DUCK + "SELECT id, a FROM t ORDER BY a NULLS LAST, id"),
                of(T + "SELECT id, a FROM t ORDER BY a DESC, id", T_DUCK + "SELECT id, a FROM t ORDER BY a DESC NULLS LAST, id"),
                of(S + "SELECT id FROM s ORDER BY ROW(coalesce(element_at(x, 1), 'zz'), id) DESC", S_DUCK + "SELECT id FROM s ORDER BY coalesce(x[1], 'zz') DESC, id DESC"),
                // casts
                of("SELECT CAST(ARRAY[1, 2] AS array(varchar))", "SELECT CAST([1, 2] AS VARCHAR[])"),
                of("SELECT CAST(ARRAY['1', NULL, '3'] AS array(integer))", "SELECT CAST(['1', NULL, '3'] AS INTEGER[])"),
                of("SELECT CAST(ARRAY[1, 2] AS array(double))", "SELECT CAST([1, 2] AS DOUBLE[])"),
                of("SELECT CAST(ARRAY[ARRAY[1], NULL] AS array(array(bigint)))", "SELECT CAST([[1], NULL] AS BIGINT[][])"),
                // TRY_CAST: a value any part of which fails to cast becomes null as a whole (Presto)
                of("SELECT TRY_CAST(ARRAY['1', 'x'] AS array(bigint)), TRY_CAST(ARRAY['1', '2'] AS array(bigint))", "SELECT NULL::BIGINT[], [1, 2]"),
                of("SELECT id, TRY_CAST(x AS array(integer)) FROM (VALUES (1, ARRAY['1', '2']), (2, ARRAY['3', 'x']), (3, NULL), (4, ARRAY[NULL])) v(id, x)",
                        "SELECT * FROM (VALUES (1, [1, 2]), (2, NULL), (3, NULL), (4, [NULL::INTEGER])) v"),
                // rows
                of("SELECT ROW(1, 'a')", "SELECT row(1, 'a')"),
                of("SELECT ROW(1, NULL, ARRAY[2])", "SELECT row(1, NULL, [2])"),
                of("SELECT CAST(ROW(1, 'a') AS ROW(x bigint, y varchar))", "SELECT {'x': 1, 'y': 'a'}"),
                of("SELECT CAST(ROW(1, 'a') AS ROW(x bigint, y varchar)).x", "SELECT ({'x': 1, 'y': 'a'}).x"),
                of("SELECT r.x, r.y FROM (SELECT CAST(ROW(1, 'a') AS ROW(x bigint, y varchar)) AS r) q", "SELECT r.x, r.y FROM (SELECT {'x': 1, 'y': 'a'} AS r) q"),
                of("SELECT (r).y FROM (VALUES CAST(ROW(1, 'a') AS ROW(x integer, y varchar)), NULL) q(r)", "SELECT * FROM (VALUES ('a'), (NULL)) v"),
                of("SELECT ROW(1, 2) = ROW(1, 2), ROW(1, 2) = ROW(1, 3), ROW(1, 'a') <> ROW(2, 'a')", "SELECT row(1, 2) = row(1, 2), row(1, 2) = row(1, 3), row(1, 'a') <> row(2, 'a')"),
                of("SELECT ROW(1, NULL) = ROW(1, 2), ROW(1, NULL) = ROW(3, 2)", "SELECT NULL::BOOLEAN, false"),
                of("SELECT ROW(1, 'a') IS NULL, CAST(NULL AS ROW(x bigint)) IS NULL", "SELECT false, true"),
                of("SELECT ARRAY[ROW(1, 'a'), ROW(2, 'b')][2]", "SELECT [row(1, 'a'), row(2, 'b')][2]"),
                of("SELECT CAST(ROW(1, 2) AS ROW(a integer, b double))", "SELECT {'a': 1, 'b': 2::DOUBLE}"),
                of(T + "SELECT id, ROW(id, a) FROM t", T_DUCK + "SELECT id, row(id, a) FROM t"),
                of(T + "SELECT CAST(ROW(id, a) AS ROW(k bigint, vs array(bigint))).vs FROM t", T_DUCK + "SELECT a FROM t"),
                // maps
                of("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])", "SELECT MAP(['a', 'b'], [1, 2])"),
                of("SELECT MAP(ARRAY[1, 2], ARRAY[NULL, 'x'])", "SELECT MAP([1, 2], [NULL, 'x'])"),
                of("SELECT MAP(ARRAY[], ARRAY[])", "SELECT MAP([], [])"),
                of("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['b']", "SELECT 2"),
                of("SELECT element_at(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), 'z')", "SELECT NULL::INTEGER"),
                of(M + "SELECT id, cardinality(v) FROM m", M_DUCK + "SELECT id, cardinality(v) FROM m"),
                of(M + "SELECT id, map_keys(v), map_values(v) FROM m", M_DUCK + "SELECT id, map_keys(v), map_values(v) FROM m"),
                of(M + "SELECT id, element_at(v, 'b') FROM m", M_DUCK + "SELECT * FROM (VALUES (1, 2), (2, NULL), (3, NULL)) x"),
                of(M + "SELECT id, v FROM m", M_DUCK + "SELECT id, v FROM m"),
                of(M + "SELECT id, v IS NULL FROM m", M_DUCK + "SELECT id, v IS NULL FROM m"),
                // map equality ignores entry order (Presto)
                of("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2]) = MAP(ARRAY['b', 'a'], ARRAY[2, 1]), MAP(ARRAY['a'], ARRAY[1]) = MAP(ARRAY['a'], ARRAY[2])", "SELECT true, false"),
                of("SELECT CAST(MAP(ARRAY['a'], ARRAY[1]) AS map(varchar, double))", "SELECT MAP(['a'], [1::DOUBLE])"),
                of("SELECT MAP(ARRAY['k'], ARRAY[ARRAY[1, 2]])['k'][2]", "SELECT 2"),
                // GROUP BY, DISTINCT and set operations over arrays, maps and rows: equal values (nulls inside too) group together
                of(T + "SELECT a, count(*) FROM (SELECT a FROM t UNION ALL SELECT a FROM t WHERE id > 2) x GROUP BY a",
                        T_DUCK + "SELECT a, count(*) FROM (SELECT a FROM t UNION ALL SELECT a FROM t WHERE id > 2) x GROUP BY a"),
                of(T + "SELECT DISTINCT a FROM (SELECT a FROM t UNION ALL SELECT a FROM t) x", T_DUCK + "SELECT DISTINCT a FROM (SELECT a FROM t UNION ALL SELECT a FROM t) x"),
                of(S + "SELECT x, count(*), min(id) FROM (SELECT * FROM s UNION ALL SELECT * FROM s WHERE id <= 2) y GROUP BY x",
                        S_DUCK + "SELECT x, count(*), min(id) FROM (SELECT * FROM s UNION ALL SELECT * FROM s WHERE id <= 2) y GROUP BY x"),
                of("SELECT r, count(*) FROM (VALUES (1, ROW(1, 'a')), (2, ROW(1, 'a')), (3, ROW(2, NULL)), (4, ROW(2, NULL)), (5, NULL)) v(id, r) GROUP BY r",
                        "SELECT r, count(*) FROM (VALUES (1, row(1, 'a')), (2, row(1, 'a')), (3, row(2, NULL)), (4, row(2, NULL)), (5, NULL)) v(id, r) GROUP BY r"),
                of(M + "SELECT v, count(*) FROM (SELECT v FROM m UNION ALL SELECT v FROM m) x GROUP BY v", M_DUCK + "SELECT v, count(*) FROM (SELECT v FROM m UNION ALL SELECT v FROM m) x GROUP BY v"),
                of(T + "SELECT count(DISTINCT a) FROM t", T_DUCK + "SELECT count(DISTINCT a) FROM t"),
                of(T + "SELECT a FROM t UNION SELECT a FROM t", T_DUCK + "SELECT a FROM t UNION SELECT a FROM t"),
                of(T + "SELECT a FROM t INTERSECT SELECT ARRAY[2, NULL, 2]", T_DUCK + "SELECT a FROM t INTERSECT SELECT [2, NULL, 2]"),
                of(T + "SELECT cardinality(a), count(*) FROM t GROUP BY cardinality(a)", T_DUCK + "SELECT len(a), count(*) FROM t GROUP BY len(a)"),
                // nested through tables
                of("SELECT n_regionkey, ARRAY[n_regionkey, n_nationkey] FROM tpch.tiny.nation WHERE n_nationkey < 3",
                        "SELECT * FROM (VALUES (0, [0, 0]), (1, [1, 1]), (1, [1, 2])) v"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
            throws SQLException
    {
        List<List<Object>> actual = canonicalRows(engine.run(query.sql()));
        List<List<Object>> expected = duckDb(query.duckDbSql());
        if (query.sql().contains("ORDER BY")) {
            assertThat(actual).isEqualTo(expected);
        }
        else {
            assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void testErrors()
    {
        assertError("SELECT ARRAY[1, 2][3]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript out of bounds");
        assertError(T + "SELECT a[4] FROM t", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript out of bounds");
        assertError("SELECT ARRAY[1, 2][0]", ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
        assertError("SELECT element_at(ARRAY[1, 2], 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
        assertError("SELECT MAP(ARRAY['a'], ARRAY[1])['z']", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map: z");
        assertError("SELECT MAP(ARRAY[1, 1], ARRAY[1, 2])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate map keys (1) are not allowed");
        assertError("SELECT MAP(ARRAY[1], ARRAY[1, 2])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key and value arrays must be the same length");
        assertError("SELECT MAP(ARRAY[NULL], ARRAY[1])", ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
        assertError("SELECT sequence(1, 5, 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "step must not be zero");
        assertError("SELECT sequence(5, 1, 1)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "sequence stop value should be greater than or equal to start value");
        assertError("SELECT split('a', ',', 0)", ErrorCode.INVALID_FUNCTION_ARGUMENT, "Limit must be positive");
        assertError("SELECT CAST(ARRAY['1', 'x'] AS array(bigint))", ErrorCode.INVALID_CAST_ARGUMENT, "");
        assertError("SELECT ARRAY[1, 'a']", ErrorCode.TYPE_MISMATCH, "All ARRAY elements must be the same type");
        assertError("SELECT ARRAY[1]['a']", ErrorCode.TYPE_MISMATCH, "Array subscript must be of type bigint");
        assertError("SELECT cardinality(1)", ErrorCode.FUNCTION_NOT_FOUND, "Unexpected parameters (integer) for function cardinality");
        assertError("SELECT CAST(ROW(1) AS ROW(x bigint)).y", ErrorCode.COLUMN_NOT_FOUND, "Field 'y' not found");
        assertError("SELECT array_sort(ARRAY[ARRAY[1]])", ErrorCode.NOT_SUPPORTED, "array_sort is not supported");
        assertError(T + "SELECT t.id FROM t JOIN t u ON t.a = u.a", ErrorCode.NOT_SUPPORTED, "Joins on array, map and row keys are not supported yet");
        assertError(M + "SELECT id FROM m ORDER BY v", ErrorCode.NOT_SUPPORTED, "Maps are not orderable");
        assertError("SELECT id FROM (VALUES (1, 'a'), (2, NULL), (3, 'b')) v(id, x) ORDER BY ROW(1, x)", ErrorCode.NOT_SUPPORTED, "Row comparison not supported for fields with null elements");
        assertError("SELECT ARRAY[1, NULL] < ARRAY[1, 2]", ErrorCode.NOT_SUPPORTED, "Array comparison not supported for arrays with null elements");
    }

    @Test
    void testMemoryTableStoresNestedColumns()
    {
        engine.run("CREATE TABLE memory.default.nested AS SELECT id, a, MAP(ARRAY['k'], ARRAY[id]) AS m, CAST(ROW(id, 'x') AS ROW(n bigint, s varchar)) AS r "
                + "FROM (VALUES (1, ARRAY[1, 2]), (2, NULL), (3, ARRAY[])) v(id, a)");
        engine.run("INSERT INTO memory.default.nested VALUES (4, ARRAY[NULL, 4], NULL, NULL)");
        MaterializedResult result = engine.run("SELECT id, a, m, r, r.s, element_at(a, 1) FROM memory.default.nested WHERE id <> 3 ORDER BY id");
        assertThat(canonicalRows(result)).containsExactly(
                Arrays.asList(1L, List.of(1L, 2L), Map.of("k", 1L), List.of(1L, "x"), "x", 1L),
                Arrays.asList(2L, null, Map.of("k", 2L), List.of(2L, "x"), "x", null),
                Arrays.asList(4L, Arrays.asList(null, 4L), null, null, null, null));
        assertThat(canonicalRows(engine.run("SELECT id FROM memory.default.nested WHERE a = ARRAY[1, 2] AND r.n = 1"))).containsExactly(List.of(1L));
        assertThat(canonicalRows(engine.run("SELECT id FROM memory.default.nested WHERE a = ARRAY[1, 2] OR r = CAST(ROW(2, 'x') AS ROW(n bigint, s varchar)) OR m IS NULL")))
                .containsExactlyInAnyOrder(List.of(1L), List.of(2L), List.of(4L));
        assertThat(engine.run("SHOW COLUMNS FROM memory.default.nested").rows().stream().map(row -> row.get(1)).toList())
                .containsExactly("integer", "array(integer)", "map(varchar(1),integer)", "row(n bigint,s varchar)");
    }

    @Test
    void testCreateTableWithNestedColumnsThenInsert()
    {
        engine.run("CREATE TABLE memory.default.typed (a array(bigint), m map(varchar, array(integer)), r row(x bigint, y varchar))");
        // integer elements coerce to the column's bigint elements, as INSERT coerces
        engine.run("INSERT INTO memory.default.typed VALUES (ARRAY[1, NULL], MAP(ARRAY['k'], ARRAY[ARRAY[2]]), ROW(3, 'z')), (NULL, NULL, NULL)");
        assertThat(canonicalRows(engine.run("SELECT a, m['k'][1], r.y, cardinality(a) FROM memory.default.typed")))
                .containsExactlyInAnyOrder(Arrays.asList(Arrays.asList(1L, null), 2L, "z", 2L), Arrays.asList(null, null, null, null));
        assertThat(engine.run("SHOW COLUMNS FROM memory.default.typed").rows().stream().map(row -> row.get(1)).toList())
                .containsExactly("array(bigint)", "map(varchar,array(integer))", "row(x bigint,y varchar)");
    }

    @Test
    void testExplainShowsNestedExpressions()
    {
        String plan = engine.run("EXPLAIN SELECT a[1], ARRAY[1, id], CAST(ROW(id, 'x') AS ROW(n bigint, s varchar)).n FROM (VALUES (1, ARRAY[3])) v(id, a) WHERE a <> ARRAY[4]")
                .rows().stream().map(row -> row.get(0).toString()).reduce("", String::concat);
        assertThat(plan).contains("ARRAY[");
    }

    private void assertError(String sql, ErrorCode code, String message)
    {
        assertThatThrownBy(() -> engine.run(sql))
                .as(sql)
                .isInstanceOfSatisfying(StrataException.class, e -> {
                    assertThat(e.errorCode()).as(sql).isEqualTo(code);
                    assertThat(e.getMessage()).as(sql).contains(message);
                });
    }

    private List<List<Object>> duckDb(String sql)
            throws SQLException
    {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(canonical(resultSet.getObject(column)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<List<Object>> canonicalRows(MaterializedResult result)
    {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<Object> values = new ArrayList<>();
            for (Object value : row) {
                values.add(canonical(value));
            }
            rows.add(values);
        }
        return rows;
    }

    /** Lists for arrays and rows, maps for maps, Long for integers, stripped BigDecimal, Double, Boolean, String. */
    private static Object canonical(Object value)
    {
        try {
            if (value == null) {
                return null;
            }
            if (value instanceof Array array) {
                return canonical(Arrays.asList((Object[]) array.getArray()));
            }
            if (value instanceof Struct struct) {
                return canonical(Arrays.asList(struct.getAttributes()));
            }
            if (value instanceof List<?> list) {
                List<Object> values = new ArrayList<>();
                for (Object element : list) {
                    values.add(canonical(element));
                }
                return values;
            }
            if (value instanceof Object[] array) {
                return canonical(Arrays.asList(array));
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> values = new LinkedHashMap<>();
                map.forEach((key, element) -> values.put(canonical(key), canonical(element)));
                return values;
            }
            if (value instanceof Slice slice) {
                return slice.toStringUtf8();
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof java.math.BigInteger) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.stripTrailingZeros();
            }
            if (value instanceof Float || value instanceof Double) {
                return ((Number) value).doubleValue();
            }
            if (value instanceof Boolean) {
                return value;
            }
            return value.toString();
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
