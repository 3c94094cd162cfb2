package io.strata.launcher;

import io.strata.client.ClientSession;
import io.strata.client.HttpClientFactory;
import io.strata.launcher.cli.InteractiveConsole;
import io.strata.launcher.cli.OutputFormat;
import io.strata.launcher.cli.SqlCommand;
import io.strata.launcher.cli.StatementRunner;
import io.strata.launcher.cluster.ClusterCommand;
import io.strata.launcher.cluster.ClusterLauncher;
import io.strata.launcher.cluster.ClusterStartException;
import io.strata.launcher.cluster.ClusterStopException;
import io.strata.launcher.cluster.LocalCluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

import static io.strata.launcher.CommandLine.flag;
import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code strata demo}: starts two workers and a coordinator that places tasks on them, as separate processes on
 * free ports of 127.0.0.1 (the local cluster of {@code cluster start}, in {@code var/demo}) with the {@code tpch} catalog, runs a few queries (a metadata listing, TPC-H Q6 and Q1 at {@code tiny}, a small
 * aggregation), each printed with its time, then opens the interactive prompt when standard input is a
 * terminal; the nodes stop when the prompt is left. The TPC-H texts come from
 * {@code ../shared/tpch/queries} next to the project when present, else from copies in this jar.
 */
final class DemoCommand
{
    static final int WORKERS = 2;
    static final List<CommandLine.Option> OPTIONS = List.of(
            flag("no-prompt", "run the queries and exit, even on a terminal"),
            flag("help", "show this help"));

    private DemoCommand() {}

    record DemoQuery(String title, String sql) {}

    static int run(List<String> arguments)
    {
        CommandLine commandLine = CommandLine.parse("demo", OPTIONS, arguments).withoutPositionals();
        if (commandLine.isSet("help")) {
            System.out.print("Usage: strata demo [--no-prompt]\n\n" + CommandLine.describe(OPTIONS));
            return Main.EXIT_SUCCESS;
        }
        // the demo's output is the queries; the server speaks only when something is wrong
        Logging.configure(Level.WARNING);
        SizeEstimates.initializeQuietly();
        PrintStream out = System.out;

        long startNanos = System.nanoTime();
        // the nodes are separate processes on 127.0.0.1, as `cluster start` makes them, in a directory of their own
        Path directory = ClusterCommand.projectRoot().resolve("var").resolve("demo").toAbsolutePath().normalize();
        stopQuietly(directory);
        LocalCluster cluster;
        try {
            cluster = ClusterLauncher.builder(directory).coordinators(1).workers(WORKERS).build().start();
        }
        catch (ClusterStartException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        try {
            URI coordinator = cluster.coordinators().get(0);
            out.printf(Locale.ENGLISH, "Strata coordinator started at %s with workers %s (separate processes; logs in %s) in %.2f s, catalog tpch (schemas tiny, sf1, ...)%n%n",
                    coordinator, cluster.workers(), directory, (System.nanoTime() - startNanos) / 1e9);
            ClientSession session = ClientSession.builder(coordinator, System.getProperty("user.name", "strata"))
                    .source("strata-demo")
                    .catalog("tpch")
                    .schema("tiny")
                    .build();
            StatementRunner runner = new StatementRunner(HttpClientFactory.createHttpClient(), session);

            boolean allSucceeded = runQueries(runner, queries(ClusterCommand.projectRoot()), out);
            if (SqlCommand.isStandardInputTerminal() && !commandLine.isSet("no-prompt")) {
                out.println("Type SQL ended by ';' (the session is tpch.tiny), 'help', or 'quit' to stop the demo.");
                out.flush();
                InteractiveConsole.run(runner, OutputFormat.ALIGNED, InteractiveConsole.defaultHistoryFile());
            }
            return allSucceeded ? Main.EXIT_SUCCESS : Main.EXIT_FAILURE;
        }
        finally {
            stopQuietly(directory);
        }
    }

    /** Stops the demo's nodes, those of an earlier demo that was killed too. */
    private static void stopQuietly(Path directory)
    {
        try {
            ClusterLauncher.stop(directory, Duration.ofSeconds(10));
        }
        catch (ClusterStopException e) {
            System.err.println("Could not stop the demo's nodes: " + e.getMessage());
        }
    }

    private static boolean runQueries(StatementRunner runner, List<DemoQuery> queries, PrintStream out)
    {
        Writer output = new OutputStreamWriter(out, UTF_8);
        boolean allSucceeded = true;
        for (DemoQuery query : queries) {
            out.println("-- " + query.title());
            out.println(query.sql().strip() + ";");
            out.println();
            out.flush();
            long startNanos = System.nanoTime();
            StatementRunner.Outcome outcome = runner.run(query.sql(), OutputFormat.ALIGNED, output, System.err, false);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.println(format(Locale.ENGLISH, "-- %s in %.2f s", outcome == StatementRunner.Outcome.SUCCEEDED ? "ran" : "failed", seconds));
            out.println();
            out.flush();
            allSucceeded &= outcome == StatementRunner.Outcome.SUCCEEDED;
        }
        return allSucceeded;
    }

    static List<DemoQuery> queries(Path projectRoot)
    {
        Path shared = projectRoot.resolve("..").resolve("shared").resolve("tpch").resolve("queries").normalize();
        return List.of(
                new DemoQuery("the schemas of the tpch catalog", "SHOW SCHEMAS FROM tpch"),
                new DemoQuery("TPC-H Q6, forecasting revenue change (scale factor 0.01)", tpchQuery(shared, "q06.sql")),
                new DemoQuery("TPC-H Q1, pricing summary report (scale factor 0.01)", tpchQuery(shared, "q01.sql")),
                new DemoQuery("nations per region", """
                        SELECT n_regionkey, count(*) AS nations, min(n_name) AS first_nation
                        FROM nation
                        GROUP BY n_regionkey
                        ORDER BY n_regionkey"""));
    }

    private static String tpchQuery(Path sharedQueries, String fileName)
    {
        Path file = sharedQueries.resolve(fileName);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, UTF_8).strip();
            }
            try (InputStream resource = DemoCommand.class.getResourceAsStream("demo/" + fileName)) {
                if (resource == null) {
                    throw new IllegalStateException("missing resource demo/" + fileName);
                }
                return new String(resource.readAllBytes(), UTF_8).strip();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName, e);
        }
    }
}
