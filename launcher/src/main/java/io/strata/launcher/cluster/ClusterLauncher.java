package io.strata.launcher.cluster;

import io.strata.client.ClientException;
import io.strata.client.HttpClientFactory;
import io.strata.client.ServerInfoClient;
import io.strata.launcher.config.EtcDirectory;
import io.strata.protocol.ServerInfo;
import okhttp3.OkHttpClient;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Starts and stops local clusters of separate JVM processes on 127.0.0.1, one directory per cluster:
 * <pre>
 * DIR/
 *   cluster.json                    what runs (see {@link ClusterDescriptor}); present while it runs
 *   worker-1/etc/...                a worker's generated Presto-style etc/ (tpch and memory catalogs)
 *   coordinator-1/etc/...           a coordinator's, listing the workers in node-scheduler.workers
 *   logs/coordinator-1.log          the node's standard output and error
 * </pre>
 * Each node runs {@code java -Xmx512m -XX:+UseSerialGC -cp <this process's classpath>
 * io.strata.launcher.Main server --etc DIR/<node>/etc} on a port chosen up front. The workers start first
 * ({@code node.role=worker}, node ids {@code worker-1}, ...); once each answers {@code GET /v1/info} with
 * {@code starting=false}, the coordinators start with {@code node-scheduler.workers} listing them and
 * {@code node-scheduler.include-coordinator=false}, so that tasks go to the workers. {@link #start()} returns once
 * every node is ready; the processes outlive this JVM. A node that exits or is not ready within the startup timeout
 * fails the start: everything started is stopped and the {@link ClusterStartException} carries the tail of that
 * node's log.
 * <p>
 * Resource managers do not exist yet: asking for them logs a warning and starts none.
 */
public final class ClusterLauncher
{
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);
    /**
     * A small heap; the serial collector, which adds no GC threads (16 threads per node instead of 22) where
     * CI has 2 cores for all nodes. Measured: neither it nor {@code -XX:TieredStopAtLevel=1} changes the
     * time to ready (0.7-1.1 s either way), and C1 alone would slow queries, so the full JIT stays. A node
     * out of heap exits rather than limps on.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    public static final String COORDINATOR_PREFIX = "coordinator-";
    public static final String WORKER_PREFIX = "worker-";

    private static final Logger LOG = Logger.getLogger(ClusterLauncher.class.getName());
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration INFO_TIMEOUT = Duration.ofSeconds(2);
    private static final int LOG_TAIL_LINES = 40;
    /** What makes the cluster a cluster: set by the launcher for each node, never by {@code configProperties}. */
    private static final Set<String> RESERVED_PROPERTIES = Set.of(
            "node.role", "coordinator.id", "node-scheduler.workers", "node-scheduler.include-coordinator", "http-server.http.host", "http-server.http.port");

    private final Path directory;
    private final int coordinators;
    private final int workers;
    private final int resourceManagers;
    private final Path javaExecutable;
    private final String classpath;
    private final List<String> jvmOptions;
    private final Duration startupTimeout;
    private final Map<String, Map<String, String>> catalogs;
    private final Map<String, String> configProperties;

    private ClusterLauncher(Builder builder)
    {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.coordinators = builder.coordinators;
        this.workers = builder.workers;
        this.resourceManagers = builder.resourceManagers;
        this.javaExecutable = builder.javaExecutable;
        this.classpath = builder.classpath;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.startupTimeout = builder.startupTimeout;
        this.catalogs = new LinkedHashMap<>(builder.catalogs);
        this.configProperties = new LinkedHashMap<>(builder.configProperties);
    }

    /** A launcher for a cluster in {@code directory}, which is created if needed. */
    public static Builder builder(Path directory)
    {
        return new Builder(directory);
    }

    /** The {@code etc/} directory of a node of the cluster in {@code directory}. */
    public static Path etcDirectory(Path directory, String nodeName)
    {
        return directory.toAbsolutePath().normalize().resolve(nodeName).resolve("etc");
    }

    /**
     * Starts the cluster and waits until every node is ready.
     *
     * @throws ClusterStartException if a cluster already runs in the directory, or a node did not start
     */
    public LocalCluster start()
    {
        Optional<LocalCluster> existing = LocalCluster.find(directory);
        if (existing.isPresent()) {
            if (existing.get().isAlive()) {
                throw new ClusterStartException("A cluster already runs in " + directory + " (" + existing.get().coordinators() + "); stop it first");
            }
            // the previous cluster died without `cluster stop`: stop what is left of it
            stop(directory, DEFAULT_STOP_GRACE);
        }
        if (resourceManagers > 0) {
            LOG.warning(format("Resource managers are not available yet (they come in a later issue): starting none of the %s requested", resourceManagers));
        }

        List<StartedNode> started = new ArrayList<>();
        List<URI> workerUris = new ArrayList<>();
        List<URI> coordinatorUris = new ArrayList<>();
        try {
            Files.createDirectories(directory.resolve("logs"));
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            List<Integer> ports = freePorts(workers + coordinators);
            // workers first: a coordinator's first liveness checks then find them up
            for (int index = 1; index <= workers; index++) {
                started.add(startNode(WORKER_PREFIX + index, ports.get(index - 1), workerProperties()));
            }
            waitUntilReady(started, deadline);
            started.forEach(worker -> workerUris.add(worker.uri()));
            for (int index = 1; index <= coordinators; index++) {
                StartedNode coordinator = startNode(COORDINATOR_PREFIX + index, ports.get(workers + index - 1), coordinatorProperties(index, workerUris));
                started.add(coordinator);
                coordinatorUris.add(coordinator.uri());
            }
            waitUntilReady(started.subList(workers, started.size()), deadline);
        }
        catch (IOException | RuntimeException e) {
            List<ProcessHandle> processes = new ArrayList<>();
            for (StartedNode node : started) {
                processes.add(node.process().toHandle());
            }
            NodeProcesses.stop(processes, DEFAULT_STOP_GRACE);
            if (e instanceof ClusterStartException startFailure) {
                throw startFailure;
            }
            throw new ClusterStartException("Cannot start the cluster in " + directory + ": " + e.getMessage(), e);
        }

        Map<String, Long> pids = new LinkedHashMap<>();
        Map<String, String> logs = new LinkedHashMap<>();
        for (StartedNode node : started) {
            pids.put(node.name(), node.process().pid());
            logs.put(node.name(), node.log().toString());
        }
        ClusterDescriptor descriptor = new ClusterDescriptor(
                coordinatorUris,
                workerUris,
                List.of(),
                ClusterDescriptor.jdbcUrl(coordinatorUris),
                pids,
                logs);
        descriptor.write(directory.resolve(ClusterDescriptor.FILE_NAME));
        return new LocalCluster(directory, descriptor);
    }

    private static Map<String, String> workerProperties()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("node.role", "worker");
        return properties;
    }

    private static Map<String, String> coordinatorProperties(int index, List<URI> workers)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("node.role", "coordinator");
        properties.put("coordinator.id", "c" + index);
        if (!workers.isEmpty()) {
            properties.put("node-scheduler.workers", String.join(",", workers.stream().map(URI::toString).toList()));
            properties.put("node-scheduler.include-coordinator", "false");
        }
        return properties;
    }

    /** Writes the node's etc/ ({@code roleProperties} and what every local node has) and starts its process. */
    private StartedNode startNode(String name, int port, Map<String, String> roleProperties)
            throws IOException
    {
        Path etc = etcDirectory(directory, name);
        Map<String, String> nodeProperties = new LinkedHashMap<>();
        nodeProperties.put("node.id", name);
        nodeProperties.put("node.environment", "local");
        Map<String, String> configProperties = new LinkedHashMap<>(roleProperties);
        configProperties.put("http-server.http.host", "127.0.0.1");
        configProperties.put("http-server.http.port", String.valueOf(port));
        // CI gives every process of a cluster 2 cores between them: few threads, small memory
        configProperties.put("http-server.threads.max", "2");
        configProperties.put("protocol.v1.threads", "2");
        configProperties.put("task.max-worker-threads", "2");
        configProperties.put("query.max-memory-per-node", "256MB");
        configProperties.putAll(this.configProperties);
        if (Files.exists(etc)) {
            deleteRecursively(etc);
        }
        EtcDirectory.write(etc, nodeProperties, configProperties, catalogs);

        Path log = directory.resolve("logs").resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(NodeProcesses.MAIN_CLASS);
        command.add("server");
        command.add("--etc");
        command.add(etc.toString());
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectErrorStream(true)
                .start();
        return new StartedNode(name, URI.create("http://127.0.0.1:" + port), process, log);
    }

    private void waitUntilReady(List<StartedNode> nodes, long deadline)
    {
        OkHttpClient httpClient = HttpClientFactory.createHttpClient(INFO_TIMEOUT, INFO_TIMEOUT);
        try {
            for (StartedNode node : nodes) {
                waitUntilReady(httpClient, node, deadline);
            }
        }
        finally {
            httpClient.connectionPool().evictAll();
            httpClient.dispatcher().executorService().shutdown();
        }
    }

    private void waitUntilReady(OkHttpClient httpClient, StartedNode node, long deadline)
    {
        String lastProblem = "no answer yet";
        while (true) {
            if (!node.process().isAlive()) {
                throw new ClusterStartException(format(
                        "Node %s exited with code %s during startup; last lines of %s:%n%s",
                        node.name(), node.process().exitValue(), node.log(), NodeProcesses.tail(node.log(), LOG_TAIL_LINES)));
            }
            try {
                ServerInfo info = ServerInfoClient.fetchServerInfo(httpClient, node.uri(), INFO_TIMEOUT);
                if (!info.starting()) {
                    return;
                }
                lastProblem = "it still reports starting=true";
            }
            catch (ClientException e) {
                lastProblem = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new ClusterStartException(format(
                        "Node %s was not ready within %ss (%s); last lines of %s:%n%s",
                        node.name(), startupTimeout.toSeconds(), lastProblem, node.log(), NodeProcesses.tail(node.log(), LOG_TAIL_LINES)));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterStartException("Interrupted while waiting for " + node.name(), e);
            }
        }
    }

    /**
     * Stops the cluster {@code directory/cluster.json} describes: SIGTERM to every process, SIGKILL to those
     * still alive after {@code gracePeriod}; then removes {@code cluster.json}.
     *
     * @return whether there was a cluster (a {@code cluster.json}) to stop
     * @throws ClusterStopException if a process survived SIGKILL (cluster.json is kept)
     */
    public static boolean stop(Path directory, Duration gracePeriod)
    {
        requireNonNull(directory, "directory is null");
        requireNonNull(gracePeriod, "gracePeriod is null");
        Path absolute = directory.toAbsolutePath().normalize();
        Optional<LocalCluster> cluster = LocalCluster.find(absolute);
        if (cluster.isEmpty()) {
            return false;
        }
        List<ProcessHandle> processes = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, Long> node : cluster.get().pids().entrySet()) {
            Optional<ProcessHandle> process = NodeProcesses.findNode(node.getValue(), etcDirectory(absolute, node.getKey()));
            if (process.isPresent()) {
                processes.add(process.get());
                names.put(process.get().pid(), node.getKey());
            }
        }
        List<ProcessHandle> survivors = NodeProcesses.stop(processes, gracePeriod);
        if (!survivors.isEmpty()) {
            List<String> survivorNames = new ArrayList<>();
            for (ProcessHandle survivor : survivors) {
                survivorNames.add(names.get(survivor.pid()) + " (pid " + survivor.pid() + ")");
            }
            throw new ClusterStopException("Still alive after SIGKILL: " + String.join(", ", survivorNames));
        }
        try {
            Files.deleteIfExists(absolute.resolve(ClusterDescriptor.FILE_NAME));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + absolute.resolve(ClusterDescriptor.FILE_NAME), e);
        }
        return true;
    }

    /** Distinct free ports on 127.0.0.1: all sockets are held open together, so no port is handed out twice. */
    static List<Integer> freePorts(int count)
            throws IOException
    {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        }
        finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void deleteRecursively(Path path)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(path)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.reverse(all);
            for (Path each : all) {
                Files.delete(each);
            }
        }
    }

    private record StartedNode(String name, URI uri, Process process, Path log) {}

    public static final class Builder
    {
        private final Path directory;
        private int coordinators = 1;
        private int workers;
        private int resourceManagers;
        private Path javaExecutable = currentJavaExecutable();
        private String classpath = System.getProperty("java.class.path");
        private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private Map<String, Map<String, String>> catalogs = Map.of(
                "tpch", Map.of(EtcDirectory.CONNECTOR_NAME, "tpch"),
                "memory", Map.of(EtcDirectory.CONNECTOR_NAME, "memory"));
        private Map<String, String> configProperties = Map.of();

        private Builder(Path directory)
        {
            this.directory = requireNonNull(directory, "directory is null");
        }

        public Builder coordinators(int coordinators)
        {
            if (coordinators < 1) {
                throw new IllegalArgumentException("a cluster needs at least one coordinator: " + coordinators);
            }
            this.coordinators = coordinators;
            return this;
        }

        /** Worker processes (default none); with some, the coordinators place tasks on them only. */
        public Builder workers(int workers)
        {
            if (workers < 0) {
                throw new IllegalArgumentException("workers is negative: " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Resource managers come in a later issue: a positive number logs a warning and starts none. */
        public Builder resourceManagers(int resourceManagers)
        {
            if (resourceManagers < 0) {
                throw new IllegalArgumentException("resourceManagers is negative: " + resourceManagers);
            }
            this.resourceManagers = resourceManagers;
            return this;
        }

        /** The {@code java} to run; by default the one running this process. */
        public Builder javaExecutable(Path javaExecutable)
        {
            this.javaExecutable = requireNonNull(javaExecutable, "javaExecutable is null");
            return this;
        }

        /** The nodes' classpath; by default this process's. */
        public Builder classpath(String classpath)
        {
            this.classpath = requireNonNull(classpath, "classpath is null");
            return this;
        }

        /** Options before the class name; by default {@link #DEFAULT_JVM_OPTIONS}. */
        public Builder jvmOptions(List<String> jvmOptions)
        {
            this.jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions is null"));
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout)
        {
            requireNonNull(startupTimeout, "startupTimeout is null");
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** The catalogs of every node, name to properties; by default {@code tpch} and {@code memory}. */
        public Builder catalogs(Map<String, Map<String, String>> catalogs)
        {
            this.catalogs = Map.copyOf(requireNonNull(catalogs, "catalogs is null"));
            return this;
        }

        /**
         * {@code config.properties} entries of every node, over the launcher's own (e.g. a smaller
         * {@code query.max-memory-per-node}); the node's role, id, address and worker list cannot be overridden.
         */
        public Builder configProperties(Map<String, String> configProperties)
        {
            Map<String, String> copy = Map.copyOf(requireNonNull(configProperties, "configProperties is null"));
            for (String name : copy.keySet()) {
                if (RESERVED_PROPERTIES.contains(name)) {
                    throw new IllegalArgumentException("the cluster sets " + name + " itself");
                }
            }
            this.configProperties = copy;
            return this;
        }

        public ClusterLauncher build()
        {
            if (classpath == null || classpath.isEmpty()) {
                throw new IllegalStateException("no classpath: set one, java.class.path is empty");
            }
            return new ClusterLauncher(this);
        }

        private static Path currentJavaExecutable()
        {
            Optional<String> command = ProcessHandle.current().info().command();
            if (command.isPresent()) {
                return Path.of(command.get());
            }
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
    }
}
