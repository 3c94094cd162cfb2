/**
 * SQL types. Each type names its physical {@link io.strata.spi.type.ValueLayout}, which fixes the block class
 * that holds its values, so kernels dispatch once per block, never per row.
 */
package io.strata.spi.type;
