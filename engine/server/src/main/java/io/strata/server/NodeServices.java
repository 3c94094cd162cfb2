package io.strata.server;

import io.strata.core.metadata.CatalogManager;
import io.strata.server.config.ServerConfig;
import io.strata.server.info.InfoResource;

import java.io.Closeable;
import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A running node of any role, as its composition root ({@link CoordinatorServices}, {@link WorkerServices}) shows
 * it: its configuration, catalogs, {@code /v1/info} and base URI; {@link #close()} stops it.
 */
public abstract class NodeServices
        implements Closeable
{
    private final NodeServer node;

    NodeServices(NodeServer node)
    {
        this.node = requireNonNull(node, "node is null");
    }

    public final ServerConfig config()
    {
        return node.config();
    }

    public final CatalogManager catalogManager()
    {
        return node.catalogManager();
    }

    public final InfoResource infoResource()
    {
        return node.infoResource();
    }

    /** Where other processes reach this node, e.g. {@code http://127.0.0.1:8080} (a wildcard bind gives 127.0.0.1). */
    public final URI baseUri()
    {
        return node.baseUri();
    }

    /** Reports SHUTTING_DOWN, stops serving, then stops what the node started, the last first. Idempotent. */
    @Override
    public final void close()
    {
        node.close();
    }
}
