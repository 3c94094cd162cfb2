package io.strata.core.execution.expression;

import io.strata.spi.block.Block;

/**
 * A block-at-a-time binary operation: one call per block pair, a primitive loop inside. Both inputs are dense
 * blocks of {@code positionCount} positions; a result position is null where either input is null, unless
 * the kernel says otherwise.
 */
@FunctionalInterface
public interface BinaryKernel
{
    Block apply(Block left, Block right, int positionCount);
}
