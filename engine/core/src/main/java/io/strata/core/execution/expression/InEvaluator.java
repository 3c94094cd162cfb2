package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.strata.core.execution.expression.Blocks.rawNulls;
import static java.util.Objects.requireNonNull;

/**
 * {@code value IN (c1, c2, ...)} over a list of constants, with the constants in a form searched by the
 * value's layout: a sorted array for integers, byte arrays for varchar. SQL semantics: null when the value
 * is null, or when it matches nothing and the list holds a null.
 */
final class InEvaluator
        implements BlockEvaluator
{
    private final BlockEvaluator value;
    private final boolean listHasNull;
    private final long[] sortedLongs;
    private final double[] doubles;
    private final long[] int128s;
    private final byte[][] slices;

    InEvaluator(BlockEvaluator value, List<Object> constants)
    {
        this.value = requireNonNull(value, "value is null");
        List<Object> nonNull = new ArrayList<>();
        boolean hasNull = false;
        for (Object constant : constants) {
            if (constant == null) {
                hasNull = true;
            }
            else {
                nonNull.add(constant);
            }
        }
        this.listHasNull = hasNull;
        long[] longs = null;
        double[] doubleValues = null;
        long[] wide = null;
        byte[][] bytes = null;
        switch (value.type().layout()) {
            case ARRAY:
            case MAP:
            case ROW:
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "This operation is not supported yet for arrays, maps and rows");
            case BYTE:
            case INT:
            case LONG:
                longs = new long[nonNull.size()];
                for (int i = 0; i < longs.length; i++) {
                    Object constant = nonNull.get(i);
                    longs[i] = constant instanceof Boolean ? (((Boolean) constant) ? 1 : 0) : ((Number) constant).longValue();
                }
                Arrays.sort(longs);
                break;
            case DOUBLE:
                doubleValues = new double[nonNull.size()];
                for (int i = 0; i < doubleValues.length; i++) {
                    doubleValues[i] = ((Number) nonNull.get(i)).doubleValue();
                }
                break;
            case INT128:
                wide = new long[nonNull.size() * 2];
                for (int i = 0; i < nonNull.size(); i++) {
                    Int128 constant = (Int128) nonNull.get(i);
                    wide[2 * i] = constant.high();
                    wide[2 * i + 1] = constant.low();
                }
                break;
            case VARIABLE_WIDTH:
                bytes = new byte[nonNull.size()][];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = ((Slice) nonNull.get(i)).getBytes();
                }
                break;
        }
        this.sortedLongs = longs;
        this.doubles = doubleValues;
        this.int128s = wide;
        this.slices = bytes;
    }

    @Override
    public Type type()
    {
        return BooleanType.BOOLEAN;
    }

    @Override
    public Block evaluate(EvaluationContext context, SelectedPositions positions)
    {
        Block block = value.evaluate(context, positions);
        int positionCount = positions.size();
        byte[] out = new byte[positionCount];
        if (block instanceof LongArrayBlock) {
            long[] values = ((LongArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (Arrays.binarySearch(sortedLongs, values[i]) >= 0 ? 1 : 0);
            }
        }
        else if (block instanceof IntArrayBlock) {
            int[] values = ((IntArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (Arrays.binarySearch(sortedLongs, values[i]) >= 0 ? 1 : 0);
            }
        }
        else if (block instanceof ByteArrayBlock) {
            byte[] values = ((ByteArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (Arrays.binarySearch(sortedLongs, values[i]) >= 0 ? 1 : 0);
            }
        }
        else if (block instanceof DoubleArrayBlock) {
            double[] values = ((DoubleArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                for (double candidate : doubles) {
                    if (values[i] == candidate) {
                        out[i] = 1;
                        break;
                    }
                }
            }
        }
        else if (block instanceof Int128ArrayBlock) {
            long[] values = ((Int128ArrayBlock) block).rawValues();
            for (int i = 0; i < positionCount; i++) {
                for (int k = 0; k < int128s.length; k += 2) {
                    if (values[2 * i] == int128s[k] && values[2 * i + 1] == int128s[k + 1]) {
                        out[i] = 1;
                        break;
                    }
                }
            }
        }
        else {
            VariableWidthBlock variableWidth = (VariableWidthBlock) block;
            byte[] data = variableWidth.rawSlice().byteArray();
            int base = variableWidth.rawSlice().byteArrayOffset();
            int[] offsets = variableWidth.rawOffsets();
            for (int i = 0; i < positionCount; i++) {
                int start = base + offsets[i];
                int end = base + offsets[i + 1];
                for (byte[] candidate : slices) {
                    if (candidate.length == end - start && Arrays.equals(data, start, end, candidate, 0, candidate.length)) {
                        out[i] = 1;
                        break;
                    }
                }
            }
        }
        boolean[] valueNulls = rawNulls(block);
        if (!listHasNull) {
            return new ByteArrayBlock(positionCount, valueNulls, out);
        }
        boolean[] nulls = new boolean[positionCount];
        for (int i = 0; i < positionCount; i++) {
            nulls[i] = out[i] == 0 || (valueNulls != null && valueNulls[i]);
        }
        return new ByteArrayBlock(positionCount, nulls, out);
    }
}
