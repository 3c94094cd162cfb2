package io.strata.server.info;

import io.strata.protocol.ServerInfo;
import io.strata.server.http.HttpResponse;
import io.strata.server.http.JsonCodec;
import io.strata.server.http.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What load balancers, gateways and drivers ask a node about itself:
 * <ul>
 * <li>{@code GET /v1/info}: {@link ServerInfo} (version, environment, coordinator, starting, uptime as an
 * airlift duration, coordinatorId of a coordinator, nodeId, state); the drivers parse the version's first two
 * dot-separated parts as numbers;
 * <li>{@code GET /v1/info/state}: {@code "ACTIVE"}, or {@code "SHUTTING_DOWN"} once closing began;
 * <li>{@code GET /v1/info/coordinator}: 200 on a coordinator, 404 on a worker (as Presto).
 * </ul>
 */
public final class InfoResource
{
    /** A node's lifecycle as {@code /v1/info/state} reports it. */
    public enum NodeState
    {
        STARTING, ACTIVE, SHUTTING_DOWN
    }

    private static final Pattern MAJOR_MINOR_SUFFIX = Pattern.compile("(\\d+)\\.(\\d+)(-.*)?");

    private final String version;
    private final String environment;
    private final String nodeId;
    private final Optional<String> coordinatorId;
    private final JsonCodec json;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final AtomicReference<NodeState> state = new AtomicReference<>(NodeState.STARTING);

    /**
     * @param coordinatorId the query id suffix of a coordinator; empty on a worker, which makes the node report
     * {@code coordinator: false}
     */
    public InfoResource(String version, String environment, String nodeId, Optional<String> coordinatorId, JsonCodec json, LongSupplier nanoTime)
    {
        this.version = requireNonNull(version, "version is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.nodeId = requireNonNull(nodeId, "nodeId is null");
        this.coordinatorId = requireNonNull(coordinatorId, "coordinatorId is null");
        this.json = requireNonNull(json, "json is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.startNanos = nanoTime.getAsLong();
    }

    public void register(Router router)
    {
        router.add("GET", "/v1/info", request -> CompletableFuture.completedFuture(json.jsonResponse(200, serverInfo())));
        router.add("GET", "/v1/info/state", request -> CompletableFuture.completedFuture(json.jsonResponse(200, state.get().name())));
        router.add("GET", "/v1/info/coordinator", request -> CompletableFuture.completedFuture(
                coordinatorId.isPresent() ? HttpResponse.ok() : HttpResponse.text(404, "This node is not a coordinator")));
    }

    /** Moves STARTING to ACTIVE: the node serves queries. */
    public void markActive()
    {
        state.compareAndSet(NodeState.STARTING, NodeState.ACTIVE);
    }

    public void markShuttingDown()
    {
        state.set(NodeState.SHUTTING_DOWN);
    }

    public NodeState state()
    {
        return state.get();
    }

    public ServerInfo serverInfo()
    {
        Duration uptime = Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - startNanos));
        NodeState currentState = state.get();
        return new ServerInfo(
                new ServerInfo.NodeVersion(version),
                environment,
                coordinatorId.isPresent(),
                currentState == NodeState.STARTING,
                Optional.of(ServerInfo.formatDuration(uptime)),
                coordinatorId,
                Optional.of(nodeId),
                Optional.of(currentState.name()));
    }

    /**
     * This build's version for {@code nodeVersion.version}: the project version, with a {@code .0} patch part
     * added to a bare {@code major.minor} ({@code 0.1-SNAPSHOT} becomes {@code 0.1.0-SNAPSHOT}), since the
     * drivers split on dots and read {@code 1-SNAPSHOT} as minor version 0.
     */
    public static String buildVersion()
    {
        Properties properties = new Properties();
        try (InputStream input = InfoResource.class.getResourceAsStream("/io/strata/server/strata-version.properties")) {
            if (input == null) {
                return "0.0.0-unknown";
            }
            properties.load(input);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return driverSafeVersion(properties.getProperty("version", "0.0.0-unknown"));
    }

    static String driverSafeVersion(String version)
    {
        Matcher matcher = MAJOR_MINOR_SUFFIX.matcher(version);
        if (matcher.matches()) {
            return matcher.group(1) + "." + matcher.group(2) + ".0" + (matcher.group(3) == null ? "" : matcher.group(3));
        }
        return version;
    }
}
