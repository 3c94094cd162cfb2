package io.strata.launcher;

import io.strata.launcher.cli.SqlCommand;
import io.strata.launcher.cluster.ClusterCommand;
import io.strata.launcher.config.InvalidConfigurationException;

import java.util.Arrays;
import java.util.List;

/**
 * The one entry point of Strata, for every role and the CLI:
 * <pre>
 * strata server --etc DIR                  run a node from a Presto-style etc/ directory
 * strata sql [--server URL] ...            run SQL: interactive, or batch with --execute / --file
 * strata cluster start|stop [--dir DIR]    start or stop a local multi-process cluster
 * strata demo                              local coordinator and two workers, sample queries, then the prompt
 * </pre>
 * Exit codes: {@value #EXIT_SUCCESS} success, {@value #EXIT_FAILURE} failure (a failed query, a bad
 * property, a cluster that did not start), {@value #EXIT_USAGE} a wrong command line.
 */
public final class Main
{
    public static final int EXIT_SUCCESS = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            Usage: strata <command> [options]

            Commands:
              server --etc DIR                    run a node from a Presto-style etc/ directory
              sql [--server URL] [options]        run SQL: interactive, or batch with --execute SQL / --file F
              cluster start [--coordinators N] [--workers N] [--dir DIR]
                                                  start a local cluster of separate processes on 127.0.0.1
              cluster stop [--dir DIR]            stop it (workers too)
              demo                                start a local coordinator and two workers, run sample
                                                  queries, open the prompt
              help                                show this text

            Run 'strata <command> --help' for the options of a command.
            """;

    private Main() {}

    public static void main(String[] args)
    {
        int exitCode = run(Arrays.asList(args));
        System.out.flush();
        System.err.flush();
        // the CLI's HTTP client and the demo's server leave threads behind; the exit code is the answer
        System.exit(exitCode);
    }

    /** Runs one command and returns its exit code; never calls {@link System#exit}. */
    public static int run(List<String> arguments)
    {
        if (arguments.isEmpty()) {
            System.err.print(USAGE);
            return EXIT_USAGE;
        }
        String command = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            return switch (command) {
                case "server" -> ServerCommand.run(rest);
                case "sql" -> SqlCommand.run(rest);
                case "cluster" -> ClusterCommand.run(rest);
                case "demo" -> DemoCommand.run(rest);
                case "help", "--help", "-h" -> {
                    System.out.print(USAGE);
                    yield EXIT_SUCCESS;
                }
                default -> throw new UsageException("Unknown command '" + command + "'");
            };
        }
        catch (UsageException e) {
            System.err.println("strata: " + e.getMessage());
            System.err.println("Run 'strata help' for the commands and 'strata " + (isCommand(command) ? command : "<command>") + " --help' for options.");
            return EXIT_USAGE;
        }
        catch (InvalidConfigurationException e) {
            System.err.println("strata: invalid configuration: " + e.getMessage());
            return EXIT_FAILURE;
        }
        catch (CommandFailedException e) {
            System.err.println("strata: " + e.getMessage());
            return e.exitCode();
        }
        catch (RuntimeException e) {
            // a bug or an environment problem (an unwritable file, a closed pipe): show everything
            System.err.println("strata: " + command + " failed unexpectedly: " + e);
            e.printStackTrace();
            return EXIT_FAILURE;
        }
    }

    private static boolean isCommand(String command)
    {
        return List.of("server", "sql", "cluster", "demo").contains(command);
    }
}
