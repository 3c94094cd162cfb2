package io.strata.launcher.cluster;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The contents of {@code cluster.json}, which {@code cluster start} writes into the cluster's directory
 * for other processes (tests, scripts, {@code cluster stop}):
 * <pre>
 * {
 *   "coordinators" : [ "http://127.0.0.1:41517" ],
 *   "workers" : [ "http://127.0.0.1:41519" ],
 *   "resourceManagers" : [ ],
 *   "jdbcUrl" : "jdbc:strata://127.0.0.1:41517/tpch/tiny?discovery=direct",
 *   "pids" : { "worker-1" : 48190, "coordinator-1" : 48213 },
 *   "logs" : { "worker-1" : "/path/var/cluster/logs/worker-1.log", "coordinator-1" : "/path/var/cluster/logs/coordinator-1.log" }
 * }
 * </pre>
 * {@code pids} and {@code logs} are keyed by node name ({@code worker-1}, ..., {@code coordinator-1}, ...), in start
 * order: the workers first.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"coordinators", "workers", "resourceManagers", "jdbcUrl", "pids", "logs"})
public record ClusterDescriptor(
        @JsonProperty("coordinators") List<URI> coordinators,
        @JsonProperty("workers") List<URI> workers,
        @JsonProperty("resourceManagers") List<URI> resourceManagers,
        @JsonProperty("jdbcUrl") String jdbcUrl,
        @JsonProperty("pids") Map<String, Long> pids,
        @JsonProperty("logs") Map<String, String> logs)
{
    public static final String FILE_NAME = "cluster.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonCreator
    public ClusterDescriptor
    {
        coordinators = List.copyOf(requireNonNull(coordinators, "coordinators is null"));
        workers = workers == null ? List.of() : List.copyOf(workers);
        resourceManagers = resourceManagers == null ? List.of() : List.copyOf(resourceManagers);
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        pids = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(pids, "pids is null")));
        logs = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(logs, "logs is null")));
    }

    /** The JDBC URL naming these coordinators directly, default catalog {@code tpch}, schema {@code tiny}. */
    public static String jdbcUrl(List<URI> coordinators)
    {
        StringBuilder url = new StringBuilder("jdbc:strata://");
        for (int index = 0; index < coordinators.size(); index++) {
            if (index > 0) {
                url.append(',');
            }
            url.append(coordinators.get(index).getHost()).append(':').append(coordinators.get(index).getPort());
        }
        return url.append("/tpch/tiny?discovery=direct").toString();
    }

    public static ClusterDescriptor read(Path file)
    {
        try {
            return MAPPER.readValue(file.toFile(), ClusterDescriptor.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Writes the file atomically, so that a reader never sees half of it. */
    public void write(Path file)
    {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            MAPPER.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public String toJson()
    {
        try {
            return MAPPER.writeValueAsString(this);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
