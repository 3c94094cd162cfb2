package io.strata.core.execution.expression;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LIKE patterns of every shape against {@link java.util.regex} (the oracle: {@code %} is {@code .*},
 * {@code _} is {@code .}), over random strings from a small alphabet so that partial matches are common.
 */
class TestLikeMatcher
{
    private static final String ALPHABET = "ab%_é";

    @Test
    void testRandomPatternsAgainstRegex()
    {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String pattern = randomString(random, 6, ALPHABET);
            String value = randomString(random, 9, "abé");
            LikeMatcher matcher = LikeMatcher.compile(pattern, Optional.empty());
            byte[] bytes = ("xy" + value + "z").getBytes(StandardCharsets.UTF_8);
            assertThat(matcher.matches(bytes, 2, bytes.length - 1))
                    .as("'%s' LIKE '%s'", value, pattern)
                    .isEqualTo(regexOf(pattern).matcher(value).matches());
        }
    }

    @Test
    void testLiteralsInOrder()
    {
        assertMatches("%special%requests%", "the special big requests", true);
        assertMatches("%special%requests%", "the requests special", false);
        assertMatches("a%b%c", "abc", true);
        assertMatches("a%b%c", "ac", false);
        assertMatches("ab%ba", "aba", false);
        assertMatches("ab%ba", "abba", true);
        assertMatches("%", "", true);
        assertMatches("%a%%b", "xaxxb", true);
    }

    private static void assertMatches(String pattern, String value, boolean expected)
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        assertThat(LikeMatcher.compile(pattern, Optional.empty()).matches(bytes, 0, bytes.length)).as("'%s' LIKE '%s'", value, pattern).isEqualTo(expected);
    }

    private static String randomString(Random random, int maxLength, String alphabet)
    {
        int length = random.nextInt(maxLength + 1);
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < length; i++) {
            builder.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return builder.toString();
    }

    private static Pattern regexOf(String like)
    {
        StringBuilder regex = new StringBuilder();
        for (char c : like.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
