package io.strata.core.execution.expression;

import io.strata.spi.block.Block;

/**
 * A block-at-a-time unary operation: one call per block, a primitive loop inside.
 */
@FunctionalInterface
public interface UnaryKernel
{
    Block apply(Block input, int positionCount);
}
