package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates a fixed list of operands over the same positions, then combines their blocks with one
 * block-level function: {@code BETWEEN}, {@code IN} over non-constant lists, {@code NULLIF}, functions of
 * several arguments.
 */
final class FoldingEvaluator
        implements BlockEvaluator
{
    /** Combines the operands' blocks, all of {@code positionCount} positions. */
    @FunctionalInterface
    interface Combiner
    {
        Block combine(Block[] operands, int positionCount);
    }

    private final Type type;
    private final List<BlockEvaluator> operands;
    private final Combiner combiner;

    FoldingEvaluator(Type type, List<BlockEvaluator> operands, Combiner combiner)
    {
        this.type = requireNonNull(type, "type is null");
        this.operands = List.copyOf(requireNonNull(operands, "operands is null"));
        this.combiner = requireNonNull(combiner, "combiner is null");
    }

    @Override
    public Type type()
    {
        return type;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        Block[] blocks = new Block[operands.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = operands.get(i).evaluate(context, positions);
        }
        return combiner.combine(blocks, positions.size());
    }
}
