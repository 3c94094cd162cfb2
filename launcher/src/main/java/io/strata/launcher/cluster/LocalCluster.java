package io.strata.launcher.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A running local cluster: its directory and what {@code cluster.json} in it says. Obtained from
 * {@link ClusterLauncher#start()} or, in another process, {@link #find(Path)}. {@link #close()} stops
 * every process of the cluster and removes {@code cluster.json}, so a test can write
 * <pre>
 * try (LocalCluster cluster = ClusterLauncher.builder(directory).coordinators(2).build().start()) {
 *     URI coordinator = cluster.coordinators().get(0);
 *     ...
 * }
 * </pre>
 */
public final class LocalCluster
        implements AutoCloseable
{
    private final Path directory;
    private final ClusterDescriptor descriptor;

    LocalCluster(Path directory, ClusterDescriptor descriptor)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
    }

    /** The cluster described by {@code directory/cluster.json}, if the file exists. */
    public static Optional<LocalCluster> find(Path directory)
    {
        Path file = directory.resolve(ClusterDescriptor.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new LocalCluster(directory, ClusterDescriptor.read(file)));
    }

    public Path directory()
    {
        return directory;
    }

    public ClusterDescriptor descriptor()
    {
        return descriptor;
    }

    /** The coordinators' base URIs, e.g. {@code http://127.0.0.1:41517}, in start order. */
    public List<URI> coordinators()
    {
        return descriptor.coordinators();
    }

    /** The workers' base URIs, e.g. {@code http://127.0.0.1:41519}, in start order; empty when none were asked for. */
    public List<URI> workers()
    {
        return descriptor.workers();
    }

    /** Empty in this version: resource managers come in a later issue. */
    public List<URI> resourceManagers()
    {
        return descriptor.resourceManagers();
    }

    /** {@code jdbc:strata://127.0.0.1:41517/tpch/tiny?discovery=direct}, listing every coordinator. */
    public String jdbcUrl()
    {
        return descriptor.jdbcUrl();
    }

    /** Process ids by node name ({@code coordinator-1}, ...). */
    public Map<String, Long> pids()
    {
        return descriptor.pids();
    }

    /** Log files by node name; each holds the node's standard output and error. */
    public Map<String, String> logs()
    {
        return descriptor.logs();
    }

    /** Whether every process of the cluster is still alive. */
    public boolean isAlive()
    {
        for (Map.Entry<String, Long> node : pids().entrySet()) {
            if (NodeProcesses.findNode(node.getValue(), ClusterLauncher.etcDirectory(directory, node.getKey())).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Stops every process, SIGTERM first and SIGKILL after {@link ClusterLauncher#DEFAULT_STOP_GRACE}. */
    @Override
    public void close()
    {
        ClusterLauncher.stop(directory, ClusterLauncher.DEFAULT_STOP_GRACE);
    }

    /** Like {@link #close()} with another grace period. */
    public void stop(Duration gracePeriod)
    {
        ClusterLauncher.stop(directory, gracePeriod);
    }

    @Override
    public String toString()
    {
        return "LocalCluster{" + directory + ", coordinators " + coordinators() + ", workers " + workers() + "}";
    }
}
