package io.strata.launcher.acceptance;

import io.strata.protocol.Dialect;
import io.strata.server.CoordinatorServices;
import io.strata.server.config.ServerConfig;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One coordinator in this JVM on a free loopback port, with the {@code tpch} and {@code memory} catalogs, started through the same
 * composition root as the real process ({@link CoordinatorServices}). Small thread pools: the suite shares two
 * cores with everything else. Share one per test class.
 */
public final class TestingCoordinator
        implements AutoCloseable
{
    public static final String CATALOG = "tpch";
    public static final String SCHEMA = "tiny";
    /** The suffix of this coordinator's query ids. */
    public static final String COORDINATOR_ID = "acceptance";
    public static final String ENVIRONMENT = "acceptance";

    private final CoordinatorServices services;
    private final URI baseUri;

    private TestingCoordinator(CoordinatorServices services)
    {
        this.services = requireNonNull(services, "services is null");
        this.baseUri = URI.create(services.baseUri().toString());
    }

    public static TestingCoordinator start()
    {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("node.id", "acceptance-coordinator");
        properties.put("node.environment", ENVIRONMENT);
        properties.put("coordinator.id", COORDINATOR_ID);
        properties.put("http-server.http.host", "127.0.0.1");
        properties.put("http-server.http.port", "0");
        properties.put("http-server.threads.max", "2");
        properties.put("protocol.v1.threads", "2");
        properties.put("task.max-worker-threads", "2");
        properties.put("query.max-memory-per-node", "256MB");
        Map<String, Map<String, String>> catalogs = Map.of(CATALOG, Map.of("connector.name", "tpch"), "memory", Map.of("connector.name", "memory"));
        return new TestingCoordinator(CoordinatorServices.start(ServerConfig.fromProperties(properties), catalogs));
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri()
    {
        return baseUri;
    }

    /** The URI of a path on this coordinator, e.g. {@code /v1/statement}. */
    public URI uri(String path)
    {
        return baseUri.resolve(path);
    }

    /** {@code jdbc:presto://127.0.0.1:PORT/tpch/tiny} or {@code jdbc:trino://...}: the stock driver's URL. */
    public String jdbcUrl(Dialect dialect)
    {
        return jdbcUrl(dialect, baseUri.getHost() + ":" + baseUri.getPort());
    }

    /** The stock driver's URL with no catalog and schema: the session starts with neither. */
    public String jdbcUrlWithoutCatalog(Dialect dialect)
    {
        return "jdbc:" + dialect.protocolName().toLowerCase(Locale.ENGLISH) + "://" + baseUri.getHost() + ":" + baseUri.getPort();
    }

    /** The stock driver's URL for {@code tpch.tiny} at another address, e.g. a proxy's. */
    public static String jdbcUrl(Dialect dialect, String hostAndPort)
    {
        return "jdbc:" + dialect.protocolName().toLowerCase(Locale.ENGLISH) + "://" + hostAndPort + "/" + CATALOG + "/" + SCHEMA;
    }

    @Override
    public void close()
    {
        try {
            services.close();
        }
        catch (Exception e) {
            throw new IllegalStateException("coordinator did not close cleanly", e);
        }
    }
}
