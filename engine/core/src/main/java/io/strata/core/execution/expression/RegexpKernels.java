package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.block.VariableWidthBlockBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.strata.core.execution.expression.Blocks.isNull;

/**
 * {@code regexp_like}, {@code regexp_extract} and {@code regexp_replace} on {@link java.util.regex}. A
 * constant pattern is compiled once, when the expression is compiled; a pattern that varies by row is
 * compiled again only when it changes. A bad pattern is {@code INVALID_FUNCTION_ARGUMENT}.
 */
final class RegexpKernels
{
    private RegexpKernels() {}

    static Pattern compile(Slice pattern)
    {
        try {
            return Pattern.compile(pattern.toStringUtf8());
        }
        catch (PatternSyntaxException e) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid regular expression: " + e.getDescription() + " in " + pattern.toStringUtf8());
        }
    }

    /** The pattern of a row: the constant one, or the row's (compiled again only when it differs from the last). */
    private static final class Patterns
    {
        private final Optional<Pattern> constant;
        private Slice lastText;
        private Pattern last;

        Patterns(Optional<Pattern> constant)
        {
            this.constant = constant;
        }

        Pattern at(Block patterns, int position)
        {
            if (constant.isPresent()) {
                return constant.get();
            }
            Slice text = ((VariableWidthBlock) patterns).getSlice(position);
            if (last == null || !text.equals(lastText)) {
                last = compile(text);
                lastText = text;
            }
            return last;
        }
    }

    /** {@code regexp_like(s, pattern)}: whether the pattern matches anywhere in s. */
    static FoldingEvaluator.Combiner like(Optional<Pattern> constant)
    {
        return (operands, positionCount) -> {
            Patterns patterns = new Patterns(constant);
            VariableWidthBlock values = (VariableWidthBlock) operands[0];
            boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
            byte[] out = new byte[positionCount];
            for (int i = 0; i < positionCount; i++) {
                if (!isNull(nulls, i)) {
                    out[i] = (byte) (patterns.at(operands[1], i).matcher(values.getSlice(i).toStringUtf8()).find() ? 1 : 0);
                }
            }
            return new ByteArrayBlock(positionCount, nulls, out);
        };
    }

    /** {@code regexp_extract(s, pattern[, group])}: the group of the first match, NULL without a match. */
    static FoldingEvaluator.Combiner extract(Optional<Pattern> constant)
    {
        return (operands, positionCount) -> {
            Patterns patterns = new Patterns(constant);
            VariableWidthBlock values = (VariableWidthBlock) operands[0];
            long[] groups = operands.length > 2 ? ((LongArrayBlock) operands[2]).rawValues() : null;
            boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
            VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
            for (int i = 0; i < positionCount; i++) {
                if (isNull(nulls, i)) {
                    builder.appendNull();
                    continue;
                }
                Pattern pattern = patterns.at(operands[1], i);
                long group = groups == null ? 0 : groups[i];
                Matcher matcher = pattern.matcher(values.getSlice(i).toStringUtf8());
                if (group < 0 || group > matcher.groupCount()) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Pattern has " + matcher.groupCount() + " groups. Cannot access group " + group);
                }
                String matched = matcher.find() ? matcher.group((int) group) : null;
                if (matched == null) {
                    builder.appendNull();
                    continue;
                }
                byte[] bytes = matched.getBytes(StandardCharsets.UTF_8);
                builder.appendBytes(bytes, 0, bytes.length);
            }
            return builder.build();
        };
    }

    /**
     * {@code regexp_replace(s, pattern[, replacement])}: every match replaced; {@code $g} in the replacement is
     * the g-th group and {@code \$} a dollar sign, as in Presto.
     */
    static FoldingEvaluator.Combiner replace(Optional<Pattern> constant)
    {
        return (operands, positionCount) -> {
            Patterns patterns = new Patterns(constant);
            VariableWidthBlock values = (VariableWidthBlock) operands[0];
            VariableWidthBlock replacements = operands.length > 2 ? (VariableWidthBlock) operands[2] : null;
            boolean[] nulls = StringFunctionKernels.nulls(operands, positionCount);
            VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
            for (int i = 0; i < positionCount; i++) {
                if (isNull(nulls, i)) {
                    builder.appendNull();
                    continue;
                }
                Matcher matcher = patterns.at(operands[1], i).matcher(values.getSlice(i).toStringUtf8());
                String replacement = replacements == null ? "" : replacements.getSlice(i).toStringUtf8();
                String replaced;
                try {
                    replaced = matcher.replaceAll(replacement);
                }
                catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Invalid replacement '" + replacement + "': " + e.getMessage());
                }
                byte[] bytes = replaced.getBytes(StandardCharsets.UTF_8);
                builder.appendBytes(bytes, 0, bytes.length);
            }
            return builder.build();
        };
    }
}
