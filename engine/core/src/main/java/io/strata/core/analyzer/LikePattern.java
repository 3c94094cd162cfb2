package io.strata.core.analyzer;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SQL {@code LIKE} for the SHOW statements, which filter names while analyzing: {@code %} is any sequence,
 * {@code _} any one character, and the escape character makes the next one literal.
 */
final class LikePattern
{
    private final Pattern pattern;

    private LikePattern(Pattern pattern)
    {
        this.pattern = pattern;
    }

    static LikePattern compile(String likePattern, Optional<String> escape)
    {
        Optional<Character> escapeCharacter = Optional.empty();
        if (escape.isPresent()) {
            if (escape.get().length() != 1) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape string must be a single character");
            }
            escapeCharacter = Optional.of(escape.get().charAt(0));
        }
        StringBuilder regex = new StringBuilder();
        boolean escaped = false;
        for (char character : likePattern.toCharArray()) {
            if (escaped) {
                if (character != '%' && character != '_' && character != escapeCharacter.get()) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape character must be followed by '%', '_' or the escape character itself");
                }
                regex.append(Pattern.quote(String.valueOf(character)));
                escaped = false;
            }
            else if (escapeCharacter.isPresent() && character == escapeCharacter.get()) {
                escaped = true;
            }
            else if (character == '%') {
                regex.append(".*");
            }
            else if (character == '_') {
                regex.append('.');
            }
            else {
                regex.append(Pattern.quote(String.valueOf(character)));
            }
        }
        if (escaped) {
            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Escape character must be followed by '%', '_' or the escape character itself");
        }
        return new LikePattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    boolean matches(String value)
    {
        return pattern.matcher(value).matches();
    }
}
