package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * The body of {@code GET /v1/info}: {@code {nodeVersion: {version}, environment, coordinator, starting,
 * uptime, coordinatorId, nodeId, state}}. Load balancers and gateways treat a node as healthy when it answers and is not
 * {@code starting} (a resource manager always reports {@code starting}); the drivers read the version.
 * {@code coordinatorId}, Strata's addition, is the suffix of the query ids a coordinator issues, so that a
 * router can send a query's follow-up requests to it without probing. {@code nodeId} (as Trino writes it) is the
 * node's {@code node.id}, and {@code state} (Strata's addition) what {@code /v1/info/state} says
 * ({@code STARTING}, {@code ACTIVE}, {@code SHUTTING_DOWN}): a coordinator's liveness check of its workers reads
 * both from one request.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"nodeVersion", "environment", "coordinator", "starting", "uptime", "coordinatorId", "nodeId", "state"})
public final class ServerInfo
{
    private static final String[] UNIT_NAMES = {"ns", "us", "ms", "s", "m", "h", "d"};
    private static final double[] UNIT_NANOS = {1, 1e3, 1e6, 1e9, 60e9, 3600e9, 86400e9};

    private final NodeVersion nodeVersion;
    private final String environment;
    private final boolean coordinator;
    private final boolean starting;
    private final Optional<String> uptime;
    private final Optional<String> coordinatorId;
    private final Optional<String> nodeId;
    private final Optional<String> state;

    public ServerInfo(
            NodeVersion nodeVersion,
            String environment,
            boolean coordinator,
            boolean starting,
            Optional<String> uptime,
            Optional<String> coordinatorId)
    {
        this(nodeVersion, environment, coordinator, starting, uptime, coordinatorId, Optional.empty(), Optional.empty());
    }

    public ServerInfo(
            NodeVersion nodeVersion,
            String environment,
            boolean coordinator,
            boolean starting,
            Optional<String> uptime,
            Optional<String> coordinatorId,
            Optional<String> nodeId,
            Optional<String> state)
    {
        this.nodeVersion = requireNonNull(nodeVersion, "nodeVersion is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.coordinator = coordinator;
        this.starting = starting;
        this.uptime = requireNonNull(uptime, "uptime is null");
        this.coordinatorId = requireNonNull(coordinatorId, "coordinatorId is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.state = requireNonNull(state, "state is null");
    }

    @JsonCreator
    public static ServerInfo fromJson(
            @JsonProperty("nodeVersion") NodeVersion nodeVersion,
            @JsonProperty("environment") String environment,
            @JsonProperty("coordinator") boolean coordinator,
            @JsonProperty("starting") boolean starting,
            @JsonProperty("uptime") String uptime,
            @JsonProperty("coordinatorId") String coordinatorId,
            @JsonProperty("nodeId") String nodeId,
            @JsonProperty("state") String state)
    {
        return new ServerInfo(nodeVersion, environment, coordinator, starting, Optional.ofNullable(uptime), Optional.ofNullable(coordinatorId),
                Optional.ofNullable(nodeId), Optional.ofNullable(state));
    }

    @JsonProperty("nodeVersion")
    public NodeVersion nodeVersion()
    {
        return nodeVersion;
    }

    @JsonProperty("environment")
    public String environment()
    {
        return environment;
    }

    @JsonProperty("coordinator")
    public boolean coordinator()
    {
        return coordinator;
    }

    @JsonProperty("starting")
    public boolean starting()
    {
        return starting;
    }

    /**
     * How long the node has run, as an airlift duration string ({@code "1.00m"}), see
     * {@link #formatDuration(Duration)}. Written as {@code null} when unknown: the drivers reject a missing one.
     */
    @JsonProperty("uptime")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Optional<String> uptime()
    {
        return uptime;
    }

    @JsonProperty("coordinatorId")
    public Optional<String> coordinatorId()
    {
        return coordinatorId;
    }

    @JsonProperty("nodeId")
    public Optional<String> nodeId()
    {
        return nodeId;
    }

    @JsonProperty("state")
    public Optional<String> state()
    {
        return state;
    }

    /**
     * A duration the way airlift writes it and the drivers parse it: the largest unit in which the value is
     * at least 1, two decimals, e.g. {@code 12.50s}, {@code 1.00m}, {@code 3.25d}.
     */
    public static String formatDuration(Duration duration)
    {
        requireNonNull(duration, "duration is null");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration is negative: " + duration);
        }
        double nanos = duration.getSeconds() * 1e9 + duration.getNano();
        int unit = 0;
        // fuzzy, as airlift: powers of ten are inexact in binary
        while (unit + 1 < UNIT_NANOS.length && nanos / UNIT_NANOS[unit + 1] > 0.9999) {
            unit++;
        }
        return String.format(ENGLISH, "%.2f%s", nanos / UNIT_NANOS[unit], UNIT_NAMES[unit]);
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ServerInfo)) {
            return false;
        }
        ServerInfo that = (ServerInfo) other;
        return coordinator == that.coordinator &&
                starting == that.starting &&
                nodeVersion.equals(that.nodeVersion) &&
                environment.equals(that.environment) &&
                uptime.equals(that.uptime) &&
                coordinatorId.equals(that.coordinatorId) &&
                nodeId.equals(that.nodeId) &&
                state.equals(that.state);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(nodeVersion, environment, coordinator, starting, uptime, coordinatorId, nodeId, state);
    }

    @Override
    public String toString()
    {
        return "ServerInfo{" + nodeVersion + ", " + environment +
                (coordinator ? ", coordinator" : "") +
                (starting ? ", starting" : "") +
                coordinatorId.map(id -> ", coordinatorId " + id).orElse("") +
                nodeId.map(id -> ", nodeId " + id).orElse("") +
                state.map(value -> ", " + value).orElse("") + "}";
    }

    /** {@code {version}}; drivers split the version on '.' to report major and minor numbers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class NodeVersion
    {
        private final String version;

        @JsonCreator
        public NodeVersion(@JsonProperty("version") String version)
        {
            this.version = requireNonNull(version, "version is null");
        }

        @JsonProperty("version")
        public String version()
        {
            return version;
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof NodeVersion && version.equals(((NodeVersion) other).version);
        }

        @Override
        public int hashCode()
        {
            return version.hashCode();
        }

        @Override
        public String toString()
        {
            return version;
        }
    }
}
