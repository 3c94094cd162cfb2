package io.strata.bench;

import io.strata.server.CoordinatorServices;
import io.strata.server.config.ServerConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The task executor's promise, measured by hand: short queries stay fast while a long scan runs. Times a stream of
 * short queries on an idle engine, then again while long scans run back to back on other connections, and prints
 * the median latencies and their ratio (the goal is at most 3x). Everything runs in this JVM, through the stock
 * presto-jdbc driver: on one coordinator that runs every task ({@code --workers 0}, the default), or on a coordinator
 * that runs no tasks and {@code --workers N} workers ({@link BenchmarkCluster}), each node with the same threads and
 * quantum.
 * <p>
 * {@code bench/run-latency.sh [--workers 0] [--threads 2] [--quantum 1s] [--short-runs 50] [--warmup 20] [--long-queries 1]
 * [--short "SELECT count(*) FROM tpch.tiny.nation"] [--long "SELECT count(*), sum(l_extendedprice) FROM tpch.sf1.lineitem"]}
 */
public final class ShortQueryLatencyBench
{
    private ShortQueryLatencyBench() {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, String> options = parseOptions(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int shortRuns = Integer.parseInt(options.getOrDefault("short-runs", "50"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int longQueries = Integer.parseInt(options.getOrDefault("long-queries", "1"));
        String shortQuery = options.getOrDefault("short", "SELECT count(*) FROM tpch.tiny.nation");
        String longQuery = options.getOrDefault("long", "SELECT count(*), sum(l_extendedprice) FROM tpch.sf1.lineitem");

        int workers = Integer.parseInt(options.getOrDefault("workers", "0"));

        Map<String, String> nodeProperties = new HashMap<>();
        nodeProperties.put("task.max-worker-threads", String.valueOf(threads));
        nodeProperties.put("task.quantum", options.getOrDefault("quantum", "1s"));
        Map<String, Map<String, String>> catalogs = Map.of("tpch", Map.of("connector.name", "tpch"));
        try (Engine engine = workers == 0 ? startCoordinator(nodeProperties, catalogs) : startCluster(workers, nodeProperties, catalogs)) {
            String url = engine.jdbcUrl();
            System.out.printf(Locale.ROOT, "%s, %d executor threads per node, quantum %s%n", workers == 0 ? "one coordinator running every task"
                    : "a coordinator running no tasks and " + workers + " worker(s)", threads, nodeProperties.get("task.quantum"));
            Properties properties = new Properties();
            properties.setProperty("user", "bench");
            try (Connection connection = DriverManager.getConnection(url, properties)) {
                time(connection, shortQuery, warmup);
                double idle = QueryTimer.median(time(connection, shortQuery, shortRuns));
                System.out.printf(Locale.ROOT, "idle:       median %.1f ms over %d runs of %s%n", idle, shortRuns, shortQuery);

                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger longDone = new AtomicInteger();
                AtomicReference<SQLException> longFailure = new AtomicReference<>();
                List<Thread> longRunners = new ArrayList<>();
                for (int i = 0; i < longQueries; i++) {
                    Thread runner = new Thread(() -> runUntilStopped(url, properties, longQuery, stop, longDone, longFailure), "long-query-" + i);
                    runner.setDaemon(true);
                    runner.start();
                    longRunners.add(runner);
                }
                // let the long scans get past their first quanta (and levels) before measuring
                Thread.sleep(3_000);
                double loaded;
                try {
                    loaded = QueryTimer.median(time(connection, shortQuery, shortRuns));
                }
                finally {
                    stop.set(true);
                }
                for (Thread runner : longRunners) {
                    runner.join();
                }
                if (longFailure.get() != null) {
                    // the loaded figure was not measured beside a long scan
                    throw new IllegalStateException("long query failed: " + longQuery, longFailure.get());
                }
                System.out.printf(Locale.ROOT, "under load: median %.1f ms over %d runs, beside %d long quer%s (%d finished) of %s%n",
                        loaded, shortRuns, longQueries, longQueries == 1 ? "y" : "ies", longDone.get(), longQuery);
                System.out.printf(Locale.ROOT, "ratio loaded / idle: %.2f (goal: at most 3)%n", loaded / idle);
            }
        }
    }

    private static Engine startCoordinator(Map<String, String> nodeProperties, Map<String, Map<String, String>> catalogs)
    {
        Map<String, String> serverProperties = new HashMap<>(nodeProperties);
        serverProperties.put("node.id", "bench");
        serverProperties.put("http-server.http.port", "0");
        serverProperties.put("http-server.http.host", "127.0.0.1");
        CoordinatorServices coordinator = CoordinatorServices.start(ServerConfig.fromProperties(serverProperties), catalogs);
        String url = "jdbc:presto://" + coordinator.baseUri().getHost() + ":" + coordinator.baseUri().getPort() + "/tpch/tiny";
        return new Engine()
        {
            @Override
            public String jdbcUrl()
            {
                return url;
            }

            @Override
            public void close()
            {
                coordinator.close();
            }
        };
    }

    private static Engine startCluster(int workers, Map<String, String> nodeProperties, Map<String, Map<String, String>> catalogs)
    {
        BenchmarkCluster cluster = BenchmarkCluster.start(workers, catalogs, nodeProperties);
        return new Engine()
        {
            @Override
            public String jdbcUrl()
            {
                return cluster.jdbcUrl("tpch", "tiny");
            }

            @Override
            public void close()
            {
                cluster.close();
            }
        };
    }

    /** What the queries run on: one coordinator, or a cluster. */
    private interface Engine
            extends AutoCloseable
    {
        String jdbcUrl();

        @Override
        void close();
    }

    private static void runUntilStopped(String url, Properties properties, String sql, AtomicBoolean stop, AtomicInteger done, AtomicReference<SQLException> failure)
    {
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            while (!stop.get()) {
                drain(connection, sql);
                done.incrementAndGet();
            }
        }
        catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }

    private static List<Double> time(Connection connection, String sql, int runs)
            throws SQLException
    {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            drain(connection, sql);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static void drain(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static Map<String, String> parseOptions(String[] args)
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
