package io.strata.core.execution.expression;

import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.DoubleArrayBlock;
import io.strata.spi.block.Int128ArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.util.Arrays;

import static io.strata.core.execution.expression.Blocks.rawNulls;
import static java.util.Objects.requireNonNull;

/**
 * CAST and TRY_CAST kernels: primitive loops for the numeric pairs queries use in their hot paths
 * (integer widening and narrowing, integers to decimal and double, decimal rescaling, decimal to double),
 * and a boxed per-row path through {@link CastValues} for text and booleans. A row the fast loop cannot
 * convert goes through {@link CastValues} too, which gives the exact error; TRY_CAST turns the error into
 * a null.
 */
final class CastKernels
{
    private static final double[] DOUBLE_POWERS_OF_TEN = new double[19];

    static {
        for (int i = 0; i < DOUBLE_POWERS_OF_TEN.length; i++) {
            DOUBLE_POWERS_OF_TEN[i] = DecimalMath.powerOfTen(i);
        }
    }

    private CastKernels() {}

    static UnaryKernel kernel(Type from, Type to, boolean nullOnFailure)
    {
        if (from instanceof UnknownType) {
            return (input, positionCount) -> Blocks.nullBlock(to, positionCount);
        }
        if (from.equals(to) || (from instanceof VarcharType && to instanceof VarcharType && ((VarcharType) to).isUnbounded()) || ScalarCasts.isIdentity(from, to)) {
            return (input, positionCount) -> input;
        }
        if (from.layout().isNested() || to.layout().isNested()) {
            return NestedCasts.kernel(from, to, nullOnFailure);
        }
        if (!CastValues.isSupported(from, to)) {
            throw CastValues.unsupported(from, to);
        }
        return new CastKernel(from, to, nullOnFailure);
    }

    private static final class CastKernel
            implements UnaryKernel
    {
        private final Type from;
        private final Type to;
        private final boolean nullOnFailure;

        CastKernel(Type from, Type to, boolean nullOnFailure)
        {
            this.from = requireNonNull(from, "from is null");
            this.to = requireNonNull(to, "to is null");
            this.nullOnFailure = nullOnFailure;
        }

        @Override
        public Block apply(Block input, int positionCount)
        {
            boolean integral = from instanceof IntegerType || from instanceof BigintType;
            if (from instanceof IntegerType && to instanceof BigintType) {
                int[] values = ((IntArrayBlock) input).rawValues();
                long[] out = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    out[i] = values[i];
                }
                return new LongArrayBlock(positionCount, rawNulls(input), out);
            }
            if (integral && to instanceof DoubleType) {
                double[] out = new double[positionCount];
                if (input instanceof IntArrayBlock) {
                    int[] values = ((IntArrayBlock) input).rawValues();
                    for (int i = 0; i < positionCount; i++) {
                        out[i] = values[i];
                    }
                }
                else {
                    long[] values = ((LongArrayBlock) input).rawValues();
                    for (int i = 0; i < positionCount; i++) {
                        out[i] = values[i];
                    }
                }
                return new DoubleArrayBlock(positionCount, rawNulls(input), out);
            }
            if (from instanceof BigintType && to instanceof IntegerType) {
                return bigintToInteger(input, positionCount);
            }
            if (integral && to instanceof DecimalType) {
                return integralToDecimal(input, positionCount, (DecimalType) to);
            }
            if (from instanceof DecimalType && to instanceof DecimalType) {
                return decimalToDecimal(input, positionCount, (DecimalType) from, (DecimalType) to);
            }
            if (from instanceof DecimalType && to instanceof DoubleType && ((DecimalType) from).isShort()) {
                long[] values = ((LongArrayBlock) input).rawValues();
                double divisor = DOUBLE_POWERS_OF_TEN[((DecimalType) from).scale()];
                double[] out = new double[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    out[i] = values[i] / divisor;
                }
                return new DoubleArrayBlock(positionCount, rawNulls(input), out);
            }
            return generic(input, positionCount);
        }

        private Block bigintToInteger(Block input, int positionCount)
        {
            long[] values = ((LongArrayBlock) input).rawValues();
            NullMarker nulls = new NullMarker(rawNulls(input), positionCount);
            int[] out = new int[positionCount];
            for (int i = 0; i < positionCount; i++) {
                long value = values[i];
                if (value != (int) value) {
                    if (!nulls.isInputNull(i)) {
                        slowCast(input, i);
                        nulls.mark(i);
                    }
                    continue;
                }
                out[i] = (int) value;
            }
            return new IntArrayBlock(positionCount, nulls.nulls(), out);
        }

        private Block integralToDecimal(Block input, int positionCount, DecimalType target)
        {
            long[] values;
            if (input instanceof IntArrayBlock) {
                int[] ints = ((IntArrayBlock) input).rawValues();
                values = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    values[i] = ints[i];
                }
            }
            else {
                values = ((LongArrayBlock) input).rawValues();
            }
            NullMarker nulls = new NullMarker(rawNulls(input), positionCount);
            int integerDigits = target.precision() - target.scale();
            if (target.isShort()) {
                long limit = DecimalMath.powerOfTen(integerDigits);
                long multiplier = DecimalMath.powerOfTen(target.scale());
                long[] out = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    long value = values[i];
                    if (value >= limit || value <= -limit) {
                        if (!nulls.isInputNull(i)) {
                            slowCast(input, i);
                            nulls.mark(i);
                        }
                        continue;
                    }
                    out[i] = value * multiplier;
                }
                return new LongArrayBlock(positionCount, nulls.nulls(), out);
            }
            long[] out = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                if (Int128Math.rescaleUp(values[i] >> 63, values[i], target.scale(), out, i)
                        || Int128Math.exceedsPrecision(out[2 * i], out[2 * i + 1], target.precision())) {
                    out[2 * i] = 0;
                    out[2 * i + 1] = 0;
                    if (!nulls.isInputNull(i)) {
                        slowCast(input, i);
                        nulls.mark(i);
                    }
                }
            }
            return new Int128ArrayBlock(positionCount, nulls.nulls(), out);
        }

        private Block decimalToDecimal(Block input, int positionCount, DecimalType source, DecimalType target)
        {
            NullMarker nulls = new NullMarker(rawNulls(input), positionCount);
            int scaleDifference = target.scale() - source.scale();
            if (source.isShort() && target.isShort() && scaleDifference >= 0) {
                long[] values = ((LongArrayBlock) input).rawValues();
                long multiplier = DecimalMath.powerOfTen(scaleDifference);
                long limit = DecimalMath.powerOfTen(target.precision());
                long[] out = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    long value = values[i] * multiplier;
                    boolean overflow = Math.multiplyHigh(values[i], multiplier) != (value >> 63) || value >= limit || value <= -limit;
                    if (overflow) {
                        if (!nulls.isInputNull(i)) {
                            slowCast(input, i);
                            nulls.mark(i);
                        }
                        continue;
                    }
                    out[i] = value;
                }
                return new LongArrayBlock(positionCount, nulls.nulls(), out);
            }
            long[] values = DecimalKernels.toInt128(input, positionCount);
            long[] wide = new long[positionCount * 2];
            for (int i = 0; i < positionCount; i++) {
                boolean overflow;
                if (scaleDifference >= 0) {
                    overflow = Int128Math.rescaleUp(values[2 * i], values[2 * i + 1], scaleDifference, wide, i);
                }
                else {
                    Int128Math.rescaleDownRoundHalfUp(values[2 * i], values[2 * i + 1], -scaleDifference, wide, i);
                    overflow = false;
                }
                if (overflow || Int128Math.exceedsPrecision(wide[2 * i], wide[2 * i + 1], target.precision())) {
                    wide[2 * i] = 0;
                    wide[2 * i + 1] = 0;
                    if (!nulls.isInputNull(i)) {
                        slowCast(input, i);
                        nulls.mark(i);
                    }
                }
            }
            if (target.isShort()) {
                long[] out = new long[positionCount];
                for (int i = 0; i < positionCount; i++) {
                    out[i] = wide[2 * i + 1];
                }
                return new LongArrayBlock(positionCount, nulls.nulls(), out);
            }
            return new Int128ArrayBlock(positionCount, nulls.nulls(), wide);
        }

        private Block generic(Block input, int positionCount)
        {
            BlockBuilder builder = to.createBlockBuilder(positionCount);
            for (int i = 0; i < positionCount; i++) {
                if (input.isNull(i)) {
                    builder.appendNull();
                    continue;
                }
                builder.appendValue(slowCast(input, i));
            }
            return builder.build();
        }

        /**
         * The cast of one row through the reference path: its value, or null under TRY_CAST when it fails.
         *
         * @throws StrataException when the row fails under CAST
         */
        private Object slowCast(Block input, int position)
        {
            try {
                return CastValues.cast(from.getValue(input, position), from, to);
            }
            catch (StrataException e) {
                if (nullOnFailure) {
                    return null;
                }
                throw e;
            }
        }
    }

    /** The nulls of a kernel's output: the input's, plus rows TRY_CAST turned into nulls (copied on first write). */
    private static final class NullMarker
    {
        private final boolean[] inputNulls;
        private final int positionCount;
        private boolean[] nulls;

        NullMarker(boolean[] inputNulls, int positionCount)
        {
            this.inputNulls = inputNulls;
            this.positionCount = positionCount;
        }

        boolean isInputNull(int position)
        {
            return inputNulls != null && inputNulls[position];
        }

        void mark(int position)
        {
            if (nulls == null) {
                nulls = inputNulls == null ? new boolean[positionCount] : Arrays.copyOf(inputNulls, positionCount);
            }
            nulls[position] = true;
        }

        boolean[] nulls()
        {
            return nulls != null ? nulls : inputNulls;
        }
    }
}
