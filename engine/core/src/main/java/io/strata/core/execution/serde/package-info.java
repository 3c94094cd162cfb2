/**
 * The wire form of pages between tasks: {@link io.strata.core.execution.serde.PagesSerde} turns a
 * {@link io.strata.spi.block.Page} into a self-describing, checksummed and optionally compressed byte string
 * and back, and frames many of them into one HTTP response body. Takes pages from output buffers, hands
 * bytes to the exchange's HTTP layer (and the reverse on the reading side).
 */
package io.strata.core.execution.serde;
