package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code a AND b AND ...} (or {@code OR}), three-valued, short-circuiting per row: each operand is evaluated
 * only over the rows the earlier operands did not decide (false for AND, true for OR), so that an operand
 * that would fail on a decided row is never run there.
 */
final class AndOrEvaluator
        implements BlockEvaluator
{
    private final boolean and;
    private final List<BlockEvaluator> operands;

    AndOrEvaluator(boolean and, List<BlockEvaluator> operands)
    {
        this.and = and;
        this.operands = List.copyOf(requireNonNull(operands, "operands is null"));
        if (this.operands.isEmpty()) {
            throw new IllegalArgumentException("no operands");
        }
    }

    @Override
    public Type type()
    {
        return BooleanType.BOOLEAN;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        int positionCount = positions.size();
        // the value that decides the result: 0 for AND, 1 for OR
        byte deciding = (byte) (and ? 0 : 1);
        byte[] values = new byte[positionCount];
        boolean[] nulls = new boolean[positionCount];
        boolean anyNull = false;
        int[] undecided = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            undecided[i] = i;
        }
        int undecidedCount = positionCount;
        for (BlockEvaluator operand : operands) {
            if (undecidedCount == 0) {
                break;
            }
            SelectedPositions operandPositions = undecidedCount == positionCount ? positions : positions.subset(undecided, undecidedCount);
            ByteArrayBlock result = (ByteArrayBlock) operand.evaluate(context, operandPositions);
            byte[] resultValues = result.rawValues();
            boolean[] resultNulls = result.rawNulls();
            int stillUndecided = 0;
            for (int j = 0; j < undecidedCount; j++) {
                int index = undecided[j];
                if (resultNulls != null && resultNulls[j]) {
                    nulls[index] = true;
                    anyNull = true;
                    undecided[stillUndecided++] = index;
                }
                else if (resultValues[j] == deciding) {
                    values[index] = deciding;
                    nulls[index] = false;
                }
                else {
                    undecided[stillUndecided++] = index;
                }
            }
            undecidedCount = stillUndecided;
        }
        byte notDeciding = (byte) (1 - deciding);
        for (int j = 0; j < undecidedCount; j++) {
            values[undecided[j]] = notDeciding;
        }
        if (anyNull) {
            for (int j = 0; j < undecidedCount; j++) {
                if (nulls[undecided[j]]) {
                    values[undecided[j]] = 0;
                }
            }
        }
        return new ByteArrayBlock(positionCount, anyNull ? nulls : null, values);
    }
}
