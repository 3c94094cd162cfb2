package io.strata.launcher.cluster;

import io.strata.launcher.CommandFailedException;
import io.strata.launcher.CommandLine;
import io.strata.launcher.Logging;
import io.strata.launcher.Main;
import io.strata.launcher.UsageException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.strata.launcher.CommandLine.flag;
import static io.strata.launcher.CommandLine.repeatable;
import static io.strata.launcher.CommandLine.value;

/**
 * {@code strata cluster start|stop}: the command-line face of {@link ClusterLauncher}. {@code start}
 * prints {@code cluster.json} when the cluster is ready and returns, leaving the processes running;
 * {@code stop} stops them. The directory defaults to {@code var/cluster} under the project root
 * (system property {@code strata.root.dir}, which {@code bin/strata} sets; else the working directory).
 */
public final class ClusterCommand
{
    static final List<CommandLine.Option> START_OPTIONS = List.of(
            value("coordinators", "N", "coordinator processes (default 1)"),
            value("workers", "N", "worker processes (default 0), started first; with some, the coordinators place tasks on them only"),
            value("resource-managers", "N", "resource manager processes: not available yet, a warning and none are started"),
            value("dir", "DIR", "the cluster's directory (default var/cluster under the project root)"),
            value("startup-timeout", "SECONDS", "how long to wait for every node to be ready (default 60)"),
            repeatable("config", "NAME=VALUE", "a config.properties entry of every node, over the defaults (repeatable)"),
            flag("help", "show this help"));

    static final List<CommandLine.Option> STOP_OPTIONS = List.of(
            value("dir", "DIR", "the cluster's directory (default var/cluster under the project root)"),
            value("grace", "SECONDS", "how long a node may take to exit after SIGTERM before SIGKILL (default 20)"),
            flag("help", "show this help"));

    private ClusterCommand() {}

    public static String usage()
    {
        return "Usage: strata cluster start [--coordinators N] [--workers N] [--resource-managers N] [--dir DIR] [--config NAME=VALUE ...]\n"
                + "       strata cluster stop [--dir DIR]\n\n"
                + "start:\n" + CommandLine.describe(START_OPTIONS)
                + "stop:\n" + CommandLine.describe(STOP_OPTIONS);
    }

    public static int run(List<String> arguments)
    {
        if (arguments.isEmpty()) {
            throw new UsageException("'cluster' needs a subcommand: start or stop");
        }
        String subcommand = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        return switch (subcommand) {
            case "start" -> start(CommandLine.parse("cluster start", START_OPTIONS, rest).withoutPositionals());
            case "stop" -> stop(CommandLine.parse("cluster stop", STOP_OPTIONS, rest).withoutPositionals());
            case "help", "--help" -> {
                System.out.print(usage());
                yield Main.EXIT_SUCCESS;
            }
            default -> throw new UsageException("Unknown subcommand 'cluster " + subcommand + "': expected start or stop");
        };
    }

    private static int start(CommandLine commandLine)
    {
        if (commandLine.isSet("help")) {
            System.out.print(usage());
            return Main.EXIT_SUCCESS;
        }
        Logging.configure(Level.INFO);
        Path directory = directory(commandLine);
        ClusterLauncher launcher;
        try {
            launcher = ClusterLauncher.builder(directory)
                    .coordinators(commandLine.intValue("coordinators", 1, 1))
                    .workers(commandLine.intValue("workers", 0, 0))
                    .resourceManagers(commandLine.intValue("resource-managers", 0, 0))
                    .startupTimeout(Duration.ofSeconds(commandLine.intValue("startup-timeout", 60, 1)))
                    .configProperties(configProperties(commandLine.values("config")))
                    .build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("Invalid option of 'cluster start': " + e.getMessage());
        }
        LocalCluster cluster;
        try {
            cluster = launcher.start();
        }
        catch (ClusterStartException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        System.err.println("Cluster ready; " + cluster.directory().resolve(ClusterDescriptor.FILE_NAME) + ":");
        System.out.println(cluster.descriptor().toJson());
        return Main.EXIT_SUCCESS;
    }

    private static int stop(CommandLine commandLine)
    {
        if (commandLine.isSet("help")) {
            System.out.print(usage());
            return Main.EXIT_SUCCESS;
        }
        Path directory = directory(commandLine);
        boolean stopped;
        try {
            stopped = ClusterLauncher.stop(directory, Duration.ofSeconds(commandLine.intValue("grace", 20, 0)));
        }
        catch (ClusterStopException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        System.err.println(stopped ? "Cluster in " + directory + " stopped" : "No cluster in " + directory + " (no " + ClusterDescriptor.FILE_NAME + "): nothing to stop");
        return Main.EXIT_SUCCESS;
    }

    static Map<String, String> configProperties(List<String> assignments)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("Option --config of 'cluster start' must be NAME=VALUE: " + assignment);
            }
            properties.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
        }
        return properties;
    }

    private static Path directory(CommandLine commandLine)
    {
        return commandLine.value("dir")
                .map(Path::of)
                .orElseGet(() -> projectRoot().resolve("var").resolve("cluster"))
                .toAbsolutePath()
                .normalize();
    }

    /** The project root: {@code strata.root.dir} if set (bin/strata and the build set it), else the working directory. */
    public static Path projectRoot()
    {
        String root = System.getProperty("strata.root.dir");
        return Path.of(root == null || root.isEmpty() ? "." : root).toAbsolutePath().normalize();
    }
}
