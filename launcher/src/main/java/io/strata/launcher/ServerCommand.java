package io.strata.launcher;

import io.strata.launcher.config.EtcDirectory;
import io.strata.launcher.config.InvalidConfigurationException;
import io.strata.launcher.config.NodeConfiguration;
import io.strata.server.CoordinatorServices;
import io.strata.server.NodeServices;
import io.strata.server.WorkerServices;
import io.strata.server.config.ServerConfig;
import io.strata.server.config.ServerConfig.NodeRole;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import static io.strata.launcher.CommandLine.flag;
import static io.strata.launcher.CommandLine.value;
import static java.lang.String.format;

/**
 * {@code strata server --etc DIR}: runs one node from its Presto-style {@code etc/} directory until the
 * process is told to stop (SIGTERM, SIGINT), then closes it from a shutdown hook. {@code node.role} picks
 * the role: {@code coordinator} (the default) or {@code worker}; the other roles are not built yet. A missing file, an unknown
 * property or a bad value stops the process before anything starts, with exit code 1 and a message naming
 * the property. The server writes nothing to disk; it logs to standard error, one line per record.
 */
final class ServerCommand
{
    static final String NODE_ROLE = "node.role";
    static final List<String> ROLES = List.of("coordinator", "worker");
    static final List<String> LATER_ROLES = List.of("resource-manager", "gateway");

    private static final Logger LOG = Logger.getLogger(ServerCommand.class.getName());

    static final List<CommandLine.Option> OPTIONS = List.of(
            value("etc", "DIR", "the node's etc/ directory: node.properties, config.properties, catalog/*.properties"),
            flag("help", "show this help"));

    private ServerCommand() {}

    static String usage()
    {
        return "Usage: strata server --etc DIR\n\n" + CommandLine.describe(OPTIONS);
    }

    static int run(List<String> arguments)
    {
        CommandLine commandLine = CommandLine.parse("server", OPTIONS, arguments).withoutPositionals();
        if (commandLine.isSet("help")) {
            System.out.print(usage());
            return Main.EXIT_SUCCESS;
        }
        Path etc = Path.of(commandLine.requiredValue("etc")).toAbsolutePath().normalize();
        NodeConfiguration configuration = EtcDirectory.load(etc);
        ServerConfig config = serverConfig(configuration);

        Logging.configure(Level.INFO);
        SizeEstimates.initializeQuietly();
        String node = describe(config);
        NodeServices services;
        try {
            services = config.role() == NodeRole.WORKER
                    ? WorkerServices.start(config, configuration.catalogs())
                    : CoordinatorServices.start(config, configuration.catalogs());
        }
        catch (IllegalArgumentException e) {
            // a catalog the server cannot create (unknown connector.name, a bad catalog property)
            throw new InvalidConfigurationException(etc.resolve(EtcDirectory.CATALOG_DIRECTORY) + ": " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Strata " + node + " failed to start", e);
            throw new CommandFailedException(node + " failed to start: " + e.getMessage(), e);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        String loggerName = ServerCommand.class.getName();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logging.logDirectly(Level.INFO, loggerName, "Strata " + node + " shutting down");
            try {
                services.close();
                Logging.logDirectly(Level.INFO, loggerName, "Strata " + node + " stopped");
            }
            catch (RuntimeException e) {
                Logging.logDirectly(Level.WARNING, loggerName, "Strata " + node + " failed to shut down cleanly: " + e);
            }
            finally {
                stopped.countDown();
            }
        }, "shutdown"));
        LOG.info(format("Strata %s ready at %s", node, services.baseUri()));

        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.EXIT_SUCCESS;
    }

    /** How the log names the node: {@code coordinator c1} (its query id suffix) or {@code worker worker-1} (its node id). */
    static String describe(ServerConfig config)
    {
        return config.role() == NodeRole.WORKER ? "worker " + config.nodeId() : "coordinator " + config.coordinatorId();
    }

    /**
     * The node's configuration, or a failure naming the property: roles of later issues are refused
     * with a message saying so, everything else is checked by {@link ServerConfig}.
     */
    static ServerConfig serverConfig(NodeConfiguration configuration)
    {
        String role = configuration.property(NODE_ROLE).orElse("coordinator");
        if (LATER_ROLES.contains(role)) {
            throw new CommandFailedException(format(
                    "%s=%s in %s: the %s role is not available yet (it comes in a later issue); this version runs %s=coordinator or worker",
                    NODE_ROLE, role, configuration.etcDirectory(), role, NODE_ROLE));
        }
        if (!ROLES.contains(role)) {
            throw new InvalidConfigurationException(format(
                    "%s=%s in %s: must be one of %s, %s",
                    NODE_ROLE, role, configuration.etcDirectory(), String.join(", ", ROLES), String.join(", ", LATER_ROLES)));
        }
        try {
            return ServerConfig.fromProperties(configuration.properties());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(configuration.etcDirectory() + ": " + e.getMessage(), e);
        }
    }
}
