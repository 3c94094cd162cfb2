package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.block.Block;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.block.VariableWidthBlockBuilder;

import java.nio.charset.StandardCharsets;

import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Varchar functions over UTF-8 blocks, position by position on the raw bytes: {@code length} and
 * {@code substr} count code points as Presto does; {@code lower}/{@code upper} change ASCII in place and
 * decode only values with other characters.
 */
final class StringKernels
{
    private StringKernels() {}

    static Block length(Block input, int positionCount)
    {
        VariableWidthBlock block = (VariableWidthBlock) input;
        byte[] data = block.rawSlice().byteArray();
        int base = block.rawSlice().byteArrayOffset();
        int[] offsets = block.rawOffsets();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = countCodePoints(data, base + offsets[i], base + offsets[i + 1]);
        }
        return new LongArrayBlock(positionCount, rawNulls(input), out);
    }

    static int countCodePoints(byte[] data, int start, int end)
    {
        int count = 0;
        for (int i = start; i < end; i++) {
            if ((data[i] & 0xC0) != 0x80) {
                count++;
            }
        }
        return count;
    }

    /** The byte offset after skipping {@code codePoints} code points from {@code start}, or -1 past the end. */
    private static int offsetOfCodePoint(byte[] data, int start, int end, long codePoints)
    {
        int position = start;
        long remaining = codePoints;
        while (remaining > 0) {
            if (position >= end) {
                return -1;
            }
            position += lengthOfCodePoint(data[position]);
            remaining--;
        }
        return Math.min(position, end) == position ? position : -1;
    }

    private static int lengthOfCodePoint(byte first)
    {
        int value = first & 0xFF;
        if (value < 0x80) {
            return 1;
        }
        if (value < 0xE0) {
            return 2;
        }
        if (value < 0xF0) {
            return 3;
        }
        return 4;
    }

    /**
     * {@code substr(value, start, length)} as Presto computes it: 1-based start in code points, negative
     * counts from the end, start 0 or a length not positive gives the empty string.
     */
    static Block substr(Block[] operands, int positionCount)
    {
        VariableWidthBlock block = (VariableWidthBlock) operands[0];
        byte[] data = block.rawSlice().byteArray();
        int base = block.rawSlice().byteArrayOffset();
        int[] offsets = block.rawOffsets();
        long[] starts = toLongs(operands[1], positionCount);
        long[] lengths = operands.length > 2 ? toLongs(operands[2], positionCount) : null;
        boolean[] nulls = rawNulls(operands[0]);
        for (int k = 1; k < operands.length; k++) {
            nulls = Blocks.orNulls(nulls, rawNulls(operands[k]), positionCount);
        }
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                builder.appendNull();
                continue;
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            long startCodePoint = starts[i];
            long length = lengths == null ? Long.MAX_VALUE : lengths[i];
            if (startCodePoint == 0 || length <= 0 || start == end) {
                builder.appendBytes(data, start, 0);
                continue;
            }
            int from;
            if (startCodePoint > 0) {
                from = offsetOfCodePoint(data, start, end, startCodePoint - 1);
                if (from < 0 || from >= end) {
                    builder.appendBytes(data, start, 0);
                    continue;
                }
            }
            else {
                long codePoints = countCodePoints(data, start, end);
                long fromCodePoint = codePoints + startCodePoint;
                if (fromCodePoint < 0) {
                    builder.appendBytes(data, start, 0);
                    continue;
                }
                from = offsetOfCodePoint(data, start, end, fromCodePoint);
            }
            int to = offsetOfCodePoint(data, from, end, length);
            if (to < 0) {
                to = end;
            }
            builder.appendBytes(data, from, to - from);
        }
        return builder.build();
    }

    private static long[] toLongs(Block block, int positionCount)
    {
        if (block instanceof LongArrayBlock) {
            return ((LongArrayBlock) block).rawValues();
        }
        int[] ints = ((IntArrayBlock) block).rawValues();
        long[] values = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            values[i] = ints[i];
        }
        return values;
    }

    static Block lower(Block input, int positionCount)
    {
        return changeCase(input, positionCount, false);
    }

    static Block upper(Block input, int positionCount)
    {
        return changeCase(input, positionCount, true);
    }

    private static Block changeCase(Block input, int positionCount, boolean upper)
    {
        VariableWidthBlock block = (VariableWidthBlock) input;
        byte[] data = block.rawSlice().byteArray();
        int base = block.rawSlice().byteArrayOffset();
        int[] offsets = block.rawOffsets();
        int totalLength = offsets[positionCount] - offsets[0];
        byte[] out = new byte[totalLength];
        boolean ascii = true;
        for (int i = 0; i < totalLength; i++) {
            byte value = data[base + offsets[0] + i];
            if (value < 0) {
                ascii = false;
                break;
            }
            if (upper && value >= 'a' && value <= 'z') {
                value = (byte) (value - 32);
            }
            else if (!upper && value >= 'A' && value <= 'Z') {
                value = (byte) (value + 32);
            }
            out[i] = value;
        }
        if (ascii) {
            int[] newOffsets = new int[positionCount + 1];
            for (int i = 0; i <= positionCount; i++) {
                newOffsets[i] = offsets[i] - offsets[0];
            }
            return new VariableWidthBlock(positionCount, rawNulls(input), Slices.wrappedBuffer(out), newOffsets);
        }
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (input.isNull(i)) {
                builder.appendNull();
                continue;
            }
            String text = new String(data, base + offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
            // code point by code point, as Presto maps case: 'ß' stays one character
            StringBuilder mapped = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> mapped.appendCodePoint(upper ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint)));
            byte[] changed = mapped.toString().getBytes(StandardCharsets.UTF_8);
            builder.appendBytes(changed, 0, changed.length);
        }
        return builder.build();
    }

    /** {@code concat(a, b, ...)}: null if any operand is null. */
    static Block concat(Block[] operands, int positionCount)
    {
        boolean[] nulls = null;
        for (Block operand : operands) {
            nulls = Blocks.orNulls(nulls, rawNulls(operand), positionCount);
        }
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        byte[] scratch = new byte[64];
        for (int i = 0; i < positionCount; i++) {
            if (nulls != null && nulls[i]) {
                builder.appendNull();
                continue;
            }
            int length = 0;
            for (Block operand : operands) {
                length += ((VariableWidthBlock) operand).getLength(i);
            }
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            int cursor = 0;
            for (Block operand : operands) {
                VariableWidthBlock block = (VariableWidthBlock) operand;
                Slice slice = block.rawSlice();
                int valueLength = block.getLength(i);
                System.arraycopy(slice.byteArray(), slice.byteArrayOffset() + block.rawOffsets()[i], scratch, cursor, valueLength);
                cursor += valueLength;
            }
            builder.appendBytes(scratch, 0, length);
        }
        return builder.build();
    }

    /** The first {@code length} code points of a value (the value itself when shorter). */
    static Slice truncateToCodePoints(Slice value, int length)
    {
        byte[] data = value.byteArray();
        int start = value.byteArrayOffset();
        int end = start + value.length();
        int cut = offsetOfCodePoint(data, start, end, length);
        if (cut < 0 || cut >= end) {
            return value;
        }
        return value.slice(0, cut - start);
    }
}
