package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

import static java.util.Objects.requireNonNull;

/**
 * A channel of the input page: the block itself over a whole page, else the selected positions gathered once
 * per evaluation.
 */
final class InputReferenceEvaluator
        implements BlockEvaluator
{
    private final int channel;
    private final Type type;

    InputReferenceEvaluator(int channel, Type type)
    {
        this.channel = channel;
        this.type = requireNonNull(type, "type is null");
    }

    int channel()
    {
        return channel;
    }

    @Override
    public Type type()
    {
        return type;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        return context.input(channel, positions);
    }
}
