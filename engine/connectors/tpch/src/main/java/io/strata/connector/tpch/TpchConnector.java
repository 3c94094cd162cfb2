package io.strata.connector.tpch;

import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSplitManager;

import static java.util.Objects.requireNonNull;

/**
 * A tpch catalog. Stateless apart from its configuration: every part is immutable and thread-safe.
 */
public final class TpchConnector
        implements Connector
{
    private final TpchMetadata metadata = new TpchMetadata();
    private final TpchSplitManager splitManager;
    private final TpchPageSourceProvider pageSourceProvider = new TpchPageSourceProvider();

    public TpchConnector(TpchConfig config)
    {
        requireNonNull(config, "config is null");
        this.splitManager = new TpchSplitManager(config.splitsPerNode());
    }

    @Override
    public ConnectorMetadata metadata()
    {
        return metadata;
    }

    @Override
    public ConnectorSplitManager splitManager()
    {
        return splitManager;
    }

    @Override
    public ConnectorPageSourceProvider pageSourceProvider()
    {
        return pageSourceProvider;
    }
}
