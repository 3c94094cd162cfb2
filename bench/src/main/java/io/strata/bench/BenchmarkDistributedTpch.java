package io.strata.bench;

import io.strata.bench.QueryTimer.Measurement;
import io.trino.tpch.TpchTable;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * TPC-H queries on Strata clusters (a coordinator that runs no tasks and N workers, in this JVM, see
 * {@link BenchmarkCluster}; N = 0 is one coordinator running every task) for each N asked for, beside DuckDB loaded with the same generator's rows, in one run.
 * Strata reads {@code tpch.sfS}, whose rows the tpch connector generates on the fly on the workers (the memory
 * catalog keeps its tables on the coordinator only, so it cannot feed workers); DuckDB reads its own stored tables.
 * Every query goes through the stock presto-jdbc driver. Prints a markdown table of each query's median of the
 * measured runs after warm-up, the ratios Strata / DuckDB, and their geometric means; a query that fails or runs
 * past the timeout is reported with its error in its cell and left out of the means.
 * <p>
 * {@code bench/run-distributed.sh [--scale 1] [--queries 1,2,...,22] [--workers 1,2] [--runs 3] [--warmup 1] [--threads 2]
 * [--memory-per-node 3GB] [--timeout 600] [--session-properties "join_distribution_type:PARTITIONED;hash_partition_count:4"]}
 */
public final class BenchmarkDistributedTpch
{
    private BenchmarkDistributedTpch() {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, String> options = parseOptions(args);
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));
        List<Integer> queries = parseIntegers(options.getOrDefault("queries", "1-22"));
        List<Integer> workerCounts = parseIntegers(options.getOrDefault("workers", "1,2"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "1"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        String memoryPerNode = options.getOrDefault("memory-per-node", "3GB");
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "600")));
        Optional<String> sessionProperties = Optional.ofNullable(options.get("session-properties"));
        Path queryDirectory = Path.of(options.getOrDefault("queries-dir", "../shared/tpch/queries"));
        String schema = scale == 0.01 ? "tiny" : "sf" + formatScale(scale);

        Map<Integer, String> texts = new LinkedHashMap<>();
        for (int query : queries) {
            texts.put(query, Files.readString(queryDirectory.resolve(String.format(Locale.ROOT, "q%02d.sql", query)), StandardCharsets.UTF_8));
        }

        printLoad("at start");
        Map<String, Map<Integer, Outcome>> outcomes = new LinkedHashMap<>();
        try (QueryTimer timer = new QueryTimer(timeout)) {
            for (int workers : workerCounts) {
                outcomes.put(workers == 0 ? "Strata single node" : workers == 1 ? "Strata 1 worker" : "Strata " + workers + " workers",
                        runStrata(timer, texts, workers, schema, threads, memoryPerNode, sessionProperties, warmup, runs));
                printLoad("after Strata with " + workers + " worker(s)");
            }
            outcomes.put("DuckDB", runDuckDb(timer, texts, scale, threads, warmup, runs));
            printLoad("after DuckDB");
        }

        System.out.printf(Locale.ROOT, "%nTPC-H scale %s: Strata reads tpch.%s (generated on the fly where the scans run), DuckDB its stored tables; "
                        + "%d threads per node and for DuckDB; median of %d runs after %d warm-up%s%n%n",
                formatScale(scale), schema, threads, runs, warmup, sessionProperties.map(properties -> "; session " + properties).orElse(""));
        System.out.print(table(texts.keySet(), outcomes, "DuckDB"));
    }

    private static Map<Integer, Outcome> runStrata(QueryTimer timer, Map<Integer, String> texts, int workers, String schema, int threads,
            String memoryPerNode, Optional<String> sessionProperties, int warmup, int runs)
            throws SQLException
    {
        Map<String, String> nodeProperties = Map.of(
                "task.max-worker-threads", String.valueOf(threads),
                "http-server.threads.max", String.valueOf(threads),
                "query.max-memory-per-node", memoryPerNode);
        Map<String, Map<String, String>> catalogs = Map.of("tpch", Map.of("connector.name", "tpch"));
        try (BenchmarkCluster cluster = BenchmarkCluster.start(workers, catalogs, nodeProperties)) {
            Properties properties = new Properties();
            properties.setProperty("user", "bench");
            sessionProperties.ifPresent(value -> properties.setProperty("sessionProperties", value));
            try (Connection strata = DriverManager.getConnection(cluster.jdbcUrl("tpch", schema), properties)) {
                return timeAll(timer, strata, texts, warmup, runs, "Strata, " + workers + " worker(s)");
            }
        }
    }

    private static Map<Integer, Outcome> runDuckDb(QueryTimer timer, Map<Integer, String> texts, double scale, int threads, int warmup, int runs)
            throws SQLException
    {
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
            return timeAll(timer, duckDb, texts, warmup, runs, "DuckDB");
        }
    }

    /** Times every query; a failure is that query's outcome, and the next query runs. */
    private static Map<Integer, Outcome> timeAll(QueryTimer timer, Connection connection, Map<Integer, String> texts, int warmup, int runs, String engine)
    {
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> query : texts.entrySet()) {
            Outcome outcome;
            try {
                outcome = Outcome.measured(timer.time(connection, query.getValue(), warmup, runs));
            }
            catch (SQLException e) {
                outcome = Outcome.failed(e.getMessage());
            }
            System.out.printf(Locale.ROOT, "%s q%02d: %s%n", engine, query.getKey(), outcome);
            outcomes.put(query.getKey(), outcome);
        }
        return outcomes;
    }

    /** A markdown table: a column per engine, the ratio of each to the peer, and a row of geometric means. */
    private static String table(Iterable<Integer> queries, Map<String, Map<Integer, Outcome>> outcomes, String peer)
    {
        List<String> engines = outcomes.keySet().stream().filter(engine -> !engine.equals(peer)).toList();
        Map<Integer, Outcome> peerOutcomes = outcomes.get(peer);
        StringBuilder table = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("query", "rows"));
        engines.forEach(engine -> header.add(engine + " ms"));
        header.add(peer + " ms");
        engines.forEach(engine -> header.add(engine.replace("Strata ", "") + " / " + peer));
        appendRow(table, header);
        appendRow(table, header.stream().map(column -> "---:").toList());

        Map<String, List<Double>> allMillis = new HashMap<>();
        Map<String, List<Double>> ratios = new HashMap<>();
        for (int query : queries) {
            List<Outcome> row = new ArrayList<>();
            engines.forEach(engine -> row.add(outcomes.get(engine).get(query)));
            Outcome peerOutcome = peerOutcomes.get(query);
            row.add(peerOutcome);
            boolean complete = row.stream().allMatch(Outcome::succeeded);
            List<String> cells = new ArrayList<>(List.of(String.format(Locale.ROOT, "q%02d", query), rowCounts(row)));
            row.forEach(outcome -> cells.add(outcome.toString()));
            for (String engine : engines) {
                Outcome outcome = outcomes.get(engine).get(query);
                if (outcome.succeeded() && peerOutcome.succeeded()) {
                    cells.add(String.format(Locale.ROOT, "%.2f", outcome.medianMillis() / peerOutcome.medianMillis()));
                }
                else {
                    cells.add("—");
                }
            }
            appendRow(table, cells);
            if (complete) {
                for (String engine : engines) {
                    allMillis.computeIfAbsent(engine, key -> new ArrayList<>()).add(outcomes.get(engine).get(query).medianMillis());
                    ratios.computeIfAbsent(engine, key -> new ArrayList<>()).add(outcomes.get(engine).get(query).medianMillis() / peerOutcome.medianMillis());
                }
                allMillis.computeIfAbsent(peer, key -> new ArrayList<>()).add(peerOutcome.medianMillis());
            }
        }
        if (allMillis.containsKey(peer)) {
            List<String> cells = new ArrayList<>(List.of("geomean (" + allMillis.get(peer).size() + " queries)", ""));
            engines.forEach(engine -> cells.add(String.format(Locale.ROOT, "%.1f", QueryTimer.geometricMean(allMillis.get(engine)))));
            cells.add(String.format(Locale.ROOT, "%.1f", QueryTimer.geometricMean(allMillis.get(peer))));
            engines.forEach(engine -> cells.add(String.format(Locale.ROOT, "%.2f", QueryTimer.geometricMean(ratios.get(engine)))));
            appendRow(table, cells);
        }
        return table.toString();
    }

    /** The row count all engines agree on, or every engine's count when they differ (a wrong answer somewhere). */
    private static String rowCounts(List<Outcome> outcomes)
    {
        List<Long> counts = outcomes.stream().filter(Outcome::succeeded).map(Outcome::rows).distinct().toList();
        if (counts.size() == 1) {
            return String.valueOf(counts.get(0));
        }
        return "DIFFER: " + outcomes.stream().map(outcome -> outcome.succeeded() ? String.valueOf(outcome.rows()) : "-").toList();
    }

    private static void appendRow(StringBuilder table, List<String> cells)
    {
        table.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static void printLoad(String moment)
    {
        System.out.printf(Locale.ROOT, "load average (1 min) %s: %.2f%n", moment, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String formatScale(double scale)
    {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
    }

    /** {@code "1,3-5"} is 1, 3, 4, 5. */
    private static List<Integer> parseIntegers(String list)
    {
        List<Integer> values = new ArrayList<>();
        for (String item : list.split(",")) {
            String[] range = item.trim().split("-");
            if (range.length == 2) {
                IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1])).forEach(values::add);
            }
            else {
                values.add(Integer.parseInt(item.trim()));
            }
        }
        return values;
    }

    private static Map<String, String> parseOptions(String[] args)
            throws IOException
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IOException("usage: BenchmarkDistributedTpch [--scale S] [--queries 1-22] [--workers 1,2] [--runs N] [--warmup N] [--threads N] "
                        + "[--memory-per-node 3GB] [--timeout SECONDS] [--session-properties k:v;k:v] [--queries-dir DIR]; bad argument: " + Arrays.toString(args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    /** A query's median time and rows on one engine, or why it has none. */
    private record Outcome(Optional<Measurement> measurement, Optional<String> failure)
    {
        private Outcome
        {
            requireNonNull(measurement, "measurement is null");
            requireNonNull(failure, "failure is null");
        }

        static Outcome measured(Measurement measurement)
        {
            return new Outcome(Optional.of(measurement), Optional.empty());
        }

        static Outcome failed(String message)
        {
            return new Outcome(Optional.empty(), Optional.of(String.valueOf(message).replace('\n', ' ').replace("|", "\\|")));
        }

        boolean succeeded()
        {
            return measurement.isPresent();
        }

        double medianMillis()
        {
            return measurement.orElseThrow().medianMillis();
        }

        long rows()
        {
            return measurement.orElseThrow().rows();
        }

        @Override
        public String toString()
        {
            return measurement.map(value -> String.format(Locale.ROOT, "%.1f", value.medianMillis())).orElseGet(() -> "failed: " + failure.orElseThrow());
        }
    }
}
