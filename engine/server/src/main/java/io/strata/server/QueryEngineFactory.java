package io.strata.server;

import io.strata.core.execution.QueryEngine;
import io.strata.core.metadata.CatalogManager;
import io.strata.server.config.ServerConfig;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Creates the coordinator's {@link QueryEngine} over its catalogs. {@link CoordinatorServices} closes the
 * engine at shutdown if it is {@link AutoCloseable}.
 */
@FunctionalInterface
public interface QueryEngineFactory
{
    /**
     * @param baseUri this coordinator's own {@code http://host:port}, which remote tasks reach it by; known only
     * once the HTTP server is bound, after the engine is created ({@code http-server.http.port=0} picks the port
     * then), so call it when a query runs, never here
     */
    QueryEngine create(ServerConfig config, CatalogManager catalogManager, Supplier<URI> baseUri);
}
