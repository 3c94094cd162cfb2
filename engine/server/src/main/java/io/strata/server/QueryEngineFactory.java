package io.strata.server;

import io.strata.core.execution.QueryEngine;
import io.strata.core.metadata.CatalogManager;
import io.strata.server.config.ServerConfig;

/**
 * Creates the coordinator's {@link QueryEngine} over its catalogs. {@link CoordinatorServices} closes the
 * engine at shutdown if it is {@link AutoCloseable}.
 */
@FunctionalInterface
public interface QueryEngineFactory
{
    QueryEngine create(ServerConfig config, CatalogManager catalogManager);
}
