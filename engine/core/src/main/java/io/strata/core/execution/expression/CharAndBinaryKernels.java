package io.strata.core.execution.expression;

import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.CharType;
import io.strata.spi.type.Type;

import java.util.Arrays;

/**
 * {@code length} of {@code char(n)} (always n, as Presto counts the padding) and of {@code varbinary} (bytes).
 */
final class CharAndBinaryKernels
{
    private CharAndBinaryKernels() {}

    static UnaryKernel length(Type type)
    {
        if (type instanceof CharType charType) {
            long length = charType.length();
            return (input, positionCount) -> {
                long[] out = new long[positionCount];
                Arrays.fill(out, length);
                return new LongArrayBlock(positionCount, Blocks.rawNulls(input), out);
            };
        }
        return (input, positionCount) -> {
            int[] offsets = ((VariableWidthBlock) input).rawOffsets();
            long[] out = new long[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = offsets[i + 1] - offsets[i];
            }
            return new LongArrayBlock(positionCount, Blocks.rawNulls(input), out);
        };
    }
}
