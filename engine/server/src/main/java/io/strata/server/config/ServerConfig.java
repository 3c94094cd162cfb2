package io.strata.server.config;

import io.strata.core.execution.serde.CompressionCodec;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * A node's configuration (coordinator or worker), read from {@code etc/node.properties} and {@code etc/config.properties}
 * (merged into one map). Presto's property names where Presto has the same setting; every property is in
 * {@link Property} with its default and meaning. A wrong value, a missing required property or an unknown
 * property fails with an {@link IllegalArgumentException} naming the property, so the process stops at start.
 *
 * @param nodeId {@code node.id}: this node's unique, stable id
 * @param environment {@code node.environment}: the cluster's name; nodes of different environments never talk
 * @param coordinatorId {@code coordinator.id}: the suffix of the query ids this coordinator issues
 * @param httpHost {@code http-server.http.host}: the address the HTTP server binds
 * @param httpPort {@code http-server.http.port}: the HTTP port; 0 picks a free one
 * @param httpThreads {@code http-server.threads.max}: the HTTP server's event-loop threads
 * @param maxRequestSize {@code http-server.max-request-size}: the largest request body (SQL text) accepted
 * @param maxRequestHeaderSize {@code http-server.max-request-header-size}: the largest request header block
 * @param protocolThreads {@code protocol.v1.threads}: threads building statement responses and calling the engine
 * @param clientTimeout {@code query.client.timeout}: a query whose client has not polled for this long is abandoned
 * @param minExpireAge {@code query.min-expire-age}: how long a finished query stays for a repeated GET
 * @param maxHistory {@code query.max-history}: how many finished queries are kept at most
 * @param maxQueryLength {@code query.max-length}: the longest SQL text accepted, in characters
 * @param exchangeCompressionCodec {@code exchange.compression-codec}: how a node compresses the pages its tasks send
 * @param maxMemory {@code query.max-memory}: the most user memory one query may use on all nodes together
 * @param maxMemoryPerNode {@code query.max-memory-per-node}: the most user memory one query may use on a node
 * @param maxWorkerThreads {@code task.max-worker-threads}: the threads running drivers on this node
 * @param taskQuantum {@code task.quantum}: how long a driver runs before it yields its thread
 * @param levelThresholds {@code task.level-thresholds}: the scheduled time of a task at which levels 1 to 4 of the task executor's queue start
 * @param levelTimeMultiplier {@code task.level-time-multiplier}: how many times the thread time of level n + 1 level n gets
 * @param role {@code node.role}: coordinator or worker
 * @param workers {@code node-scheduler.workers}: the base URIs of the workers a coordinator places tasks on; empty: none
 * @param includeCoordinator {@code node-scheduler.include-coordinator}: whether a coordinator with workers runs tasks too
 * @param livenessInterval {@code node-scheduler.liveness-interval}: how often a coordinator checks each worker
 * @param livenessFailures {@code node-scheduler.liveness-failures}: failed checks in a row that make a worker unreachable
 */
public record ServerConfig(
        String nodeId,
        String environment,
        String coordinatorId,
        String httpHost,
        int httpPort,
        int httpThreads,
        DataSize maxRequestSize,
        DataSize maxRequestHeaderSize,
        int protocolThreads,
        Duration clientTimeout,
        Duration minExpireAge,
        int maxHistory,
        int maxQueryLength,
        DataSize maxMemory,
        DataSize maxMemoryPerNode,
        CompressionCodec exchangeCompressionCodec,
        int maxWorkerThreads,
        Duration taskQuantum,
        List<Duration> levelThresholds,
        double levelTimeMultiplier,
        NodeRole role,
        List<URI> workers,
        boolean includeCoordinator,
        Duration livenessInterval,
        int livenessFailures)
{
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][_A-Za-z0-9-]*");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][_a-z0-9]*");
    private static final Pattern COORDINATOR_ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final int MAX_COORDINATOR_ID_LENGTH = 16;

    /** Every property a coordinator reads, with its default ({@code empty} = required) and meaning. */
    public enum Property
    {
        NODE_ID("node.id", null, "This node's unique, stable id (Presto: [A-Za-z0-9][_A-Za-z0-9-]*); required."),
        NODE_ENVIRONMENT("node.environment", "strata", "The cluster's name ([a-z0-9][_a-z0-9]*)."),
        NODE_ROLE("node.role", "coordinator", "The process's role: coordinator (plans queries and serves clients) or worker (runs the tasks coordinators send it)."),
        COORDINATOR_ID("coordinator.id", "", "The suffix of this coordinator's query ids, [a-z0-9]{1,16}; by default node.id's lowercase letters and digits, at most 16."),
        HTTP_HOST("http-server.http.host", "0.0.0.0", "The address the HTTP server binds: 0.0.0.0 (every interface, as Presto) by default; the local cluster passes 127.0.0.1."),
        HTTP_PORT("http-server.http.port", "8080", "The HTTP port; 0 picks a free port."),
        HTTP_THREADS("http-server.threads.max", String.valueOf(Runtime.getRuntime().availableProcessors()), "Event-loop threads of the HTTP server (default: the number of processors)."),
        MAX_REQUEST_SIZE("http-server.max-request-size", "16MB", "The largest request body accepted; a larger one is answered 413."),
        MAX_REQUEST_HEADER_SIZE("http-server.max-request-header-size", "1MB", "The largest request header block accepted (prepared statements travel in headers); a larger one is answered 431."),
        PROTOCOL_THREADS("protocol.v1.threads", "4", "Threads that call the engine and build statement responses, off the event loop."),
        CLIENT_TIMEOUT("query.client.timeout", "5m", "A query whose client has not polled for this long is failed as ABANDONED_QUERY and forgotten."),
        MIN_EXPIRE_AGE("query.min-expire-age", "15m", "How long a finished query is kept, so that a repeated GET of its last response still works."),
        MAX_HISTORY("query.max-history", "100", "How many finished queries are kept at most (the oldest go first)."),
        MAX_QUERY_LENGTH("query.max-length", "1000000", "The longest SQL text accepted, in characters; a longer one fails with QUERY_TEXT_TOO_LARGE."),
        MAX_MEMORY("query.max-memory", "20GB", "The most user memory one query may use on all nodes together; over it the query fails with EXCEEDED_GLOBAL_MEMORY_LIMIT."),
        MAX_MEMORY_PER_NODE("query.max-memory-per-node", "1GB", "The most user memory one query may use on one node."),
        EXCHANGE_COMPRESSION_CODEC("exchange.compression-codec", "NONE", "How this node compresses the pages its tasks send to other tasks: NONE, LZ4 or ZSTD (any node reads every codec)."),
        MAX_WORKER_THREADS("task.max-worker-threads", String.valueOf(2 * Runtime.getRuntime().availableProcessors()), "Threads running drivers on this node (default: twice the number of processors)."),
        TASK_QUANTUM("task.quantum", "1s", "How long a driver runs before it yields its thread (its quantum ends at the next page)."),
        LEVEL_THRESHOLDS("task.level-thresholds", "1s,10s,60s,300s", "The scheduled time of a task at which levels 1 to 4 of the task executor's queue start."),
        LEVEL_TIME_MULTIPLIER("task.level-time-multiplier", "2", "How many times the thread time of the next level each level of the task executor's queue gets."),
        NODE_SCHEDULER_WORKERS("node-scheduler.workers", "", "The base URIs of the workers this coordinator places tasks on, comma-separated (http://127.0.0.1:9001,http://127.0.0.1:9002); empty: the coordinator runs every task itself."),
        NODE_SCHEDULER_INCLUDE_COORDINATOR("node-scheduler.include-coordinator", "true", "Whether the coordinator also runs tasks when it has workers (it always does when it has none)."),
        NODE_SCHEDULER_LIVENESS_INTERVAL("node-scheduler.liveness-interval", "1s", "How often the coordinator checks each worker with GET /v1/info."),
        NODE_SCHEDULER_LIVENESS_FAILURES("node-scheduler.liveness-failures", "3", "How many checks of a worker in a row must fail before it is UNREACHABLE and gets no new tasks.");

        private final String key;
        private final Optional<String> defaultValue;
        private final String description;

        Property(String key, String defaultValue, String description)
        {
            this.key = key;
            this.defaultValue = Optional.ofNullable(defaultValue);
            this.description = description;
        }

        public String key()
        {
            return key;
        }

        /** The default value; empty for a required property; {@code ""} where the default is derived. */
        public Optional<String> defaultValue()
        {
            return defaultValue;
        }

        public String description()
        {
            return description;
        }
    }

    public ServerConfig
    {
        check(nodeId != null && NODE_ID.matcher(nodeId).matches(), Property.NODE_ID, nodeId, "must match " + NODE_ID.pattern());
        check(environment != null && ENVIRONMENT.matcher(environment).matches(), Property.NODE_ENVIRONMENT, environment, "must match " + ENVIRONMENT.pattern());
        check(coordinatorId != null && COORDINATOR_ID.matcher(coordinatorId).matches(), Property.COORDINATOR_ID, coordinatorId, "must match " + COORDINATOR_ID.pattern());
        check(httpHost != null && !httpHost.isBlank() && httpHost.strip().equals(httpHost), Property.HTTP_HOST, httpHost, "must be a host name or address");
        check(httpPort >= 0 && httpPort <= 65535, Property.HTTP_PORT, httpPort, "must be in [0, 65535]");
        check(httpThreads >= 1 && httpThreads <= 256, Property.HTTP_THREADS, httpThreads, "must be in [1, 256]");
        requireNonNull(maxRequestSize, "maxRequestSize is null");
        check(maxRequestSize.bytes() >= 1024 && maxRequestSize.bytes() <= Integer.MAX_VALUE, Property.MAX_REQUEST_SIZE, maxRequestSize, "must be in [1kB, 2GB)");
        requireNonNull(maxRequestHeaderSize, "maxRequestHeaderSize is null");
        check(maxRequestHeaderSize.bytes() >= 1024 && maxRequestHeaderSize.bytes() <= 64L * 1024 * 1024, Property.MAX_REQUEST_HEADER_SIZE, maxRequestHeaderSize, "must be in [1kB, 64MB]");
        check(protocolThreads >= 1 && protocolThreads <= 256, Property.PROTOCOL_THREADS, protocolThreads, "must be in [1, 256]");
        requireNonNull(clientTimeout, "clientTimeout is null");
        check(!clientTimeout.isNegative() && !clientTimeout.isZero(), Property.CLIENT_TIMEOUT, clientTimeout, "must be positive");
        requireNonNull(minExpireAge, "minExpireAge is null");
        check(!minExpireAge.isNegative(), Property.MIN_EXPIRE_AGE, minExpireAge, "must not be negative");
        check(maxHistory >= 0, Property.MAX_HISTORY, maxHistory, "must not be negative");
        check(maxQueryLength >= 1 && maxQueryLength <= 1_000_000_000, Property.MAX_QUERY_LENGTH, maxQueryLength, "must be in [1, 1000000000]");
        requireNonNull(maxMemory, "maxMemory is null");
        check(maxMemory.bytes() > 0, Property.MAX_MEMORY, maxMemory, "must be positive");
        requireNonNull(maxMemoryPerNode, "maxMemoryPerNode is null");
        requireNonNull(exchangeCompressionCodec, "exchangeCompressionCodec is null");
        check(maxMemoryPerNode.bytes() > 0, Property.MAX_MEMORY_PER_NODE, maxMemoryPerNode, "must be positive");
        check(maxWorkerThreads >= 1 && maxWorkerThreads <= 4096, Property.MAX_WORKER_THREADS, maxWorkerThreads, "must be in [1, 4096]");
        requireNonNull(taskQuantum, "taskQuantum is null");
        check(!taskQuantum.isNegative() && !taskQuantum.isZero(), Property.TASK_QUANTUM, taskQuantum, "must be positive");
        levelThresholds = List.copyOf(requireNonNull(levelThresholds, "levelThresholds is null"));
        check(levelThresholds.size() == 4, Property.LEVEL_THRESHOLDS, levelThresholds, "must be four durations, for levels 1 to 4");
        for (int i = 0; i < levelThresholds.size(); i++) {
            Duration previous = i == 0 ? Duration.ZERO : levelThresholds.get(i - 1);
            check(levelThresholds.get(i).compareTo(previous) > 0, Property.LEVEL_THRESHOLDS, levelThresholds, "must be positive and increasing");
        }
        check(levelTimeMultiplier >= 1 && !Double.isInfinite(levelTimeMultiplier), Property.LEVEL_TIME_MULTIPLIER, levelTimeMultiplier, "must be at least 1");
        requireNonNull(role, "role is null");
        workers = List.copyOf(requireNonNull(workers, "workers is null"));
        for (URI worker : workers) {
            check(isBaseUri(worker), Property.NODE_SCHEDULER_WORKERS, worker, "must be http://host:port");
        }
        check(new TreeSet<>(workers).size() == workers.size(), Property.NODE_SCHEDULER_WORKERS, workers, "lists a worker twice");
        check(role == NodeRole.COORDINATOR || workers.isEmpty(), Property.NODE_SCHEDULER_WORKERS, workers, "only a coordinator has workers; this node is a " + role.key());
        requireNonNull(livenessInterval, "livenessInterval is null");
        check(livenessInterval.toMillis() >= 1, Property.NODE_SCHEDULER_LIVENESS_INTERVAL, livenessInterval, "must be at least 1ms");
        check(livenessFailures >= 1 && livenessFailures <= 1000, Property.NODE_SCHEDULER_LIVENESS_FAILURES, livenessFailures, "must be in [1, 1000]");
    }

    /** What a node does: its {@code node.role}. */
    public enum NodeRole
    {
        COORDINATOR("coordinator"),
        WORKER("worker");

        private final String key;

        NodeRole(String key)
        {
            this.key = key;
        }

        /** The value of {@code node.role}. */
        public String key()
        {
            return key;
        }

        static NodeRole fromKey(String key)
        {
            for (NodeRole role : values()) {
                if (role.key.equals(key)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("this server runs the roles coordinator and worker only");
        }
    }

    /**
     * Reads the configuration from properties; absent properties take their defaults.
     *
     * @throws IllegalArgumentException naming the property: unknown, missing or with a bad value
     */
    public static ServerConfig fromProperties(Map<String, String> properties)
    {
        requireNonNull(properties, "properties is null");
        Map<String, Property> known = new HashMap<>();
        for (Property property : Property.values()) {
            known.put(property.key(), property);
        }
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (!known.containsKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? "unknown property: " : "unknown properties: ") + String.join(", ", unknown));
        }

        NodeRole role = read(properties, Property.NODE_ROLE, NodeRole::fromKey);
        String nodeId = read(properties, Property.NODE_ID, value -> {
            if (!NODE_ID.matcher(value).matches()) {
                throw new IllegalArgumentException("must match " + NODE_ID.pattern());
            }
            return value;
        });
        String coordinatorId = properties.containsKey(Property.COORDINATOR_ID.key())
                ? read(properties, Property.COORDINATOR_ID, Function.identity())
                : deriveCoordinatorId(nodeId);
        return new ServerConfig(
                nodeId,
                read(properties, Property.NODE_ENVIRONMENT, Function.identity()),
                coordinatorId,
                read(properties, Property.HTTP_HOST, Function.identity()),
                read(properties, Property.HTTP_PORT, Integer::parseInt),
                read(properties, Property.HTTP_THREADS, Integer::parseInt),
                read(properties, Property.MAX_REQUEST_SIZE, DataSize::parse),
                read(properties, Property.MAX_REQUEST_HEADER_SIZE, DataSize::parse),
                read(properties, Property.PROTOCOL_THREADS, Integer::parseInt),
                read(properties, Property.CLIENT_TIMEOUT, Durations::parse),
                read(properties, Property.MIN_EXPIRE_AGE, Durations::parse),
                read(properties, Property.MAX_HISTORY, Integer::parseInt),
                read(properties, Property.MAX_QUERY_LENGTH, Integer::parseInt),
                read(properties, Property.MAX_MEMORY, DataSize::parse),
                read(properties, Property.MAX_MEMORY_PER_NODE, DataSize::parse),
                read(properties, Property.EXCHANGE_COMPRESSION_CODEC, value -> CompressionCodec.valueOf(value.trim().toUpperCase(Locale.ENGLISH))),
                read(properties, Property.MAX_WORKER_THREADS, Integer::parseInt),
                read(properties, Property.TASK_QUANTUM, Durations::parse),
                read(properties, Property.LEVEL_THRESHOLDS, ServerConfig::parseDurations),
                read(properties, Property.LEVEL_TIME_MULTIPLIER, Double::parseDouble),
                role,
                read(properties, Property.NODE_SCHEDULER_WORKERS, ServerConfig::parseWorkers),
                read(properties, Property.NODE_SCHEDULER_INCLUDE_COORDINATOR, ServerConfig::parseBoolean),
                read(properties, Property.NODE_SCHEDULER_LIVENESS_INTERVAL, Durations::parse),
                read(properties, Property.NODE_SCHEDULER_LIVENESS_FAILURES, Integer::parseInt));
    }

    /** A coordinator that places tasks on workers: {@code node-scheduler.workers} lists some. */
    public boolean hasWorkers()
    {
        return !workers.isEmpty();
    }

    private static List<URI> parseWorkers(String text)
    {
        List<URI> workers = new ArrayList<>();
        if (text.isEmpty()) {
            return workers;
        }
        for (String part : text.split(",", -1)) {
            String uri = part.strip();
            if (uri.isEmpty()) {
                throw new IllegalArgumentException("has an empty entry");
            }
            try {
                // "http://host:9001/" and "http://host:9001" name the same worker
                workers.add(new URI(uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri));
            }
            catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URI: " + uri, e);
            }
        }
        return workers;
    }

    private static boolean isBaseUri(URI uri)
    {
        return "http".equals(uri.getScheme())
                && uri.getHost() != null
                && uri.getPort() > 0
                && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
    }

    private static boolean parseBoolean(String text)
    {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("must be true or false");
    }

    private static List<Duration> parseDurations(String text)
    {
        List<Duration> durations = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            durations.add(Durations.parse(part.strip()));
        }
        return durations;
    }

    /** The properties with their defaults, in declaration order: what the documentation lists. */
    public static List<Property> properties()
    {
        return List.of(Property.values());
    }

    /** {@code node.id}'s lowercase letters and digits, at most 16: the default {@code coordinator.id}. */
    static String deriveCoordinatorId(String nodeId)
    {
        StringBuilder id = new StringBuilder();
        for (char character : nodeId.toLowerCase(ENGLISH).toCharArray()) {
            if (id.length() == MAX_COORDINATOR_ID_LENGTH) {
                break;
            }
            if ((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')) {
                id.append(character);
            }
        }
        if (id.length() == 0) {
            throw new IllegalArgumentException("node.id=" + nodeId + ": has no letters or digits to derive coordinator.id from; set coordinator.id");
        }
        return id.toString();
    }

    private static <T> T read(Map<String, String> properties, Property property, Function<String, T> parser)
    {
        String value = properties.get(property.key());
        if (value == null) {
            value = property.defaultValue()
                    .orElseThrow(() -> new IllegalArgumentException("property " + property.key() + " is required"));
        }
        try {
            return parser.apply(value.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property.key() + "=" + value + ": " + e.getMessage(), e);
        }
    }

    private static void check(boolean condition, Property property, Object value, String rule)
    {
        if (!condition) {
            throw new IllegalArgumentException(property.key() + "=" + value + ": " + rule);
        }
    }

    /** The properties that reproduce this configuration through {@link #fromProperties(Map)}, in declaration order. */
    public Map<String, String> toProperties()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(Property.NODE_ID.key(), nodeId);
        properties.put(Property.NODE_ENVIRONMENT.key(), environment);
        properties.put(Property.NODE_ROLE.key(), role.key());
        properties.put(Property.COORDINATOR_ID.key(), coordinatorId);
        properties.put(Property.HTTP_HOST.key(), httpHost);
        properties.put(Property.HTTP_PORT.key(), String.valueOf(httpPort));
        properties.put(Property.HTTP_THREADS.key(), String.valueOf(httpThreads));
        properties.put(Property.MAX_REQUEST_SIZE.key(), maxRequestSize.toString());
        properties.put(Property.MAX_REQUEST_HEADER_SIZE.key(), maxRequestHeaderSize.toString());
        properties.put(Property.PROTOCOL_THREADS.key(), String.valueOf(protocolThreads));
        properties.put(Property.CLIENT_TIMEOUT.key(), formatExactly(clientTimeout));
        properties.put(Property.MIN_EXPIRE_AGE.key(), formatExactly(minExpireAge));
        properties.put(Property.MAX_HISTORY.key(), String.valueOf(maxHistory));
        properties.put(Property.MAX_QUERY_LENGTH.key(), String.valueOf(maxQueryLength));
        properties.put(Property.MAX_MEMORY.key(), maxMemory.toString());
        properties.put(Property.MAX_MEMORY_PER_NODE.key(), maxMemoryPerNode.toString());
        properties.put(Property.EXCHANGE_COMPRESSION_CODEC.key(), exchangeCompressionCodec.name());
        properties.put(Property.MAX_WORKER_THREADS.key(), String.valueOf(maxWorkerThreads));
        properties.put(Property.TASK_QUANTUM.key(), formatExactly(taskQuantum));
        properties.put(Property.LEVEL_THRESHOLDS.key(), String.join(",", levelThresholds.stream().map(ServerConfig::formatExactly).toList()));
        properties.put(Property.LEVEL_TIME_MULTIPLIER.key(), String.valueOf(levelTimeMultiplier));
        properties.put(Property.NODE_SCHEDULER_WORKERS.key(), String.join(",", workers.stream().map(URI::toString).toList()));
        properties.put(Property.NODE_SCHEDULER_INCLUDE_COORDINATOR.key(), String.valueOf(includeCoordinator));
        properties.put(Property.NODE_SCHEDULER_LIVENESS_INTERVAL.key(), formatExactly(livenessInterval));
        properties.put(Property.NODE_SCHEDULER_LIVENESS_FAILURES.key(), String.valueOf(livenessFailures));
        return properties;
    }

    private static String formatExactly(Duration duration)
    {
        if (duration.toNanosPart() == 0) {
            return duration.toSeconds() + "s";
        }
        if (duration.toNanosPart() % 1_000_000 == 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toNanos() + "ns";
    }
}
