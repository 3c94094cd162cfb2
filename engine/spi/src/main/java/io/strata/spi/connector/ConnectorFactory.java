package io.strata.spi.connector;

import java.util.Map;

/**
 * Creates connectors of one kind; registered in {@code META-INF/services/io.strata.spi.connector.ConnectorFactory}.
 * A catalog file {@code etc/catalog/NAME.properties} with {@code connector.name=} this factory's name creates one.
 */
public interface ConnectorFactory
{
    /** The value of {@code connector.name} that selects this factory. */
    String name();

    /**
     * @param catalogName the catalog the connector serves
     * @param properties the catalog file's properties other than {@code connector.name}; an unknown or
     * invalid one is an {@link IllegalArgumentException} naming the property
     */
    Connector create(String catalogName, Map<String, String> properties);
}
