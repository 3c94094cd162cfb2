package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A compiled LIKE pattern, matched against UTF-8 bytes without decoding: {@code _} is one code point,
 * {@code %} any sequence. Common shapes take a direct path: no wildcard (equality), {@code abc%} (prefix),
 * {@code %abc} (suffix), {@code %abc%} (contains); others run a wildcard matcher that backtracks only to
 * the last {@code %}, so matching is linear in practice.
 */
public final class LikeMatcher
{
    private enum Shape
    {
        EXACT, PREFIX, SUFFIX, CONTAINS,
        /** Literals separated by {@code %} only (no {@code _}): {@code '%special%requests%'}. */
        LITERALS_IN_ORDER,
        GENERAL
    }

    private static final int LITERAL = 0;
    private static final int ONE = 1;
    private static final int MANY = 2;

    private final Shape shape;
    private final byte[] literal;
    private final int[] kinds;
    private final byte[][] literals;

    private LikeMatcher(Shape shape, byte[] literal, int[] kinds, byte[][] literals)
    {
        this.shape = shape;
        this.literal = literal;
        this.kinds = kinds;
        this.literals = literals;
    }

    /**
     * Compiles a pattern once, for matching many values.
     *
     * @param escape the escape character, if any: exactly one character
     * @throws StrataException {@code INVALID_FUNCTION_ARGUMENT} for a bad escape
     */
    public static LikeMatcher compile(String pattern, Optional<String> escape)
    {
        int escapeChar = -1;
        if (escape.isPresent()) {
            if (escape.get().codePointCount(0, escape.get().length()) != 1) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
            }
            escapeChar = escape.get().codePointAt(0);
        }
        List<Integer> kinds = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean escaping = false;
        int i = 0;
        while (i < pattern.length()) {
            int codePoint = pattern.codePointAt(i);
            i += Character.charCount(codePoint);
            if (escaping) {
                if (codePoint != '%' && codePoint != '_' && codePoint != escapeChar) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape character must be followed by '%', '_' or the escape character itself");
                }
                current.appendCodePoint(codePoint);
                escaping = false;
            }
            else if (codePoint == escapeChar) {
                escaping = true;
            }
            else if (codePoint == '%' || codePoint == '_') {
                if (current.length() > 0) {
                    kinds.add(LITERAL);
                    literals.add(current.toString().getBytes(StandardCharsets.UTF_8));
                    current.setLength(0);
                }
                int kind = codePoint == '%' ? MANY : ONE;
                if (kind == MANY && !kinds.isEmpty() && kinds.get(kinds.size() - 1) == MANY) {
                    continue;
                }
                kinds.add(kind);
                literals.add(null);
            }
            else {
                current.appendCodePoint(codePoint);
            }
        }
        if (escaping) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape character must be followed by '%', '_' or the escape character itself");
        }
        if (current.length() > 0) {
            kinds.add(LITERAL);
            literals.add(current.toString().getBytes(StandardCharsets.UTF_8));
        }
        int[] kindArray = kinds.stream().mapToInt(Integer::intValue).toArray();
        byte[][] literalArray = literals.toArray(new byte[0][]);
        return new LikeMatcher(shapeOf(kindArray), singleLiteral(kindArray, literalArray), kindArray, literalArray);
    }

    public static LikeMatcher compile(Slice pattern, Optional<Slice> escape)
    {
        return compile(pattern.toStringUtf8(), escape.map(Slice::toStringUtf8));
    }

    private static Shape shapeOf(int[] kinds)
    {
        if (kinds.length == 0 || (kinds.length == 1 && kinds[0] == LITERAL)) {
            return Shape.EXACT;
        }
        if (kinds.length == 2 && kinds[0] == LITERAL && kinds[1] == MANY) {
            return Shape.PREFIX;
        }
        if (kinds.length == 2 && kinds[0] == MANY && kinds[1] == LITERAL) {
            return Shape.SUFFIX;
        }
        if (kinds.length == 3 && kinds[0] == MANY && kinds[1] == LITERAL && kinds[2] == MANY) {
            return Shape.CONTAINS;
        }
        for (int kind : kinds) {
            if (kind == ONE) {
                return Shape.GENERAL;
            }
        }
        return Shape.LITERALS_IN_ORDER;
    }

    private static byte[] singleLiteral(int[] kinds, byte[][] literals)
    {
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == LITERAL) {
                return literals[i];
            }
        }
        return new byte[0];
    }

    /** Whether the bytes {@code data[start, end)} match. */
    public boolean matches(byte[] data, int start, int end)
    {
        int length = end - start;
        switch (shape) {
            case EXACT:
                return length == literal.length && Arrays.equals(data, start, end, literal, 0, literal.length);
            case PREFIX:
                return length >= literal.length && Arrays.equals(data, start, start + literal.length, literal, 0, literal.length);
            case SUFFIX:
                return length >= literal.length && Arrays.equals(data, end - literal.length, end, literal, 0, literal.length);
            case CONTAINS:
                return indexOf(data, start, end, literal) >= 0;
            case LITERALS_IN_ORDER:
                return matchesLiteralsInOrder(data, start, end);
            case GENERAL:
                return matchesGeneral(data, start, end);
        }
        throw new IllegalStateException("unknown shape " + shape);
    }

    private static int indexOf(byte[] data, int start, int end, byte[] target)
    {
        if (target.length == 0) {
            return start;
        }
        byte first = target[0];
        int last = end - target.length;
        for (int i = start; i <= last; i++) {
            if (data[i] == first && Arrays.equals(data, i, i + target.length, target, 0, target.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A leading literal must be a prefix and a trailing one a suffix; each literal between is found leftmost after
     * the one before it (the leftmost occurrence leaves the most room for the rest, so no backtracking is needed).
     */
    private boolean matchesLiteralsInOrder(byte[] data, int start, int end)
    {
        int first = 0;
        int last = kinds.length - 1;
        int position = start;
        int limit = end;
        if (kinds[first] == LITERAL) {
            if (!literalAt(data, position, limit, literals[first])) {
                return false;
            }
            position += literals[first].length;
            first++;
        }
        if (last >= first && kinds[last] == LITERAL) {
            int suffixStart = limit - literals[last].length;
            if (suffixStart < position || !Arrays.equals(data, suffixStart, limit, literals[last], 0, literals[last].length)) {
                return false;
            }
            limit = suffixStart;
            last--;
        }
        for (int token = first; token <= last; token++) {
            if (kinds[token] == LITERAL) {
                int found = indexOf(data, position, limit, literals[token]);
                if (found < 0) {
                    return false;
                }
                position = found + literals[token].length;
            }
        }
        return true;
    }

    private boolean matchesGeneral(byte[] data, int start, int end)
    {
        int text = start;
        int token = 0;
        int starToken = -1;
        int starText = -1;
        while (text < end) {
            if (token < kinds.length && kinds[token] == LITERAL && literalAt(data, text, end, literals[token])) {
                text += literals[token].length;
                token++;
            }
            else if (token < kinds.length && kinds[token] == ONE) {
                text += codePointLength(data[text]);
                token++;
            }
            else if (token < kinds.length && kinds[token] == MANY) {
                starToken = token++;
                starText = text;
            }
            else if (starToken >= 0) {
                token = starToken + 1;
                starText += codePointLength(data[starText]);
                text = starText;
            }
            else {
                return false;
            }
        }
        while (token < kinds.length && kinds[token] == MANY) {
            token++;
        }
        return token == kinds.length && text == end;
    }

    private static boolean literalAt(byte[] data, int position, int end, byte[] literal)
    {
        return end - position >= literal.length && Arrays.equals(data, position, position + literal.length, literal, 0, literal.length);
    }

    private static int codePointLength(byte first)
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
}
