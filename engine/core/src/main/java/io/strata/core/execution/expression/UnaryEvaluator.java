package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

final class UnaryEvaluator
        implements BlockEvaluator
{
    private final Type type;
    private final BlockEvaluator input;
    private final UnaryKernel kernel;

    UnaryEvaluator(Type type, BlockEvaluator input, UnaryKernel kernel)
    {
        this.type = requireNonNull(type, "type is null");
        this.input = requireNonNull(input, "input is null");
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public Type type()
    {
        return type;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        return kernel.apply(input.evaluate(context, positions), positions.size());
    }
}
