package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A literal, as a block of the value repeated. The last block made is kept (blocks are immutable, so sharing
 * it between threads is safe), so a page size seen again costs nothing.
 */
final class ConstantBlockEvaluator
        implements BlockEvaluator
{
    private final Type type;
    private final Object value;
    private volatile Block cached;

    ConstantBlockEvaluator(Type type, Object value)
    {
        this.type = requireNonNull(type, "type is null");
        this.value = value;
    }

    Object value()
    {
        return value;
    }

    @Override
    public Type type()
    {
        return type;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        Block block = cached;
        if (block != null && block.positionCount() == positions.size()) {
            return block;
        }
        block = Blocks.constantBlock(type, value, positions.size());
        cached = block;
        return block;
    }
}
