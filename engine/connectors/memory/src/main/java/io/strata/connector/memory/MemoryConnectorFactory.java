package io.strata.connector.memory;

import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code connector.name=memory}. Catalog properties: {@value MemoryConfig#MAX_DATA_PER_NODE} (default 1GB) and
 * {@value MemoryConfig#SPLITS_PER_NODE} (default {@value MemoryConfig#DEFAULT_SPLITS_PER_NODE}).
 */
public final class MemoryConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "memory";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties)
    {
        requireNonNull(catalogName, "catalogName is null");
        return new MemoryConnector(catalogName, MemoryConfig.fromProperties(properties));
    }
}
