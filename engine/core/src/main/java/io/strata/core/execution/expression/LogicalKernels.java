package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;

import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Three-valued logic on boolean blocks, over all positions (no short-circuit; for that see
 * {@link AndOrEvaluator}).
 */
final class LogicalKernels
{
    private LogicalKernels() {}

    /** {@code a AND b}: false if either is false, else null if either is null, else true. */
    static Block and(Block left, Block right, int positionCount)
    {
        byte[] a = ((ByteArrayBlock) left).rawValues();
        byte[] b = ((ByteArrayBlock) right).rawValues();
        boolean[] aNulls = rawNulls(left);
        boolean[] bNulls = rawNulls(right);
        byte[] out = new byte[positionCount];
        if (aNulls == null && bNulls == null) {
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (a[i] & b[i]);
            }
            return new ByteArrayBlock(positionCount, null, out);
        }
        boolean[] nulls = new boolean[positionCount];
        for (int i = 0; i < positionCount; i++) {
            boolean aNull = aNulls != null && aNulls[i];
            boolean bNull = bNulls != null && bNulls[i];
            boolean aFalse = !aNull && a[i] == 0;
            boolean bFalse = !bNull && b[i] == 0;
            if (aFalse || bFalse) {
                out[i] = 0;
            }
            else if (aNull || bNull) {
                nulls[i] = true;
            }
            else {
                out[i] = 1;
            }
        }
        return new ByteArrayBlock(positionCount, nulls, out);
    }

    /** {@code a OR b}: true if either is true, else null if either is null, else false. */
    static Block or(Block left, Block right, int positionCount)
    {
        byte[] a = ((ByteArrayBlock) left).rawValues();
        byte[] b = ((ByteArrayBlock) right).rawValues();
        boolean[] aNulls = rawNulls(left);
        boolean[] bNulls = rawNulls(right);
        byte[] out = new byte[positionCount];
        if (aNulls == null && bNulls == null) {
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (a[i] | b[i]);
            }
            return new ByteArrayBlock(positionCount, null, out);
        }
        boolean[] nulls = new boolean[positionCount];
        for (int i = 0; i < positionCount; i++) {
            boolean aNull = aNulls != null && aNulls[i];
            boolean bNull = bNulls != null && bNulls[i];
            boolean aTrue = !aNull && a[i] != 0;
            boolean bTrue = !bNull && b[i] != 0;
            if (aTrue || bTrue) {
                out[i] = 1;
            }
            else if (aNull || bNull) {
                nulls[i] = true;
            }
        }
        return new ByteArrayBlock(positionCount, nulls, out);
    }

    static Block not(Block input, int positionCount)
    {
        byte[] a = ((ByteArrayBlock) input).rawValues();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = (byte) (a[i] ^ 1);
        }
        return new ByteArrayBlock(positionCount, rawNulls(input), out);
    }

    static Block isNull(Block input, int positionCount)
    {
        boolean[] nulls = rawNulls(input);
        byte[] out = new byte[positionCount];
        if (nulls != null) {
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (nulls[i] ? 1 : 0);
            }
        }
        return new ByteArrayBlock(positionCount, null, out);
    }
}
