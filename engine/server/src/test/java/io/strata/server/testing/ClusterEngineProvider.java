package io.strata.server.testing;

import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.TestingEngineProvider;
import io.strata.spi.connector.ConnectorFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the engine's SQL suites (from the core test jar) on a {@link TestingCluster} of a coordinator and two
 * workers. System property {@code strata.test.session}, {@code name=value,...}, adds session properties to every
 * query (the build runs the suites once with partitioned and once with broadcast joins).
 */
public final class ClusterEngineProvider
        implements TestingEngineProvider
{
    @Override
    public Engine create(List<ConnectorFactory> factories, Map<String, Map<String, String>> catalogs, TaskManagerConfig config)
    {
        // the servers load the connectors they know by name (tpch, memory), as the launcher does
        TestingCluster cluster = TestingCluster.start(2, catalogs, sessionProperties(System.getProperty("strata.test.session", "")),
                Map.of("query.max-memory-per-node", config.maxQueryMemoryPerNodeBytes() + "B"));
        return new Engine(cluster.catalogManager(), cluster.queryEngine(), cluster);
    }

    private static Map<String, String> sessionProperties(String text)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                String[] parts = entry.split("=", 2);
                properties.put(parts[0].trim(), parts[1].trim());
            }
        }
        return properties;
    }
}
