package io.strata.connector.tpch;

import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code connector.name=tpch}. Catalog properties: {@value TpchConfig#SPLITS_PER_NODE} (default
 * {@value TpchConfig#DEFAULT_SPLITS_PER_NODE}).
 */
public final class TpchConnectorFactory
        implements ConnectorFactory
{
    public static final String NAME = "tpch";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Connector create(String catalogName, Map<String, String> properties)
    {
        requireNonNull(catalogName, "catalogName is null");
        return new TpchConnector(TpchConfig.fromProperties(properties));
    }
}
