package io.strata.server.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way airlift (and so Presto's configuration and its {@code maxWait} parameter) writes
 * them: a number and one of {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h},
 * {@code d}; fractions are allowed ({@code 1.5s}). Formatting is {@code ServerInfo.formatDuration}.
 */
public final class Durations
{
    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L,
            "d", 86_400_000_000_000L);
    // a bound far beyond any sensible setting keeps the arithmetic in longs
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private Durations() {}

    /**
     * Parses {@code 5m}, {@code 10s}, {@code 500ms}, {@code 1.5h}.
     *
     * @throws IllegalArgumentException if the text is not a duration
     */
    public static Duration parse(String text)
    {
        Matcher matcher = PATTERN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration (e.g. 5m, 10s, 500ms): '" + text + "'");
        }
        Long unitNanos = NANOS_PER_UNIT.get(matcher.group(2));
        if (unitNanos == null) {
            throw new IllegalArgumentException("unknown duration unit '" + matcher.group(2) + "' in '" + text + "' (ns, us, ms, s, m, h, d)");
        }
        BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos));
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw new IllegalArgumentException("duration is too long: '" + text + "'");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
