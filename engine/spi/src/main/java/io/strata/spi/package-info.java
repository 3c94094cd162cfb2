/**
 * The contract between the engine and connectors: types, columnar blocks and pages, the connector SPI and the
 * one exception type carrying an error code. Minimal dependencies: Airlift Slice, Jackson annotations, protocol.
 */
package io.strata.spi;
