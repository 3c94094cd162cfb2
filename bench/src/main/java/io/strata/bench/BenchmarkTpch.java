package io.strata.bench;

import io.strata.bench.QueryTimer.Measurement;
import io.strata.server.CoordinatorServices;
import io.strata.server.config.ServerConfig;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * TPC-H queries on Strata (through the stock presto-jdbc driver, as users run them) beside DuckDB in the
 * same run, both with the same thread count, DuckDB loaded with the same generator's rows. Prints each
 * query's median of the measured runs after warm-up, and the ratio Strata / DuckDB. With {@code --source memory}
 * (the default) Strata first copies the tables into its memory catalog with {@code CREATE TABLE AS}, so that
 * both engines read stored rows; {@code --source tpch} reads the generator on the fly.
 * <p>
 * Then times a trivial statement end to end through the driver.
 * <p>
 * {@code bench/run.sh [--scale 1] [--queries 1,6] [--runs 5] [--warmup 2] [--threads 2] [--source memory|tpch] [--memory-limit 6GB]
 * [--trivial-runs 500]}
 */
public final class BenchmarkTpch
{
    private static final String TRIVIAL_STATEMENT = "SELECT 1";
    private static final int TRIVIAL_WARMUP = 100;
    // long enough for any TPC-H query at the scales this runs; a hung query then fails the run instead of stalling it
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(30);

    private BenchmarkTpch() {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, String> options = parseOptions(args);
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        List<Integer> queries = Arrays.stream(options.getOrDefault("queries", "1,6").split(",")).map(Integer::parseInt).toList();
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int trivialRuns = Integer.parseInt(options.getOrDefault("trivial-runs", "500"));
        Path queryDirectory = Path.of(options.getOrDefault("queries-dir", "../shared/tpch/queries"));
        String schema = scale == 0.01 ? "tiny" : "sf" + formatScale(scale);
        String source = options.getOrDefault("source", "memory");
        if (!source.equals("memory") && !source.equals("tpch")) {
            throw new IllegalArgumentException("--source must be memory or tpch: " + source);
        }

        Map<Integer, String> texts = new LinkedHashMap<>();
        for (int query : queries) {
            texts.put(query, Files.readString(queryDirectory.resolve(String.format(Locale.ROOT, "q%02d.sql", query)), StandardCharsets.UTF_8));
        }

        Map<Integer, Double> duckDbMedians = new HashMap<>();
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement statement = duckDb.createStatement()) {
                statement.execute("SET threads = " + threads);
            }
            long loadStart = System.nanoTime();
            DuckDbTpchLoader loader = new DuckDbTpchLoader(duckDb);
            for (TpchTable<?> table : TpchTable.getTables()) {
                loader.load(table, scale);
            }
            System.out.printf(Locale.ROOT, "DuckDB loaded scale %s in %.1f s%n", formatScale(scale), (System.nanoTime() - loadStart) / 1e9);
            for (Map.Entry<Integer, String> query : texts.entrySet()) {
                duckDbMedians.put(query.getKey(), medianMillis(duckDb, query.getValue(), warmup, runs));
            }
        }

        Map<String, String> serverProperties = new HashMap<>();
        serverProperties.put("node.id", "bench");
        serverProperties.put("http-server.http.port", "0");
        serverProperties.put("http-server.http.host", "127.0.0.1");
        serverProperties.put("task.max-worker-threads", String.valueOf(threads));
        Map<Integer, Double> strataMedians = new HashMap<>();
        double trivialMedian;
        Map<String, Map<String, String>> catalogs = Map.of(
                "tpch", Map.of("connector.name", "tpch"),
                "memory", Map.of("connector.name", "memory", "memory.max-data-per-node", options.getOrDefault("memory-limit", "6GB")));
        try (CoordinatorServices coordinator = CoordinatorServices.start(ServerConfig.fromProperties(serverProperties), catalogs)) {
            Properties properties = new Properties();
            properties.setProperty("user", "bench");
            String url = "jdbc:presto://" + coordinator.baseUri().getHost() + ":" + coordinator.baseUri().getPort() + "/" + source + "/" + schema;
            try (Connection strata = DriverManager.getConnection(url, properties)) {
                if (source.equals("memory")) {
                    copyIntoMemory(strata, schema);
                }
                for (Map.Entry<Integer, String> query : texts.entrySet()) {
                    strataMedians.put(query.getKey(), medianMillis(strata, query.getValue(), warmup, runs));
                }
                // the whole round trip of a statement that does no work: submit, plan, run, fetch, finish
                trivialMedian = medianMillis(strata, TRIVIAL_STATEMENT, TRIVIAL_WARMUP, trivialRuns);
            }
        }

        System.out.printf(Locale.ROOT, "%nTPC-H scale %s, %d threads, median of %d runs after %d warm-up%n", formatScale(scale), threads, runs, warmup);
        System.out.printf(Locale.ROOT, "%-6s %12s %12s %10s%n", "query", "strata ms", "duckdb ms", "ratio");
        for (int query : texts.keySet()) {
            double strata = strataMedians.get(query);
            double duckDb = duckDbMedians.get(query);
            System.out.printf(Locale.ROOT, "q%02d    %12.1f %12.1f %10.2f%n", query, strata, duckDb, strata / duckDb);
        }
        System.out.printf(Locale.ROOT, "%n'%s' through presto-jdbc over loopback HTTP: median %.2f ms of %d runs%n", TRIVIAL_STATEMENT, trivialMedian, trivialRuns);
    }

    /** {@code CREATE TABLE memory.SCHEMA.t AS SELECT * FROM tpch.SCHEMA.t} for every TPC-H table. */
    private static void copyIntoMemory(Connection strata, String schema)
            throws SQLException
    {
        long start = System.nanoTime();
        try (Statement statement = strata.createStatement()) {
            statement.executeUpdate("CREATE SCHEMA IF NOT EXISTS memory." + schema);
            for (TpchTable<?> table : TpchTable.getTables()) {
                statement.executeUpdate("CREATE TABLE memory." + schema + "." + table.getTableName() + " AS SELECT * FROM tpch." + schema + "." + table.getTableName());
            }
        }
        System.out.printf(Locale.ROOT, "Strata copied scale %s into its memory catalog in %.1f s%n", schema, (System.nanoTime() - start) / 1e9);
    }

    private static double medianMillis(Connection connection, String sql, int warmup, int runs)
            throws SQLException
    {
        try (QueryTimer timer = new QueryTimer(QUERY_TIMEOUT)) {
            Measurement measurement = timer.time(connection, sql, warmup, runs);
            if (measurement.rows() == 0) {
                throw new IllegalStateException("query returned no rows: " + sql);
            }
            return measurement.medianMillis();
        }
    }

    private static String formatScale(double scale)
    {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
    }

    private static Map<String, String> parseOptions(String[] args)
            throws IOException
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IOException("usage: BenchmarkTpch [--scale S] [--queries 1,6] [--runs N] [--warmup N] [--threads N] [--trivial-runs N] [--queries-dir DIR]; bad argument: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
