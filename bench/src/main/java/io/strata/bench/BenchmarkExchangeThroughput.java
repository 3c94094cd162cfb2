package io.strata.bench;

import io.strata.core.execution.exchange.ExchangeClientConfig;
import io.strata.core.execution.exchange.ExchangeClientStatus;
import io.strata.core.execution.exchange.ExchangeClientStatus.LocationStatus;
import io.strata.core.execution.exchange.HttpExchangeClient;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.serde.CompressionCodec;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManager;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.sql.parser.SqlParser;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP exchange's throughput on loopback beside raw loopback TCP, in one run. A node serving the task API as a
 * worker does ({@link ProducerNode}: a {@code SqlTaskManager} behind {@code TaskResource}) runs {@code --tasks} tasks
 * that scan a tpch table ({@code SELECT * FROM tpch.sfS.TABLE}, the splits dealt out among them) into output buffers
 * large enough to hold every page; once they have produced everything, an {@link HttpExchangeClient} (the client a worker's exchange
 * operator reads upstream tasks with) pulls all the buffers, and only that pull is timed, so the generator's speed
 * does not count. MB/s are of response bodies (framed {@code PagesSerde} pages, uncompressed as between tasks) and of
 * page data ({@code Page.sizeInBytes}), in 10^6 bytes per second. Then a plain socket pair pushes {@code --tcp-bytes}
 * through 127.0.0.1 in this JVM.
 * <p>
 * {@code bench/run-exchange.sh [--table lineitem] [--scale 1] [--tasks 1] [--runs 3] [--threads 2] [--tcp-bytes 2000000000]}
 */
public final class BenchmarkExchangeThroughput
{
    private BenchmarkExchangeThroughput() {}

    public static void main(String[] args)
            throws Exception
    {
        Map<String, String> options = parseOptions(args);
        String table = options.getOrDefault("table", "lineitem");
        String scale = options.getOrDefault("scale", "1");
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        long tcpBytes = Long.parseLong(options.getOrDefault("tcp-bytes", "2000000000"));
        String schema = scale.equals("0.01") ? "tiny" : "sf" + scale;

        System.out.printf(Locale.ROOT, "load average (1 min) at start: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Double> exchangeBodyRates = new ArrayList<>();
        List<Double> exchangePageRates = new ArrayList<>();
        // every page stays buffered until the pull starts: the output buffer and the query's memory must hold the whole table
        Map<String, String> taskProperties = Map.of(
                "task.max-worker-threads", String.valueOf(threads),
                "sink.max-buffer-size", "6GB",
                "query.max-memory-per-node", "6GB");
        try (ProducerNode producer = new ProducerNode(Map.of("tpch", Map.of("connector.name", "tpch")), taskProperties, threads)) {
            SqlStatementPlanner planner = new SqlStatementPlanner(new SqlParser(), producer.catalogManager(), new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
            OkHttpClient httpClient = new OkHttpClient();
            ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
            try {
                for (int run = 1; run <= runs; run++) {
                    Session session = Session.simple("exchange_" + run, "bench", Optional.of("tpch"), Optional.of(schema));
                    PlanFragment fragment = new PlanFragmenter().fragment(planner.plan(session, "SELECT * FROM " + table).plan().orElseThrow()).fragment();
                    List<TaskId> taskIds = produce(producer, session, fragment, tasks);
                    Pull pull = pull(producer, taskIds, httpClient, retries);
                    taskIds.forEach(producer.taskManager()::abortTask);
                    exchangeBodyRates.add(pull.bodyBytes() / 1e6 / pull.seconds());
                    exchangePageRates.add(pull.pageBytes() / 1e6 / pull.seconds());
                    System.out.printf(Locale.ROOT, "exchange run %d: %d pages in %d responses, %.1f MB of bodies (%.1f MB of page data) from %d buffer(s) in %.3f s: "
                                    + "%.0f MB/s of bodies, %.0f MB/s of page data%n",
                            run, pull.pages(), pull.requests(), pull.bodyBytes() / 1e6, pull.pageBytes() / 1e6, tasks, pull.seconds(),
                            exchangeBodyRates.get(run - 1), exchangePageRates.get(run - 1));
                }
            }
            finally {
                retries.shutdownNow();
                httpClient.dispatcher().executorService().shutdown();
                httpClient.connectionPool().evictAll();
            }
        }

        List<Double> tcpRates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double rate = LoopbackTcpThroughput.measure(tcpBytes) / 1e6;
            tcpRates.add(rate);
            System.out.printf(Locale.ROOT, "raw TCP run %d: %.0f MB through 127.0.0.1: %.0f MB/s%n", run, tcpBytes / 1e6, rate);
        }

        double exchange = QueryTimer.median(exchangeBodyRates);
        double tcp = QueryTimer.median(tcpRates);
        System.out.printf(Locale.ROOT, "%nload average (1 min) at end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%n| measure (median of %d runs) | MB/s | / raw TCP |%n| --- | ---: | ---: |%n", runs);
        System.out.printf(Locale.ROOT, "| HTTP exchange, %s.%s, %d buffer(s), response bodies | %.0f | %.3f |%n", schema, table, tasks, exchange, exchange / tcp);
        System.out.printf(Locale.ROOT, "| HTTP exchange, the same, page data | %.0f | %.3f |%n", QueryTimer.median(exchangePageRates), QueryTimer.median(exchangePageRates) / tcp);
        System.out.printf(Locale.ROOT, "| raw loopback TCP (socket pair, 64 KB writes) | %.0f | 1 |%n", tcp);
    }

    /** Starts {@code tasks} tasks over the fragment with the splits dealt out among them; returns when all have produced everything. */
    private static List<TaskId> produce(ProducerNode producer, Session session, PlanFragment fragment, int tasks)
            throws InterruptedException
    {
        TableScanNode scan = onlyScan(fragment.root());
        List<List<ScheduledSplit>> splitsPerTask = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            splitsPerTask.add(new ArrayList<>());
        }
        int count = 0;
        try (ConnectorSplitSource source = producer.catalogManager().requireConnector(scan.catalogName()).splitManager().getSplits(session.toConnectorSession(), scan.table())) {
            while (!source.isFinished()) {
                for (ConnectorSplit split : source.nextBatch(100)) {
                    List<ScheduledSplit> taskSplits = splitsPerTask.get(count % tasks);
                    taskSplits.add(new ScheduledSplit(taskSplits.size(), new Split(scan.catalogName(), split)));
                    count++;
                }
            }
        }
        TaskManager taskManager = producer.taskManager();
        List<TaskId> taskIds = new ArrayList<>();
        long start = System.nanoTime();
        for (int task = 0; task < tasks; task++) {
            TaskId taskId = new TaskId(session.queryId(), 0, task);
            taskManager.updateTask(taskId, new TaskUpdateRequest(session, Optional.of(fragment), List.of(new SplitAssignment(scan.id(), splitsPerTask.get(task), true)),
                    OutputBuffers.SINGLE));
            taskIds.add(taskId);
        }
        for (TaskId taskId : taskIds) {
            TaskStatus status = taskManager.getTaskStatus(taskId);
            while (status.state() != TaskState.FLUSHING && !status.state().isDone()) {
                TimeUnit.MILLISECONDS.sleep(50);
                status = taskManager.getTaskStatus(taskId);
            }
            if (status.state() != TaskState.FLUSHING && status.state() != TaskState.FINISHED) {
                throw new IllegalStateException("producer task " + taskId + " ended " + status.state() + ": " + status.failures());
            }
        }
        System.out.printf(Locale.ROOT, "%d task(s) produced %d splits of %s into their buffers in %.1f s%n", tasks, count, scan.table(), (System.nanoTime() - start) / 1e9);
        return taskIds;
    }

    private static Pull pull(ProducerNode producer, List<TaskId> taskIds, OkHttpClient httpClient, ScheduledExecutorService retries)
            throws Exception
    {
        long pages = 0;
        long pageBytes = 0;
        long start = System.nanoTime();
        try (HttpExchangeClient exchange = new HttpExchangeClient(httpClient, () -> new PagesSerde(CompressionCodec.NONE), ExchangeClientConfig.DEFAULT, retries)) {
            for (TaskId taskId : taskIds) {
                exchange.addLocation(producer.baseUri().resolve("/v1/task/" + taskId + "/results/0"));
            }
            exchange.noMoreLocations();
            while (!exchange.isFinished()) {
                Page page = exchange.pollPage();
                if (page == null) {
                    exchange.isBlocked().get(30, TimeUnit.SECONDS);
                    continue;
                }
                pages++;
                pageBytes += page.sizeInBytes();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ExchangeClientStatus status = exchange.status();
            long bodyBytes = status.locations().stream().mapToLong(LocationStatus::bytesReceived).sum();
            long requests = status.locations().stream().mapToLong(LocationStatus::requests).sum();
            return new Pull(pages, requests, pageBytes, bodyBytes, seconds);
        }
    }

    private static TableScanNode onlyScan(PlanNode node)
    {
        if (node instanceof TableScanNode scan) {
            return scan;
        }
        if (node.sources().size() != 1) {
            throw new IllegalArgumentException("expected a plan with one table scan: " + node);
        }
        return onlyScan(node.sources().get(0));
    }

    private static Map<String, String> parseOptions(String[] args)
            throws IOException
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IOException("usage: BenchmarkExchangeThroughput [--table T] [--scale S] [--tasks N] [--runs N] [--threads N] [--tcp-bytes N]; bad argument: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private record Pull(long pages, long requests, long pageBytes, long bodyBytes, double seconds) {}
}
