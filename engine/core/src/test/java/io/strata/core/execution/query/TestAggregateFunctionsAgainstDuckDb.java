package io.strata.core.execution.query;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.DuckDbSqlComparison;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregate functions (the basic five and Presto's general and statistical ones) through the whole engine, grouped
 * and global, with DISTINCT and FILTER, and as window aggregates, checked against DuckDB running the same SQL (or
 * its DuckDB spelling: {@code any_value} for {@code arbitrary}, {@code arg_max} for {@code max_by},
 * {@code geomean} for {@code geometric_mean}, {@code count(DISTINCT x)} for a small {@code approx_distinct})
 * over tpch tiny tables and over VALUES rows with NULLs, an all-NULL group, a one-row group, duplicates and an
 * empty relation. Doubles compare to a relative 1e-9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestAggregateFunctionsAgainstDuckDb
{
    /**
     * Group 1: mixed values with a NULL row; group 2: duplicates; group 3: all NULL; group 4: one row; group NULL:
     * a NULL key. {@code e} is empty.
     */
    private static final String DATA = "WITH t(g, s, v, d, b, m) AS (VALUES "
            + "(1, 'a', 10, 1.5e0, true, 1.25), "
            + "(1, 'b', 20, 2.5e0, false, 2.50), "
            + "(1, 'b', 20, NULL, true, NULL), "
            + "(1, NULL, NULL, -3.0e0, NULL, -0.75), "
            + "(2, 'c', 5, 4.0e0, true, 4.00), "
            + "(2, 'c', 5, 4.0e0, true, 4.00), "
            + "(3, NULL, NULL, NULL, NULL, NULL), "
            + "(3, NULL, NULL, NULL, NULL, NULL), "
            + "(NULL, 'z', 7, 0.5e0, false, 0.10), "
            + "(NULL, 'y', -7, 1.0e0, false, 9.99), "
            + "(4, 'q', 100, 9.0e0, false, 5.55)), "
            + "e AS (SELECT * FROM t WHERE g > 100) ";

    private DuckDbSqlComparison comparison;
    private TestingQueryRunner flushingRunner;

    /** A query, and its DuckDB spelling where DuckDB needs another (null: the same). */
    record Case(String sql, String duckDbSql)
    {
        static Case of(String sql)
        {
            return new Case(sql, sql);
        }

        static Case of(String sql, String duckDbSql)
        {
            return new Case(sql, duckDbSql);
        }

        static Case data(String sql)
        {
            return new Case(DATA + sql, DATA + sql);
        }

        static Case data(String sql, String duckDbSql)
        {
            return new Case(DATA + sql, DATA + duckDbSql);
        }

        @Override
        public String toString()
        {
            return sql.startsWith(DATA) ? sql.substring(DATA.length()) : sql;
        }
    }

    @BeforeAll
    void setUp()
    {
        comparison = new DuckDbSqlComparison(List.of("nation", "region", "orders", "customer", "lineitem", "supplier", "part"));
        // a partial aggregation that flushes after every page: the final step merges many intermediate states per group
        TaskManagerConfig defaults = TaskManagerConfig.defaults().withWorkerThreads(2);
        TaskManagerConfig flushing = new TaskManagerConfig(defaults.workerThreads(), defaults.quantum(), defaults.maxOutputBufferBytes(),
                defaults.maxLocalExchangeBufferBytes(), defaults.maxQueryMemoryPerNodeBytes(), 1, defaults.memoryPoolBytes(), defaults.taskInfoMaxAge());
        flushingRunner = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")), flushing);
    }

    @AfterAll
    void tearDown()
    {
        comparison.close();
        flushingRunner.close();
    }

    static List<Case> cases()
    {
        return List.of(
                // count_if
                Case.data("SELECT count_if(b) FROM t"),
                // DuckDB's count_if is NULL over no non-null input; Presto's is a count: 0
                Case.data("SELECT g, count_if(b) FROM t GROUP BY g", "SELECT g, coalesce(count_if(b), 0) FROM t GROUP BY g"),
                Case.data("SELECT count_if(v > 5), count_if(s = 'b') FROM t"),
                Case.data("SELECT count_if(b) FROM e", "SELECT coalesce(count_if(b), 0) FROM e"),
                Case.data("SELECT g, count_if(b), count(*) FROM e GROUP BY g"),
                Case.of("SELECT l_returnflag, count_if(l_discount > 0.05), count_if(l_shipmode = 'AIR') FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT count_if(o_orderstatus = 'F') FROM orders"),
                // bool_and (every), bool_or
                Case.data("SELECT bool_and(b), bool_or(b) FROM t"),
                Case.data("SELECT g, bool_and(b), bool_or(b) FROM t GROUP BY g"),
                Case.data("SELECT every(b) FROM t", "SELECT bool_and(b) FROM t"),
                Case.data("SELECT g, every(v > 0) FROM t GROUP BY g", "SELECT g, bool_and(v > 0) FROM t GROUP BY g"),
                Case.data("SELECT bool_and(b), bool_or(b) FROM e"),
                Case.of("SELECT o_orderpriority, bool_and(o_totalprice > 1000), bool_or(o_totalprice > 500000) FROM orders GROUP BY o_orderpriority"),
                Case.of("SELECT c_nationkey, bool_or(c_acctbal < 0), every(c_mktsegment <> 'x') FROM customer GROUP BY c_nationkey",
                        "SELECT c_nationkey, bool_or(c_acctbal < 0), bool_and(c_mktsegment <> 'x') FROM customer GROUP BY c_nationkey"),
                // arbitrary (any_value): deterministic only where a group has one non-null value
                Case.data("SELECT g, arbitrary(s) FROM t WHERE g IN (2, 3, 4) GROUP BY g", "SELECT g, any_value(s) FROM t WHERE g IN (2, 3, 4) GROUP BY g"),
                Case.data("SELECT g, any_value(v), any_value(m) FROM t WHERE g IN (2, 3, 4) GROUP BY g"),
                Case.data("SELECT arbitrary(v) FROM e", "SELECT any_value(v) FROM e"),
                Case.data("SELECT any_value(d) FROM t WHERE g = 4"),
                Case.of("SELECT n_regionkey, arbitrary(r_name) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY n_regionkey",
                        "SELECT n_regionkey, any_value(r_name) FROM nation JOIN region ON n_regionkey = r_regionkey GROUP BY n_regionkey"),
                Case.of("SELECT o_orderkey, arbitrary(o_orderdate), any_value(o_totalprice) FROM orders GROUP BY o_orderkey",
                        "SELECT o_orderkey, any_value(o_orderdate), any_value(o_totalprice) FROM orders GROUP BY o_orderkey"),
                // max_by, min_by
                Case.data("SELECT max_by(s, v), min_by(s, v) FROM t", "SELECT arg_max_null(s, v), arg_min_null(s, v) FROM t"),
                Case.data("SELECT g, max_by(v, d), min_by(m, d) FROM t GROUP BY g", "SELECT g, arg_max_null(v, d), arg_min_null(m, d) FROM t GROUP BY g"),
                Case.data("SELECT max_by(d, s), min_by(b, m) FROM t", "SELECT arg_max_null(d, s), arg_min_null(b, m) FROM t"),
                Case.data("SELECT max_by(s, v), min_by(v, s) FROM e", "SELECT arg_max_null(s, v), arg_min_null(v, s) FROM e"),
                Case.of("SELECT max_by(o_orderkey, o_totalprice), min_by(o_orderkey, o_totalprice) FROM orders",
                        "SELECT arg_max_null(o_orderkey, o_totalprice), arg_min_null(o_orderkey, o_totalprice) FROM orders"),
                Case.of("SELECT o_custkey, max_by(o_orderdate, o_totalprice), min_by(o_clerk, o_totalprice) FROM orders GROUP BY o_custkey",
                        "SELECT o_custkey, arg_max_null(o_orderdate, o_totalprice), arg_min_null(o_clerk, o_totalprice) FROM orders GROUP BY o_custkey"),
                Case.of("SELECT n_regionkey, max_by(n_nationkey, n_name), min_by(n_name, n_nationkey) FROM nation GROUP BY n_regionkey",
                        "SELECT n_regionkey, arg_max_null(n_nationkey, n_name), arg_min_null(n_name, n_nationkey) FROM nation GROUP BY n_regionkey"),
                Case.of("SELECT l_returnflag, max_by(l_extendedprice, l_orderkey * 10 + l_linenumber), min_by(l_shipdate, l_orderkey * 10 + l_linenumber) "
                                + "FROM lineitem GROUP BY l_returnflag",
                        "SELECT l_returnflag, arg_max_null(l_extendedprice, l_orderkey * 10 + l_linenumber), arg_min_null(l_shipdate, l_orderkey * 10 + l_linenumber) "
                                + "FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT max_by(c_name, c_custkey), min_by(c_acctbal, c_phone) FROM customer",
                        "SELECT arg_max_null(c_name, c_custkey), arg_min_null(c_acctbal, c_phone) FROM customer"),
                // the variance family
                Case.data("SELECT stddev(v), stddev_samp(v), stddev_pop(v), variance(v), var_samp(v), var_pop(v) FROM t"),
                Case.data("SELECT g, stddev(v), stddev_pop(v), var_samp(v), var_pop(v) FROM t GROUP BY g"),
                Case.data("SELECT g, stddev(d), variance(d), stddev_pop(d) FROM t GROUP BY g"),
                Case.data("SELECT g, stddev(m), var_pop(m) FROM t GROUP BY g"),
                Case.data("SELECT stddev(v), var_pop(v), stddev_pop(d), variance(d) FROM e"),
                Case.data("SELECT g, stddev(v) FROM e GROUP BY g"),
                // large offsets: a naive sum of squares loses every digit here, Welford's keeps them
                Case.data("SELECT variance(v + 1000000000), var_pop(d + 1e12), stddev(v * 1e0 + 1e9) FROM t"),
                Case.of("SELECT stddev(l_quantity), variance(l_extendedprice), stddev_pop(l_discount), var_pop(l_tax) FROM lineitem"),
                Case.of("SELECT l_returnflag, l_linestatus, stddev(l_extendedprice), var_samp(l_quantity) FROM lineitem GROUP BY l_returnflag, l_linestatus"),
                Case.of("SELECT o_orderpriority, stddev_samp(o_totalprice), var_pop(o_custkey) FROM orders GROUP BY o_orderpriority"),
                Case.of("SELECT n_regionkey, stddev(n_nationkey), variance(n_nationkey) FROM nation GROUP BY n_regionkey"),
                Case.of("SELECT c_mktsegment, stddev_pop(c_acctbal), var_samp(c_nationkey) FROM customer GROUP BY c_mktsegment"),
                Case.of("SELECT o_custkey, stddev(o_totalprice), var_pop(o_totalprice) FROM orders GROUP BY o_custkey"),
                // corr, covar_samp, covar_pop
                Case.data("SELECT corr(v, d), covar_samp(v, d), covar_pop(v, d) FROM t"),
                Case.data("SELECT g, covar_samp(v, d), covar_pop(v, d) FROM t GROUP BY g"),
                Case.data("SELECT g, corr(v, d) FROM t WHERE g IN (1, 3) OR g IS NULL GROUP BY g"),
                Case.data("SELECT corr(v, d), covar_samp(d, v), covar_pop(m, v) FROM e"),
                Case.of("SELECT corr(l_quantity, l_extendedprice), covar_samp(l_quantity, l_extendedprice), covar_pop(l_discount, l_tax) FROM lineitem"),
                Case.of("SELECT l_linestatus, corr(l_extendedprice, l_discount), covar_pop(l_extendedprice, l_discount) FROM lineitem GROUP BY l_linestatus"),
                Case.of("SELECT o_orderstatus, covar_pop(o_totalprice, o_custkey), covar_samp(o_custkey, o_totalprice) FROM orders GROUP BY o_orderstatus"),
                // Presto: corr is NULL where it is not finite (one row, a constant variable); DuckDB's is NaN
                Case.of("SELECT s_nationkey, corr(s_acctbal, s_suppkey) FROM supplier GROUP BY s_nationkey",
                        "SELECT s_nationkey, CASE WHEN isfinite(corr(s_acctbal, s_suppkey)) THEN corr(s_acctbal, s_suppkey) END FROM supplier GROUP BY s_nationkey"),
                Case.data("SELECT g, corr(v, d), corr(d, v) FROM t GROUP BY g",
                        "SELECT g, CASE WHEN isfinite(corr(v, d)) THEN corr(v, d) END, CASE WHEN isfinite(corr(d, v)) THEN corr(d, v) END FROM t GROUP BY g"),
                Case.of("SELECT p_brand, corr(p_retailprice, p_size), covar_samp(p_size, p_retailprice) FROM part GROUP BY p_brand"),
                // regr_slope, regr_intercept: the least-squares line of y on x
                Case.data("SELECT regr_slope(v, d), regr_intercept(v, d), regr_slope(d, v), regr_intercept(d, v) FROM t"),
                // Presto: NULL where the line is not finite (one row: DuckDB's slope is NaN)
                Case.data("SELECT g, regr_slope(v, d), regr_intercept(m, d) FROM t GROUP BY g",
                        "SELECT g, CASE WHEN isfinite(regr_slope(v, d)) THEN regr_slope(v, d) END, regr_intercept(m, d) FROM t GROUP BY g"),
                Case.of("SELECT l_returnflag, regr_slope(l_extendedprice, l_quantity), regr_intercept(l_extendedprice, l_quantity) FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT regr_slope(o_totalprice, o_custkey), regr_intercept(o_custkey, o_totalprice) FROM orders"),
                // kurtosis is Presto's and DuckDB's bias-corrected excess kurtosis; Presto's skewness is sqrt(n) m3 / m2^1.5,
                // DuckDB's the sample skewness, larger by sqrt(n (n - 1)) / (n - 2)
                Case.data("SELECT kurtosis(v), skewness(v) FROM t", "SELECT kurtosis(v), skewness(v) * (count(v) - 2) / sqrt(count(v) * (count(v) - 1)) FROM t"),
                Case.data("SELECT g, kurtosis(d), skewness(d) FROM t GROUP BY g", "SELECT g, kurtosis(d), skewness(d) * (count(d) - 2) / sqrt(count(d) * (count(d) - 1)) FROM t GROUP BY g"),
                Case.data("SELECT kurtosis(v), skewness(v) FROM e"),
                Case.of("SELECT o_orderpriority, kurtosis(o_totalprice), skewness(o_totalprice) FROM orders GROUP BY o_orderpriority",
                        "SELECT o_orderpriority, kurtosis(o_totalprice), skewness(o_totalprice) * (count(o_totalprice) - 2) / sqrt(count(o_totalprice) * (count(o_totalprice) - 1)) "
                                + "FROM orders GROUP BY o_orderpriority"),
                Case.of("SELECT kurtosis(l_quantity), kurtosis(l_extendedprice + 1e9), skewness(l_discount) FROM lineitem",
                        "SELECT kurtosis(l_quantity), kurtosis(l_extendedprice + 1e9), skewness(l_discount) * (count(*) - 2) / sqrt(count(*) * (count(*) - 1)) FROM lineitem"),
                // geometric_mean
                Case.of("SELECT geometric_mean(l_quantity) FROM lineitem", "SELECT geomean(l_quantity) FROM lineitem"),
                Case.data("SELECT g, geometric_mean(abs(d)), geometric_mean(abs(v)) FROM t WHERE g <> 1 OR g IS NULL GROUP BY g",
                        "SELECT g, geomean(abs(d)), geomean(abs(v)) FROM t WHERE g <> 1 OR g IS NULL GROUP BY g"),
                Case.data("SELECT geometric_mean(d) FROM e", "SELECT geomean(d) FROM e"),
                Case.of("SELECT o_orderpriority, geometric_mean(o_totalprice), geometric_mean(o_custkey) FROM orders GROUP BY o_orderpriority",
                        "SELECT o_orderpriority, geomean(o_totalprice), geomean(o_custkey) FROM orders GROUP BY o_orderpriority"),
                // approx_distinct is exact below a few hundred distinct values
                Case.data("SELECT approx_distinct(s), approx_distinct(v), approx_distinct(d), approx_distinct(b), approx_distinct(m) FROM t",
                        "SELECT count(DISTINCT s), count(DISTINCT v), count(DISTINCT d), count(DISTINCT b), count(DISTINCT m) FROM t"),
                Case.data("SELECT g, approx_distinct(s), approx_distinct(v, 0.01) FROM t GROUP BY g", "SELECT g, count(DISTINCT s), count(DISTINCT v) FROM t GROUP BY g"),
                Case.data("SELECT approx_distinct(v) FROM e", "SELECT count(DISTINCT v) FROM e"),
                Case.of("SELECT n_regionkey, approx_distinct(n_name) FROM nation GROUP BY n_regionkey", "SELECT n_regionkey, count(DISTINCT n_name) FROM nation GROUP BY n_regionkey"),
                Case.of("SELECT o_orderpriority, approx_distinct(o_orderstatus), approx_distinct(o_shippriority, 0.1) FROM orders GROUP BY o_orderpriority",
                        "SELECT o_orderpriority, count(DISTINCT o_orderstatus), count(DISTINCT o_shippriority) FROM orders GROUP BY o_orderpriority"),
                Case.of("SELECT approx_distinct(l_suppkey), approx_distinct(l_shipdate < DATE '1995-01-01'), approx_distinct(l_discount) FROM lineitem",
                        "SELECT count(DISTINCT l_suppkey), count(DISTINCT l_shipdate < DATE '1995-01-01'), count(DISTINCT l_discount) FROM lineitem"),
                Case.of("SELECT o_custkey, approx_distinct(o_orderdate) FROM orders GROUP BY o_custkey", "SELECT o_custkey, count(DISTINCT o_orderdate) FROM orders GROUP BY o_custkey"),
                // approx_percentile is exact here: the discrete percentile, DuckDB's quantile_disc
                Case.data("SELECT approx_percentile(v, 0.5), approx_percentile(d, 0.9), approx_percentile(v, 0), approx_percentile(d, 1) FROM t",
                        "SELECT quantile_disc(v, 0.5), quantile_disc(d, 0.9), quantile_disc(v, 0), quantile_disc(d, 1) FROM t"),
                Case.data("SELECT g, approx_percentile(v, 0.25), approx_percentile(d, 0.75) FROM t GROUP BY g",
                        "SELECT g, quantile_disc(v, 0.25), quantile_disc(d, 0.75) FROM t GROUP BY g"),
                Case.data("SELECT approx_percentile(v, 0.5) FROM e", "SELECT quantile_disc(v, 0.5) FROM e"),
                Case.of("SELECT l_returnflag, approx_percentile(l_quantity, 0.5), approx_percentile(l_orderkey, 0.99) FROM lineitem GROUP BY l_returnflag",
                        "SELECT l_returnflag, quantile_disc(CAST(l_quantity AS DOUBLE), 0.5), quantile_disc(l_orderkey, 0.99) FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT o_orderpriority, approx_percentile(o_custkey, 0.1), approx_percentile(o_totalprice, 0.95) FROM orders GROUP BY o_orderpriority",
                        "SELECT o_orderpriority, quantile_disc(o_custkey, 0.1), quantile_disc(CAST(o_totalprice AS DOUBLE), 0.95) FROM orders GROUP BY o_orderpriority"),
                Case.of("SELECT approx_percentile(o_totalprice, 0.333), approx_percentile(o_shippriority, 0.5) FROM orders",
                        "SELECT quantile_disc(CAST(o_totalprice AS DOUBLE), 0.333), quantile_disc(o_shippriority, 0.5) FROM orders"),
                Case.of("SELECT n_name, approx_percentile(n_nationkey, 0.5) OVER (PARTITION BY n_regionkey), approx_percentile(n_nationkey, 0.8) OVER (ORDER BY n_nationkey) FROM nation",
                        "SELECT n_name, quantile_disc(n_nationkey, 0.5) OVER (PARTITION BY n_regionkey), quantile_disc(n_nationkey, 0.8) OVER (ORDER BY n_nationkey) FROM nation"),
                // long decimals (128-bit values) as values, keys and distinct values
                Case.of("SELECT o_orderpriority, max_by(CAST(o_totalprice AS DECIMAL(30, 2)), CAST(o_orderkey AS DECIMAL(30, 0))), "
                                + "min_by(o_orderkey, CAST(o_totalprice AS DECIMAL(30, 2))), approx_distinct(CAST(o_custkey AS DECIMAL(30, 0))) FROM orders WHERE o_orderkey < 500 GROUP BY o_orderpriority",
                        "SELECT o_orderpriority, arg_max_null(CAST(o_totalprice AS DECIMAL(30, 2)), CAST(o_orderkey AS DECIMAL(30, 0))), "
                                + "arg_min_null(o_orderkey, CAST(o_totalprice AS DECIMAL(30, 2))), count(DISTINCT o_custkey) FROM orders WHERE o_orderkey < 500 GROUP BY o_orderpriority"),
                Case.of("SELECT o_orderkey, arbitrary(CAST(o_totalprice AS DECIMAL(30, 2))) FROM orders WHERE o_orderkey < 100 GROUP BY o_orderkey",
                        "SELECT o_orderkey, any_value(CAST(o_totalprice AS DECIMAL(30, 2))) FROM orders WHERE o_orderkey < 100 GROUP BY o_orderkey"),
                // sum, avg, min, max and count: Presto's result types, empty input, NULL keys
                Case.data("SELECT sum(v), avg(v), min(v), max(v), count(v), count(*) FROM t"),
                Case.data("SELECT g, sum(v), avg(v), min(d), max(d), count(s) FROM t GROUP BY g"),
                Case.data("SELECT count(*), count(v), sum(v), avg(d), min(s), max(s), sum(m) FROM e"),
                Case.data("SELECT g, count(*), sum(v) FROM e GROUP BY g"),
                Case.data("SELECT min(s), max(s), min(m), max(m), min(b), max(b) FROM t"),
                Case.data("SELECT s, count(*), max(v), min(g) FROM t GROUP BY s"),
                Case.data("SELECT g, s, count(*), sum(d) FROM t GROUP BY g, s"),
                Case.data("SELECT g, sum(m), max(m) FROM t GROUP BY g"),
                Case.of("SELECT min(o_orderdate), max(o_orderdate), min(o_clerk), max(o_comment) FROM orders"),
                Case.of("SELECT o_orderstatus, min(o_totalprice), max(o_totalprice), sum(o_totalprice) FROM orders GROUP BY o_orderstatus"),
                Case.of("SELECT sum(o_custkey), avg(o_custkey), sum(o_shippriority), avg(o_shippriority) FROM orders"),
                Case.of("SELECT sum(l_quantity), sum(l_extendedprice * (1 - l_discount)), min(l_shipdate), max(l_receiptdate) FROM lineitem"),
                Case.of("SELECT n_regionkey, sum(n_nationkey), avg(n_nationkey), count(*) FROM nation GROUP BY n_regionkey"),
                Case.of("SELECT avg(o_totalprice) FROM orders", "SELECT CAST(round(sum(o_totalprice) / count(o_totalprice), 2) AS DECIMAL(12, 2)) FROM orders"),
                Case.of("SELECT c_nationkey, avg(c_acctbal) FROM customer GROUP BY c_nationkey",
                        "SELECT c_nationkey, CAST(round(sum(c_acctbal) / count(c_acctbal), 2) AS DECIMAL(12, 2)) FROM customer GROUP BY c_nationkey"),
                // DISTINCT aggregates
                Case.data("SELECT count(DISTINCT v), sum(DISTINCT v), avg(DISTINCT v), count(DISTINCT s) FROM t"),
                Case.data("SELECT g, count(DISTINCT s), sum(DISTINCT v), var_samp(DISTINCT d) FROM t GROUP BY g"),
                Case.data("SELECT stddev(DISTINCT v), count_if(DISTINCT b), max_by(DISTINCT s, v) FROM t", "SELECT stddev(DISTINCT v), count(DISTINCT b) FILTER (WHERE b), arg_max_null(s, v) FROM t"),
                Case.of("SELECT count(DISTINCT o_custkey), sum(DISTINCT o_shippriority), count(DISTINCT o_orderdate) FROM orders"),
                Case.of("SELECT l_returnflag, count(DISTINCT l_suppkey), count(DISTINCT l_partkey), sum(DISTINCT l_linenumber) FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT o_orderpriority, count(DISTINCT o_custkey), stddev(DISTINCT o_shippriority), count(*) FROM orders GROUP BY o_orderpriority"),
                // FILTER (WHERE ...)
                Case.data("SELECT count(*) FILTER (WHERE v > 5), sum(v) FILTER (WHERE b), avg(d) FILTER (WHERE s <> 'b') FROM t"),
                Case.data("SELECT g, stddev(v) FILTER (WHERE b), max_by(s, v) FILTER (WHERE v < 20) FROM t GROUP BY g",
                        "SELECT g, stddev(v) FILTER (WHERE b), arg_max_null(s, v) FILTER (WHERE v < 20) FROM t GROUP BY g"),
                Case.data("SELECT count_if(b) FILTER (WHERE g = 1), bool_or(b) FILTER (WHERE g = 4), count(DISTINCT s) FILTER (WHERE v > 5) FROM t"),
                Case.data("SELECT g, count(*) FILTER (WHERE false), sum(v) FILTER (WHERE v IS NULL) FROM t GROUP BY g"),
                Case.of("SELECT l_returnflag, count(*) FILTER (WHERE l_discount > 0.05), sum(l_quantity) FILTER (WHERE l_shipmode = 'AIR') FROM lineitem GROUP BY l_returnflag"),
                Case.of("SELECT o_orderstatus, covar_pop(o_totalprice, o_custkey) FILTER (WHERE o_orderpriority = '1-URGENT'), "
                        + "approx_distinct(o_clerk) FILTER (WHERE o_totalprice > 400000) FROM orders GROUP BY o_orderstatus",
                        "SELECT o_orderstatus, covar_pop(o_totalprice, o_custkey) FILTER (WHERE o_orderpriority = '1-URGENT'), "
                                + "count(DISTINCT o_clerk) FILTER (WHERE o_totalprice > 400000) FROM orders GROUP BY o_orderstatus"),
                // window aggregates: whole partitions, running frames (merged intermediate states), sliding frames
                Case.data("SELECT g, s, v, stddev(v) OVER (PARTITION BY g), count_if(b) OVER (PARTITION BY g) FROM t",
                        "SELECT g, s, v, stddev(v) OVER (PARTITION BY g), coalesce(count_if(b) OVER (PARTITION BY g), 0) FROM t"),
                Case.data("SELECT g, s, v, bool_and(b) OVER (PARTITION BY g ORDER BY v), var_pop(v) OVER (ORDER BY v, s) FROM t"),
                Case.data("SELECT g, s, v, max_by(s, v) OVER (PARTITION BY g), min_by(s, d) OVER (ORDER BY d, g, s, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t",
                        "SELECT g, s, v, arg_max_null(s, v) OVER (PARTITION BY g), arg_min_null(s, d) OVER (ORDER BY d, g, s, v ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t"),
                Case.of("SELECT n_name, stddev(n_nationkey) OVER (PARTITION BY n_regionkey), variance(n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation"),
                Case.of("SELECT n_name, max_by(n_name, n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey), count_if(n_nationkey > 10) OVER (ORDER BY n_name) FROM nation",
                        "SELECT n_name, arg_max_null(n_name, n_nationkey) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey), count_if(n_nationkey > 10) OVER (ORDER BY n_name) FROM nation"),
                Case.of("SELECT n_name, covar_pop(n_nationkey, n_regionkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING), "
                        + "corr(n_nationkey, length(n_name)) OVER (PARTITION BY n_regionkey) FROM nation"),
                Case.of("SELECT n_name, bool_or(n_regionkey = 3) OVER (ORDER BY n_nationkey), geometric_mean(n_nationkey + 1) OVER (ORDER BY n_nationkey ROWS UNBOUNDED PRECEDING) FROM nation",
                        "SELECT n_name, bool_or(n_regionkey = 3) OVER (ORDER BY n_nationkey), geomean(n_nationkey + 1) OVER (ORDER BY n_nationkey ROWS UNBOUNDED PRECEDING) FROM nation"),
                Case.of("SELECT n_name, approx_distinct(n_regionkey) OVER (ORDER BY n_nationkey), arbitrary(r_name) OVER (PARTITION BY n_regionkey) FROM nation JOIN region ON n_regionkey = r_regionkey",
                        "SELECT n_name, count(DISTINCT n_regionkey) OVER (ORDER BY n_nationkey), any_value(r_name) OVER (PARTITION BY n_regionkey) FROM nation JOIN region ON n_regionkey = r_regionkey"),
                Case.of("SELECT l_orderkey, l_linenumber, stddev(l_quantity) OVER (ORDER BY l_orderkey, l_linenumber ROWS UNBOUNDED PRECEDING) FROM lineitem WHERE l_orderkey < 3000"),
                Case.of("SELECT o_orderkey, var_samp(o_totalprice) OVER (PARTITION BY o_orderpriority ORDER BY o_orderkey), "
                        + "covar_samp(o_totalprice, o_custkey) OVER (PARTITION BY o_orderstatus) FROM orders"),
                // aggregates in HAVING, ORDER BY, expressions, subqueries and grouping sets
                Case.data("SELECT g FROM t GROUP BY g HAVING bool_or(b)"),
                Case.data("SELECT g, stddev(v) / avg(v), count_if(b) * 100 / count(*) FROM t GROUP BY g", "SELECT g, stddev(v) / avg(v), coalesce(count_if(b), 0) * 100 // count(*) FROM t GROUP BY g"),
                Case.of("SELECT o_orderpriority, stddev(o_totalprice) AS deviation FROM orders GROUP BY o_orderpriority ORDER BY deviation"),
                Case.of("SELECT c_nationkey FROM customer GROUP BY c_nationkey HAVING count_if(c_acctbal < 0) > 5"),
                Case.of("SELECT n_name, (SELECT count_if(c_acctbal > 5000) FROM customer WHERE c_nationkey = n_nationkey) FROM nation"),
                Case.of("SELECT r_name, (SELECT approx_distinct(n_name) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 100) FROM region",
                        "SELECT r_name, (SELECT count(DISTINCT n_name) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 100) FROM region"),
                Case.of("SELECT n_name, (SELECT stddev(c_acctbal) FROM customer WHERE c_nationkey = n_nationkey) FROM nation"),
                // a correlated subquery over no rows: count_if is 0 (Presto), the others NULL
                Case.of("SELECT r_name, (SELECT count_if(n_nationkey > 3) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 20), "
                                + "(SELECT bool_or(n_nationkey > 3) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 20) FROM region",
                        "SELECT r_name, (SELECT count(*) FILTER (WHERE n_nationkey > 3) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 20), "
                                + "(SELECT bool_or(n_nationkey > 3) FROM nation WHERE n_regionkey = r_regionkey AND n_nationkey > 20) FROM region"),
                Case.data("SELECT g, s, count_if(b), stddev(v), bool_or(b) FROM t GROUP BY GROUPING SETS ((g), (s), ())",
                        "SELECT g, s, coalesce(count_if(b), 0), stddev(v), bool_or(b) FROM t GROUP BY GROUPING SETS ((g), (s), ())"),
                Case.of("SELECT o_orderstatus, o_orderpriority, var_pop(o_totalprice), count_if(o_shippriority = 0) FROM orders GROUP BY ROLLUP (o_orderstatus, o_orderpriority)"),
                Case.of("SELECT sum(c) FROM (SELECT c_nationkey, count_if(c_mktsegment = 'BUILDING') AS c FROM customer GROUP BY c_nationkey)"),
                Case.data("SELECT count_if(NULL), bool_and(NULL), arbitrary(NULL) IS NULL FROM t",
                        "SELECT CAST(0 AS BIGINT), CAST(NULL AS BOOLEAN), true"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testAgainstDuckDb(Case query)
    {
        comparison.assertSameAnswer(query.sql(), query.duckDbSql());
    }

    /** Partial aggregations that flush after every page: the final step merges every accumulator's intermediate state. */
    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT l_returnflag, count_if(l_discount > 0.05), bool_and(l_tax < 0.08), bool_or(l_tax > 0.07) FROM lineitem GROUP BY l_returnflag",
            "SELECT l_linestatus, stddev(l_quantity), var_pop(l_extendedprice), covar_samp(l_quantity, l_discount), corr(l_tax, l_discount) FROM lineitem GROUP BY l_linestatus",
            "SELECT stddev_pop(l_extendedprice), variance(l_quantity), covar_pop(l_extendedprice, l_quantity), geometric_mean(l_quantity) FROM lineitem",
            "SELECT l_suppkey, max_by(l_orderkey * 10 + l_linenumber, l_extendedprice * 1000000 + l_orderkey * 10 + l_linenumber), "
                    + "min_by(l_comment, l_orderkey * 10 + l_linenumber) FROM lineitem GROUP BY l_suppkey",
            "SELECT o_custkey, approx_distinct(o_orderpriority), count_if(o_orderstatus = 'O') FROM orders GROUP BY o_custkey",
            "SELECT l_linestatus, approx_percentile(l_orderkey, 0.3), approx_percentile(l_partkey, 0.99) FROM lineitem GROUP BY l_linestatus",
            "SELECT l_returnflag, kurtosis(l_extendedprice), regr_slope(l_extendedprice, l_quantity), regr_intercept(l_tax, l_discount) FROM lineitem GROUP BY l_returnflag",
    })
    void testPartialAndFinalSteps(String sql)
    {
        String duckDbSql = sql.replace("max_by", "arg_max").replace("min_by", "arg_min").replace("geometric_mean", "geomean")
                .replace("approx_distinct(o_orderpriority)", "count(DISTINCT o_orderpriority)").replace("approx_percentile", "quantile_disc");
        comparison.assertSameAnswer(sql, duckDbSql);
        List<List<Object>> flushed = sortedRows(flushingRunner.execute("tpch", "tiny", sql).rows());
        List<List<Object>> unflushed = sortedRows(comparison.execute(sql).rows());
        assertThat(flushed).hasSameSizeAs(unflushed);
        for (int row = 0; row < flushed.size(); row++) {
            for (int column = 0; column < flushed.get(row).size(); column++) {
                Object actual = flushed.get(row).get(column);
                Object expected = unflushed.get(row).get(column);
                if (actual instanceof Double && expected instanceof Double) {
                    // merging states in another order changes only the last bits
                    assertThat((Double) actual).isCloseTo((Double) expected, Offset.offset(Math.abs((Double) expected) * 1e-12));
                }
                else {
                    assertThat(actual).isEqualTo(expected);
                }
            }
        }
    }

    private static List<List<Object>> sortedRows(List<List<Object>> rows)
    {
        List<List<Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        return sorted;
    }

    /** Presto's approx_distinct has a standard error of 2.3%: the estimate is within three of them of the exact count. */
    @ParameterizedTest
    @ValueSource(strings = {
            "lineitem:l_orderkey", "lineitem:l_partkey", "lineitem:l_comment", "lineitem:l_extendedprice", "lineitem:l_receiptdate",
            "orders:o_custkey", "orders:o_orderdate", "orders:o_totalprice", "orders:o_comment", "orders:o_clerk",
            "customer:c_phone", "part:p_name", "part:p_retailprice", "supplier:s_address",
    })
    void testApproxDistinctAccuracy(String tableAndColumn)
    {
        String table = tableAndColumn.split(":")[0];
        String column = tableAndColumn.split(":")[1];
        long exact = (Long) comparison.duckDb("SELECT count(DISTINCT " + column + ") FROM " + table).get(0).get(0);
        assertWithinStandardErrors(approxDistinct("SELECT approx_distinct(" + column + ") FROM " + table), exact, 0.023);
        assertWithinStandardErrors(approxDistinct("SELECT approx_distinct(" + column + ", 0.01) FROM " + table), exact, 0.01);
        assertWithinStandardErrors(approxDistinct("SELECT approx_distinct(" + column + ", 0.26) FROM " + table), exact, 0.26);
        // one step over gathered rows and partial steps merged in a final one build the same sketch
        long split = approxDistinct(flushingRunner, "SELECT approx_distinct(" + column + ") FROM " + table);
        long single = approxDistinct(flushingRunner, "SELECT approx_distinct(" + column + ") FROM (SELECT " + column + " FROM " + table + " LIMIT 1000000)");
        assertThat(split).isEqualTo(single).isEqualTo(approxDistinct("SELECT approx_distinct(" + column + ") FROM " + table));
    }

    @Test
    void testGroupedApproxDistinctAccuracy()
    {
        List<List<Object>> actual = comparison.execute("SELECT l_returnflag, l_linestatus, approx_distinct(l_orderkey), approx_distinct(l_partkey, 0.0040625) "
                + "FROM lineitem GROUP BY l_returnflag, l_linestatus").rows();
        List<List<Object>> expected = comparison.duckDb("SELECT l_returnflag, l_linestatus, count(DISTINCT l_orderkey), count(DISTINCT l_partkey) "
                + "FROM lineitem GROUP BY l_returnflag, l_linestatus");
        assertThat(actual).hasSize(expected.size());
        for (List<Object> row : actual) {
            List<Object> exact = expected.stream().filter(candidate -> candidate.get(0).equals(row.get(0)) && candidate.get(1).equals(row.get(1))).findFirst().orElseThrow();
            assertWithinStandardErrors((Long) row.get(2), (Long) exact.get(2), 0.023);
            assertWithinStandardErrors((Long) row.get(3), (Long) exact.get(3), 0.0040625);
        }
    }

    private long approxDistinct(String sql)
    {
        return (Long) comparison.execute(sql).rows().get(0).get(0);
    }

    private static long approxDistinct(TestingQueryRunner runner, String sql)
    {
        return (Long) runner.execute("tpch", "tiny", sql).rows().get(0).get(0);
    }

    private static void assertWithinStandardErrors(long estimate, long exact, double standardError)
    {
        assertThat((double) estimate).as("estimate of %s distinct values with standard error %s", exact, standardError)
                .isBetween(exact * (1 - 3 * standardError), exact * (1 + 3 * standardError));
    }

    @Test
    void testSumOverflow()
    {
        // Presto: sum(bigint) is bigint and fails on overflow rather than wrapping
        assertThatThrownBy(() -> comparison.execute("SELECT sum(x) FROM (VALUES 9223372036854775807, 1) t(x)"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThatThrownBy(() -> comparison.execute("SELECT g, sum(x) FROM (VALUES (1, 9223372036854775807), (1, 1), (2, 1)) t(g, x) GROUP BY g"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE));
        assertThat(comparison.execute("SELECT sum(x) FROM (VALUES 9223372036854775807, -1, 1) t(x)").rows()).containsExactly(List.of(9223372036854775807L));
    }

    @Test
    void testResultTypes()
    {
        // Presto: avg(integer) is double, sum(integer) is bigint, the statistical aggregates are double
        List<Object> row = comparison.execute("SELECT avg(x), sum(x), stddev(x), count_if(x > 1), corr(x, x), geometric_mean(x), max_by(x, x) FROM (VALUES 1, 2, 4) t(x)").rows().get(0);
        assertThat(row.get(0)).isEqualTo(7.0 / 3);
        assertThat(row.get(1)).isEqualTo(7L);
        assertThat(row.get(2)).isInstanceOf(Double.class);
        assertThat(row.get(3)).isEqualTo(2L);
        assertThat((Double) row.get(4)).isCloseTo(1.0, Offset.offset(1e-12));
        assertThat((Double) row.get(5)).isCloseTo(2.0, Offset.offset(1e-12));
        assertThat(row.get(6)).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT count_if(1) FROM nation|Unexpected parameters (integer) for function count_if. Expected: count_if(boolean)",
            "SELECT bool_and(n_name) FROM nation|Unexpected parameters (varchar(25)) for function bool_and. Expected: bool_and(boolean)",
            "SELECT stddev(n_name) FROM nation|Unexpected parameters (varchar(25)) for function stddev. Expected: stddev(bigint), stddev(double)",
            "SELECT corr(n_nationkey) FROM nation|Unexpected parameters (bigint) for function corr. Expected: corr(double, double)",
            "SELECT covar_pop(n_name, n_nationkey) FROM nation|Unexpected parameters (varchar(25), bigint) for function covar_pop. Expected: covar_pop(double, double)",
            "SELECT max_by(n_name) FROM nation|Unexpected parameters (varchar(25)) for function max_by. Expected: max_by(T, T)",
            "SELECT approx_distinct(n_name, 'x') FROM nation|Unexpected parameters (varchar(25), varchar(1)) for function approx_distinct. "
                    + "Expected: approx_distinct(T), approx_distinct(T, double)",
            "SELECT geometric_mean(n_name) FROM nation|Unexpected parameters (varchar(25)) for function geometric_mean. Expected: geometric_mean(bigint), geometric_mean(double)",
            "SELECT any_value() FROM nation|Unexpected parameters () for function any_value. Expected: any_value(T)",
    })
    void testWrongArgumentTypes(String caseText)
    {
        String sql = caseText.substring(0, caseText.indexOf('|'));
        String message = caseText.substring(caseText.indexOf('|') + 1);
        assertThatThrownBy(() -> comparison.execute(sql))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND))
                .hasMessageContaining(message);
    }

    @Test
    void testInvalidPercentile()
    {
        assertThatThrownBy(() -> comparison.execute("SELECT approx_percentile(n_nationkey, 1.5) FROM nation"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT))
                .hasMessageContaining("Percentile must be between 0 and 1");
    }

    @Test
    void testInvalidStandardError()
    {
        assertThatThrownBy(() -> comparison.execute("SELECT approx_distinct(n_name, 0.001) FROM nation"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FUNCTION_ARGUMENT))
                .hasMessageContaining("Max standard error must be in [0.0040625, 0.26]: 0.001");
    }
}
