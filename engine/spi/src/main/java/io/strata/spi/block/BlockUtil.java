package io.strata.spi.block;

import java.util.Arrays;

final class BlockUtil
{
    private BlockUtil() {}

    static boolean hasNull(boolean[] nulls, int positionCount)
    {
        if (nulls == null) {
            return false;
        }
        for (int i = 0; i < positionCount; i++) {
            if (nulls[i]) {
                return true;
            }
        }
        return false;
    }

    static void checkRegion(int positionCount, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > positionCount) {
            throw new IndexOutOfBoundsException("region [" + offset + ", " + (offset + length) + ") is outside [0, " + positionCount + ")");
        }
    }

    static void checkPositions(int[] positions, int offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > positions.length) {
            throw new IndexOutOfBoundsException("positions [" + offset + ", " + (offset + length) + ") is outside the array of " + positions.length);
        }
    }

    static boolean[] copyNullsForRegion(boolean[] nulls, int offset, int length)
    {
        return nulls == null ? null : Arrays.copyOfRange(nulls, offset, offset + length);
    }

    static boolean[] copyNullsForPositions(boolean[] nulls, int[] positions, int offset, int length)
    {
        if (nulls == null) {
            return null;
        }
        boolean[] copy = new boolean[length];
        for (int i = 0; i < length; i++) {
            copy[i] = nulls[positions[offset + i]];
        }
        return copy;
    }
}
