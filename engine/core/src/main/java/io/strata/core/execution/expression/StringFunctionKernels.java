package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.IntArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.block.VariableWidthBlockBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.strata.core.execution.expression.Blocks.isNull;
import static io.strata.core.execution.expression.Blocks.rawNulls;

/**
 * Presto's string functions over UTF-8 blocks. Searching works on bytes (a valid UTF-8 needle only matches at
 * code point boundaries), positions and lengths count code points as Presto does. Every kernel returns NULL
 * where an operand is NULL, and reports bad arguments only for rows that are not NULL.
 */
final class StringFunctionKernels
{
    /** The longest value {@code lpad} and {@code rpad} build, in code points. */
    static final int MAX_PADDED_LENGTH = 1 << 24;

    private StringFunctionKernels() {}

    /** Which ends {@code trim} works on. */
    enum TrimSide
    {
        LEFT, RIGHT, BOTH
    }

    static Block trim(Block[] operands, int positionCount, TrimSide side)
    {
        VariableWidthBlock values = (VariableWidthBlock) operands[0];
        VariableWidthBlock sets = operands.length > 1 ? (VariableWidthBlock) operands[1] : null;
        boolean[] nulls = nulls(operands, positionCount);
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        Slice lastSet = null;
        int[] set = null;
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            if (sets != null) {
                Slice current = sets.getSlice(i);
                if (set == null || !current.equals(lastSet)) {
                    set = codePoints(current);
                    lastSet = current;
                }
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            if (side != TrimSide.RIGHT) {
                while (start < end) {
                    int length = codePointLength(data[start]);
                    int codePoint = decode(data, start, end);
                    if (!(set == null ? isWhitespace(codePoint) : contains(set, codePoint))) {
                        break;
                    }
                    start += length;
                }
            }
            if (side != TrimSide.LEFT) {
                while (end > start) {
                    int previous = end - 1;
                    while (previous > start && (data[previous] & 0xC0) == 0x80) {
                        previous--;
                    }
                    int codePoint = decode(data, previous, end);
                    if (!(set == null ? isWhitespace(codePoint) : contains(set, codePoint))) {
                        break;
                    }
                    end = previous;
                }
            }
            builder.appendBytes(data, start, end - start);
        }
        return builder.build();
    }

    /** Presto's whitespace: Java's, which leaves out the no-break spaces. */
    private static boolean isWhitespace(int codePoint)
    {
        return Character.isWhitespace(codePoint);
    }

    private static boolean contains(int[] set, int codePoint)
    {
        for (int member : set) {
            if (member == codePoint) {
                return true;
            }
        }
        return false;
    }

    private static int[] codePoints(Slice value)
    {
        return value.toStringUtf8().codePoints().toArray();
    }

    /** The code point starting at {@code position}; a malformed sequence decodes to U+FFFD. */
    static int decode(byte[] data, int position, int end)
    {
        int first = data[position] & 0xFF;
        int length = codePointLength(data[position]);
        if (length == 1) {
            return first;
        }
        if (position + length > end) {
            return 0xFFFD;
        }
        int codePoint = first & (0xFF >> (length + 1));
        for (int k = 1; k < length; k++) {
            codePoint = (codePoint << 6) | (data[position + k] & 0x3F);
        }
        return codePoint;
    }

    static int codePointLength(byte first)
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

    /** The byte offset of {@code needle} in {@code data[from, end)}, or -1. */
    private static int indexOf(byte[] data, int from, int end, byte[] needle, int needleStart, int needleLength)
    {
        if (needleLength == 0) {
            return from;
        }
        byte first = needle[needleStart];
        int last = end - needleLength;
        for (int i = from; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            int k = 1;
            while (k < needleLength && data[i + k] == needle[needleStart + k]) {
                k++;
            }
            if (k == needleLength) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code replace(s, search[, replacement])}: every occurrence, left to right; an empty search string
     * inserts the replacement before every code point and at the end, as Presto does.
     */
    static Block replace(Block[] operands, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) operands[0];
        Utf8Column searches = new Utf8Column(operands[1]);
        Utf8Column replacements = operands.length > 2 ? new Utf8Column(operands[2]) : null;
        boolean[] nulls = nulls(operands, positionCount);
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        ByteBuffer out = new ByteBuffer();
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            byte[] searchBytes = searches.data;
            int searchStart = searches.start(i);
            int searchLength = searches.length(i);
            out.reset();
            if (searchLength == 0) {
                if (replacements == null) {
                    builder.appendBytes(data, start, end - start);
                    continue;
                }
                int position = start;
                while (position < end) {
                    out.append(replacements.data, replacements.start(i), replacements.length(i));
                    int length = Math.min(codePointLength(data[position]), end - position);
                    out.append(data, position, length);
                    position += length;
                }
                out.append(replacements.data, replacements.start(i), replacements.length(i));
            }
            else {
                int position = start;
                while (true) {
                    int found = indexOf(data, position, end, searchBytes, searchStart, searchLength);
                    if (found < 0) {
                        out.append(data, position, end - position);
                        break;
                    }
                    out.append(data, position, found - position);
                    if (replacements != null) {
                        out.append(replacements.data, replacements.start(i), replacements.length(i));
                    }
                    position = found + searchLength;
                }
            }
            builder.appendBytes(out.bytes, 0, out.length);
        }
        return builder.build();
    }

    /**
     * {@code strpos(s, sub[, instance])}: the 1-based code point position of the instance-th occurrence, 0
     * if there are fewer; the empty substring is found at 1. Occurrences may overlap, as in Presto.
     */
    static Block strpos(Block[] operands, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) operands[0];
        Utf8Column needles = new Utf8Column(operands[1]);
        long[] instances = operands.length > 2 ? ((LongArrayBlock) operands[2]).rawValues() : null;
        boolean[] nulls = nulls(operands, positionCount);
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            long instance = instances == null ? 1 : instances[i];
            if (instance <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "'instance' must be a positive number.");
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            int needleStart = needles.start(i);
            int needleLength = needles.length(i);
            if (needleLength == 0) {
                out[i] = 1;
                continue;
            }
            int position = start;
            int found = -1;
            for (long k = 0; k < instance; k++) {
                found = indexOf(data, position, end, needles.data, needleStart, needleLength);
                if (found < 0) {
                    break;
                }
                position = found + codePointLength(data[found]);
            }
            out[i] = found < 0 ? 0 : StringKernels.countCodePoints(data, start, found) + 1;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    static Block reverse(Block input, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) input;
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        boolean[] nulls = rawNulls(input);
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        byte[] scratch = new byte[64];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            int length = end - start;
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            int position = start;
            int cursor = length;
            while (position < end) {
                int codePointLength = Math.min(codePointLength(data[position]), end - position);
                cursor -= codePointLength;
                System.arraycopy(data, position, scratch, cursor, codePointLength);
                position += codePointLength;
            }
            builder.appendBytes(scratch, 0, length);
        }
        return builder.build();
    }

    /** {@code lpad}/{@code rpad}: pads or truncates to {@code size} code points. */
    static Block pad(Block[] operands, int positionCount, boolean left)
    {
        VariableWidthBlock values = (VariableWidthBlock) operands[0];
        long[] sizes = ((LongArrayBlock) operands[1]).rawValues();
        VariableWidthBlock pads = (VariableWidthBlock) operands[2];
        boolean[] nulls = nulls(operands, positionCount);
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            long size = sizes[i];
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Target length must be in the range [0.." + Integer.MAX_VALUE + "]");
            }
            if (size > MAX_PADDED_LENGTH) {
                // Presto would try to build the value and run out of memory: refuse it up front instead
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Target length " + size + " exceeds the maximum of " + MAX_PADDED_LENGTH + " characters");
            }
            Slice pad = pads.getSlice(i);
            if (pad.length() == 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Padding string must not be empty");
            }
            int[] value = values.getSlice(i).toStringUtf8().codePoints().toArray();
            if (value.length >= size) {
                builder.appendSlice(StringKernels.truncateToCodePoints(values.getSlice(i), (int) size));
                continue;
            }
            int[] padding = codePoints(pad);
            StringBuilder text = new StringBuilder();
            int missing = (int) size - value.length;
            if (!left) {
                appendCodePoints(text, value);
            }
            for (int k = 0; k < missing; k++) {
                text.appendCodePoint(padding[k % padding.length]);
            }
            if (left) {
                appendCodePoints(text, value);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            builder.appendBytes(bytes, 0, bytes.length);
        }
        return builder.build();
    }

    private static void appendCodePoints(StringBuilder text, int[] codePoints)
    {
        for (int codePoint : codePoints) {
            text.appendCodePoint(codePoint);
        }
    }

    static Block startsWith(Block[] operands, int positionCount)
    {
        return affix(operands, positionCount, true);
    }

    static Block endsWith(Block[] operands, int positionCount)
    {
        return affix(operands, positionCount, false);
    }

    private static Block affix(Block[] operands, int positionCount, boolean prefix)
    {
        Utf8Column values = new Utf8Column(operands[0]);
        Utf8Column affixes = new Utf8Column(operands[1]);
        boolean[] nulls = nulls(operands, positionCount);
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            int valueLength = values.length(i);
            int affixLength = affixes.length(i);
            if (affixLength > valueLength) {
                continue;
            }
            int from = values.start(i) + (prefix ? 0 : valueLength - affixLength);
            out[i] = (byte) (Arrays.equals(values.data, from, from + affixLength, affixes.data, affixes.start(i), affixes.start(i) + affixLength) ? 1 : 0);
        }
        return new ByteArrayBlock(positionCount, nulls, out);
    }

    /**
     * {@code split_part(s, delimiter, index)}: NULL when there are fewer fields; with an empty delimiter every
     * code point is a field.
     */
    static Block splitPart(Block[] operands, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) operands[0];
        Utf8Column delimiters = new Utf8Column(operands[1]);
        long[] indexes = ((LongArrayBlock) operands[2]).rawValues();
        boolean[] nulls = nulls(operands, positionCount);
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            long index = indexes[i];
            if (index <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Index must be greater than zero");
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            int delimiterStart = delimiters.start(i);
            int delimiterLength = delimiters.length(i);
            if (delimiterLength == 0) {
                // every code point is a field
                int position = start;
                for (long k = 1; k < index && position < end; k++) {
                    position += codePointLength(data[position]);
                }
                if (position >= end) {
                    builder.appendNull();
                }
                else {
                    builder.appendBytes(data, position, Math.min(codePointLength(data[position]), end - position));
                }
                continue;
            }
            int fieldStart = start;
            boolean found = true;
            for (long k = 1; k < index; k++) {
                int next = indexOf(data, fieldStart, end, delimiters.data, delimiterStart, delimiterLength);
                if (next < 0) {
                    found = false;
                    break;
                }
                fieldStart = next + delimiterLength;
            }
            if (!found) {
                builder.appendNull();
                continue;
            }
            int fieldEnd = indexOf(data, fieldStart, end, delimiters.data, delimiterStart, delimiterLength);
            builder.appendBytes(data, fieldStart, (fieldEnd < 0 ? end : fieldEnd) - fieldStart);
        }
        return builder.build();
    }

    static Block chr(Block input, int positionCount)
    {
        long[] codePoints = ((LongArrayBlock) input).rawValues();
        boolean[] nulls = rawNulls(input);
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            long codePoint = codePoints[i];
            if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Not a valid Unicode code point: " + codePoint);
            }
            byte[] bytes = new String(Character.toChars((int) codePoint)).getBytes(StandardCharsets.UTF_8);
            builder.appendBytes(bytes, 0, bytes.length);
        }
        return builder.build();
    }

    static Block codepoint(Block input, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) input;
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        boolean[] nulls = rawNulls(input);
        int[] out = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            int start = base + offsets[i];
            int end = base + offsets[i + 1];
            if (start == end || StringKernels.countCodePoints(data, start, end) != 1) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Input string must be a single character string");
            }
            out[i] = decode(data, start, end);
        }
        return new IntArrayBlock(positionCount, nulls, out);
    }

    /** Edit distance over code points; the product of the lengths is limited to keep the work per row bounded. */
    static Block levenshteinDistance(Block[] operands, int positionCount)
    {
        VariableWidthBlock lefts = (VariableWidthBlock) operands[0];
        VariableWidthBlock rights = (VariableWidthBlock) operands[1];
        boolean[] nulls = nulls(operands, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            int[] left = codePoints(lefts.getSlice(i));
            int[] right = codePoints(rights.getSlice(i));
            if (left.length < right.length) {
                int[] swap = left;
                left = right;
                right = swap;
            }
            // Presto's limit: the longer string times the shorter one less one code point
            if (right.length > 0 && (long) left.length * (right.length - 1) > 1_000_000) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "The combined inputs for Levenshtein distance are too large");
            }
            int[] previous = new int[right.length + 1];
            int[] current = new int[right.length + 1];
            for (int j = 0; j <= right.length; j++) {
                previous[j] = j;
            }
            for (int k = 1; k <= left.length; k++) {
                current[0] = k;
                for (int j = 1; j <= right.length; j++) {
                    int substitution = previous[j - 1] + (left[k - 1] == right[j - 1] ? 0 : 1);
                    current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            out[i] = previous[right.length];
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    /** Number of positions at which two strings of the same length in code points differ. */
    static Block hammingDistance(Block[] operands, int positionCount)
    {
        VariableWidthBlock lefts = (VariableWidthBlock) operands[0];
        VariableWidthBlock rights = (VariableWidthBlock) operands[1];
        boolean[] nulls = nulls(operands, positionCount);
        long[] out = new long[positionCount];
        for (int i = 0; i < positionCount; i++) {
            if (isNull(nulls, i)) {
                continue;
            }
            int[] left = codePoints(lefts.getSlice(i));
            int[] right = codePoints(rights.getSlice(i));
            if (left.length != right.length) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "The input strings to hamming_distance function must have the same length");
            }
            long distance = 0;
            for (int k = 0; k < left.length; k++) {
                if (left[k] != right[k]) {
                    distance++;
                }
            }
            out[i] = distance;
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    static boolean[] nulls(Block[] operands, int positionCount)
    {
        boolean[] nulls = null;
        for (Block operand : operands) {
            nulls = Blocks.orNulls(nulls, rawNulls(operand), positionCount);
        }
        return nulls;
    }

    /** The raw bytes of a varchar block, read in place: no slice object per row. */
    private static final class Utf8Column
    {
        private final byte[] data;
        private final int base;
        private final int[] offsets;

        Utf8Column(Block block)
        {
            VariableWidthBlock values = (VariableWidthBlock) block;
            this.data = values.rawSlice().byteArray();
            this.base = values.rawSlice().byteArrayOffset();
            this.offsets = values.rawOffsets();
        }

        int start(int position)
        {
            return base + offsets[position];
        }

        int length(int position)
        {
            return offsets[position + 1] - offsets[position];
        }
    }

    /** A growable byte array reused across the rows of a block. */
    private static final class ByteBuffer
    {
        private byte[] bytes = new byte[64];
        private int length;

        void reset()
        {
            length = 0;
        }

        void append(byte[] source, int offset, int count)
        {
            if (length + count > bytes.length) {
                byte[] grown = new byte[Math.max(length + count, bytes.length * 2)];
                System.arraycopy(bytes, 0, grown, 0, length);
                bytes = grown;
            }
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }
    }
}
