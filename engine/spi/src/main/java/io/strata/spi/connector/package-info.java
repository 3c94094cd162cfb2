/**
 * The connector SPI: a {@link io.strata.spi.connector.ConnectorFactory} (found by ServiceLoader) creates a
 * {@link io.strata.spi.connector.Connector} per catalog, which answers metadata, hands out splits and reads
 * pages. Handles and splits are Jackson-serializable records, because later they travel to workers.
 */
package io.strata.spi.connector;
