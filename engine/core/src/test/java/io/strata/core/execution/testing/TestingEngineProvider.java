package io.strata.core.execution.testing;

import io.strata.core.execution.QueryEngine;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.metadata.CatalogManager;
import io.strata.spi.connector.ConnectorFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static java.util.Objects.requireNonNull;

/**
 * Where the SQL test engines ({@link TestingQueryRunner}, {@code TestingSqlEngine}) get their engine when one is
 * registered as a service: a module further up (the server's tests) registers a cluster of a coordinator and
 * workers, and runs this module's SQL suites on it unchanged. Without a registration the engines run in this JVM
 * as a cluster of one.
 */
public interface TestingEngineProvider
{
    /** An engine over the catalogs whose nodes run tasks as {@code config} says; closing it stops whatever it started. */
    Engine create(List<ConnectorFactory> factories, Map<String, Map<String, String>> catalogs, TaskManagerConfig config);

    /** The registered provider, if any. */
    static Optional<TestingEngineProvider> load()
    {
        return ServiceLoader.load(TestingEngineProvider.class).findFirst();
    }

    /** The coordinator's catalogs and its engine. */
    record Engine(CatalogManager catalogManager, QueryEngine queryEngine, AutoCloseable resources)
            implements AutoCloseable
    {
        public Engine
        {
            requireNonNull(catalogManager, "catalogManager is null");
            requireNonNull(queryEngine, "queryEngine is null");
            requireNonNull(resources, "resources is null");
        }

        @Override
        public void close()
                throws Exception
        {
            resources.close();
        }
    }
}
