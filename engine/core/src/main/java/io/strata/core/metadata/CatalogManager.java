package io.strata.core.metadata;

import io.strata.core.connector.system.RuntimeNodes;
import io.strata.core.connector.system.RuntimeQueries;
import io.strata.core.connector.system.SystemTablesConnector;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * The catalogs of a node: name to connector, created from catalog properties with the connector factories
 * found by {@link ServiceLoader}. Catalogs are registered at start and never change while running. Catalog
 * {@code system} is always there, and every catalog's connector comes wrapped so that it also serves its
 * {@code information_schema} ({@link SystemTablesConnector}).
 */
public final class CatalogManager
{
    private final Map<String, ConnectorFactory> factories;
    private final Map<String, Connector> catalogs = new TreeMap<>();
    private final AtomicReference<RuntimeQueries> runtimeQueries = new AtomicReference<>(RuntimeQueries.NONE);
    private final AtomicReference<RuntimeNodes> runtimeNodes = new AtomicReference<>(RuntimeNodes.NONE);

    public CatalogManager()
    {
        this(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public CatalogManager(List<ConnectorFactory> factories)
    {
        Map<String, ConnectorFactory> byName = new HashMap<>();
        for (ConnectorFactory factory : requireNonNull(factories, "factories is null")) {
            if (byName.put(factory.name(), factory) != null) {
                throw new IllegalStateException("two connector factories are named " + factory.name());
            }
        }
        this.factories = Map.copyOf(byName);
        // the system catalog reads the other catalogs through this manager, only when queried: after construction
        catalogs.put(SystemTablesConnector.SYSTEM_CATALOG, SystemTablesConnector.systemCatalog(this, runtimeQueries::get, runtimeNodes::get));
    }

    /** Where {@code system.runtime.queries} reads the coordinator's queries from (none until this is called). */
    public void setRuntimeQueries(RuntimeQueries queries)
    {
        runtimeQueries.set(requireNonNull(queries, "queries is null"));
    }

    /** Where {@code system.runtime.nodes} reads the coordinator's nodes from (none until this is called). */
    public void setRuntimeNodes(RuntimeNodes nodes)
    {
        runtimeNodes.set(requireNonNull(nodes, "nodes is null"));
    }

    /**
     * Creates catalog {@code catalogName} from its properties, which name the connector in {@code connector.name}.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown connector, bad property)
     */
    public synchronized void createCatalog(String catalogName, Map<String, String> properties)
    {
        requireNonNull(catalogName, "catalogName is null");
        if (catalogs.containsKey(catalogName)) {
            throw new IllegalArgumentException("catalog " + catalogName + " exists already");
        }
        Map<String, String> connectorProperties = new HashMap<>(properties);
        String connectorName = connectorProperties.remove("connector.name");
        if (connectorName == null) {
            throw new IllegalArgumentException("catalog " + catalogName + ": connector.name is missing");
        }
        ConnectorFactory factory = factories.get(connectorName);
        if (factory == null) {
            throw new IllegalArgumentException("catalog " + catalogName + ": connector.name=" + connectorName + " is unknown; known: " + new TreeMap<>(factories).keySet());
        }
        Connector connector = factory.create(catalogName, Map.copyOf(connectorProperties));
        catalogs.put(catalogName, SystemTablesConnector.withInformationSchema(catalogName, connector, this));
    }

    public synchronized List<String> catalogNames()
    {
        return List.copyOf(catalogs.keySet());
    }

    public synchronized Optional<Connector> getConnector(String catalogName)
    {
        return Optional.ofNullable(catalogs.get(catalogName));
    }

    /** The catalog's connector, or a {@code CATALOG_NOT_FOUND} error. */
    public Connector requireConnector(String catalogName)
    {
        return getConnector(catalogName)
                .orElseThrow(() -> new StrataException(ErrorCode.CATALOG_NOT_FOUND, "Catalog '" + catalogName + "' does not exist"));
    }

    public synchronized void shutdown()
    {
        catalogs.values().forEach(Connector::shutdown);
    }
}
