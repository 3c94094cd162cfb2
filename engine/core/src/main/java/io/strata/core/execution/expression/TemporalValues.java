package io.strata.core.execution.expression;

import io.strata.spi.type.TimeZoneKey;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text and arithmetic of {@code timestamp(p)} (microseconds since 1970-01-01 00:00:00) and {@code time(p)}
 * (microseconds since midnight): parsing the spellings Presto accepts, formatting as Presto writes them
 * ({@code 2020-01-02 03:04:05.123} with exactly p fraction digits), and rounding to a precision (half up,
 * as Presto rounds).
 */
public final class TemporalValues
{
    public static final long MICROS_PER_SECOND = 1_000_000;
    public static final long MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\s*([+-]?\\d{1,6})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?)?\\s*");
    private static final Pattern ZONE_SUFFIX = Pattern.compile("(.*?\\d)\\s*([+-]\\d{1,2}(?::?\\d{2})?|[A-Za-z][\\w/+-]*)\\s*");
    private static final Pattern TIME = Pattern.compile("\\s*(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,12}))?)?\\s*");

    private TemporalValues() {}

    /** A parsed value: microseconds, and the number of fraction digits the text had. */
    public record Parsed(long micros, int fractionDigits) {}

    /** {@code yyyy-MM-dd[ HH:mm[:ss[.fraction]]]}; empty for text that is not a valid timestamp. */
    public static Optional<Parsed> parseTimestamp(String text)
    {
        Matcher matcher = TIMESTAMP.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            OptionalLong timeOfDay = timeOfDay(matcher.group(4), matcher.group(5), matcher.group(6), matcher.group(7));
            if (timeOfDay.isEmpty()) {
                return Optional.empty();
            }
            long micros = Math.addExact(Math.multiplyExact(date.toEpochDay(), MICROS_PER_DAY), timeOfDay.getAsLong());
            return Optional.of(new Parsed(micros, fractionDigits(matcher.group(7))));
        }
        catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A parsed timestamp with a time zone: local microseconds, fraction digits written, and the zone's key. */
    public record ParsedWithZone(long localMicros, int fractionDigits, int zoneKey) {}

    /**
     * {@code yyyy-MM-dd[ HH:mm[:ss[.fraction]]] zone}, the zone a region id, {@code UTC} or an offset
     * ({@code +05:30}, written with or without a space); empty when the text has no zone or is not valid.
     */
    public static Optional<ParsedWithZone> parseTimestampWithTimeZone(String text)
    {
        Matcher matcher = ZONE_SUFFIX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Parsed> local = parseTimestamp(matcher.group(1));
        Optional<Integer> zone = TimeZoneKey.parse(matcher.group(2));
        if (local.isEmpty() || zone.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedWithZone(local.get().micros(), local.get().fractionDigits(), zone.get()));
    }

    /** The instant (UTC milliseconds) of a local date-time, in microseconds, in a zone; a time that a gap skips moves forward. */
    public static long toUtcMillis(long localMicros, int zoneKey)
    {
        long localMillis = Math.floorDiv(localMicros, 1000);
        ZoneId zone = TimeZoneKey.zone(zoneKey);
        if (zone instanceof ZoneOffset offset) {
            return localMillis - offset.getTotalSeconds() * 1000L;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMillis, 1000), (int) Math.floorMod(localMillis, 1000) * 1_000_000, ZoneOffset.UTC);
        return ZonedDateTime.ofLocal(local, zone, null).toInstant().toEpochMilli();
    }

    /** The local date-time, in microseconds since 1970-01-01 00:00:00, of a packed timestamp with time zone. */
    public static long toLocalMicros(long packed)
    {
        long millis = TimeZoneKey.unpackMillis(packed);
        ZoneId zone = TimeZoneKey.zone(TimeZoneKey.unpackKey(packed));
        int offsetSeconds = zone instanceof ZoneOffset offset ? offset.getTotalSeconds() : zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
        return (millis + offsetSeconds * 1000L) * 1000;
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f] zone}, as Presto writes a timestamp with time zone. */
    public static String formatTimestampWithTimeZone(long packed, int precision)
    {
        return formatTimestamp(toLocalMicros(packed), precision) + " " + TimeZoneKey.id(TimeZoneKey.unpackKey(packed));
    }

    /** {@code HH:mm[:ss[.fraction]]}; empty for text that is not a valid time of day. */
    public static Optional<Parsed> parseTime(String text)
    {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        OptionalLong timeOfDay = timeOfDay(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
        if (timeOfDay.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(timeOfDay.getAsLong(), fractionDigits(matcher.group(4))));
    }

    private static int fractionDigits(String fraction)
    {
        return fraction == null ? 0 : fraction.length();
    }

    /** Microseconds since midnight; fractions beyond microseconds round half up. */
    private static OptionalLong timeOfDay(String hours, String minutes, String seconds, String fraction)
    {
        if (hours == null) {
            return OptionalLong.of(0);
        }
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        int second = seconds == null ? 0 : Integer.parseInt(seconds);
        if (hour > 23 || minute > 59 || second > 59) {
            return OptionalLong.empty();
        }
        long micros = ((hour * 60L + minute) * 60 + second) * MICROS_PER_SECOND;
        if (fraction != null) {
            String digits = fraction.length() > 6 ? fraction.substring(0, 6) : fraction;
            long value = Long.parseLong(digits) * POWERS_OF_TEN[6 - digits.length()];
            if (fraction.length() > 6 && fraction.charAt(6) >= '5') {
                value++;
            }
            micros += value;
        }
        return OptionalLong.of(micros);
    }

    /** Rounds microseconds half up to {@code precision} fraction digits of a second. */
    public static long round(long micros, int precision)
    {
        if (precision >= 6) {
            return micros;
        }
        long factor = POWERS_OF_TEN[6 - precision];
        return Math.floorDiv(micros + factor / 2, factor) * factor;
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f]} with {@code precision} fraction digits. */
    public static String formatTimestamp(long micros, int precision)
    {
        long days = Math.floorDiv(micros, MICROS_PER_DAY);
        long timeOfDay = Math.floorMod(micros, MICROS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        StringBuilder text = new StringBuilder(32);
        int year = date.getYear();
        if (year > 9999) {
            text.append('+');
        }
        if (year < 0) {
            text.append('-');
        }
        appendPadded(text, Math.abs(year), 4);
        text.append('-');
        appendPadded(text, date.getMonthValue(), 2);
        text.append('-');
        appendPadded(text, date.getDayOfMonth(), 2);
        text.append(' ');
        appendTime(text, timeOfDay, precision);
        return text.toString();
    }

    /** {@code HH:mm:ss[.f]} with {@code precision} fraction digits. */
    public static String formatTime(long micros, int precision)
    {
        StringBuilder text = new StringBuilder(16);
        appendTime(text, micros, precision);
        return text.toString();
    }

    private static void appendTime(StringBuilder text, long micros, int precision)
    {
        long seconds = micros / MICROS_PER_SECOND;
        appendPadded(text, seconds / 3600, 2);
        text.append(':');
        appendPadded(text, seconds / 60 % 60, 2);
        text.append(':');
        appendPadded(text, seconds % 60, 2);
        if (precision > 0) {
            text.append('.');
            appendPadded(text, micros % MICROS_PER_SECOND / POWERS_OF_TEN[6 - precision], precision);
        }
    }

    private static void appendPadded(StringBuilder text, long value, int width)
    {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
