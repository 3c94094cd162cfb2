package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates both operands over the same positions, then applies the kernel chosen at compile time.
 */
final class BinaryEvaluator
        implements BlockEvaluator
{
    private final Type type;
    private final BlockEvaluator left;
    private final BlockEvaluator right;
    private final BinaryKernel kernel;

    BinaryEvaluator(Type type, BlockEvaluator left, BlockEvaluator right, BinaryKernel kernel)
    {
        this.type = requireNonNull(type, "type is null");
        this.left = requireNonNull(left, "left is null");
        this.right = requireNonNull(right, "right is null");
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
        Block leftBlock = left.evaluate(context, positions);
        Block rightBlock = right.evaluate(context, positions);
        return kernel.apply(leftBlock, rightBlock, positions.size());
    }
}
