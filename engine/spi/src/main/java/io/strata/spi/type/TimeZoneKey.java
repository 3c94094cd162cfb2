package io.strata.spi.type;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small registry of time zones that {@code timestamp with time zone} values carry in 12 bits: key 0 is
 * UTC, keys 1 to 1681 are the fixed offsets from -14:00 to +14:00 by minute, keys from 2048 on are the JVM's
 * region ids in sorted order. A value packs {@code utcMillis << 12 | key} into one long.
 */
public final class TimeZoneKey
{
    public static final int UTC_KEY = 0;
    private static final int OFFSET_BASE = 841;
    private static final int MAX_OFFSET_MINUTES = 14 * 60;
    private static final int REGION_BASE = 2048;
    private static final int KEY_BITS = 12;
    private static final long KEY_MASK = (1 << KEY_BITS) - 1;
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?");

    private static final List<String> REGIONS = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/"))
            .sorted()
            .limit((1 << KEY_BITS) - REGION_BASE)
            .toList();
    private static final Map<String, Integer> REGION_KEYS = regionKeys();

    private TimeZoneKey() {}

    private static Map<String, Integer> regionKeys()
    {
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < REGIONS.size(); i++) {
            keys.put(REGIONS.get(i).toLowerCase(Locale.ROOT), REGION_BASE + i);
        }
        return keys;
    }

    /** The key of a zone as SQL writes it: {@code UTC}, {@code +05:30}, {@code -08}, {@code America/New_York}. */
    public static Optional<Integer> parse(String zone)
    {
        String text = zone.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("z") || lower.equals("gmt") || lower.equals("ut") || lower.equals("etc/utc")) {
            return Optional.of(UTC_KEY);
        }
        Matcher matcher = OFFSET.matcher(text);
        if (matcher.matches()) {
            int hours = Integer.parseInt(matcher.group(2));
            int minutes = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
            int offset = hours * 60 + minutes;
            if (minutes > 59 || offset > MAX_OFFSET_MINUTES) {
                return Optional.empty();
            }
            return Optional.of(offsetKey(matcher.group(1).equals("-") ? -offset : offset));
        }
        return Optional.ofNullable(REGION_KEYS.get(lower));
    }

    /** The key of a zone id (a region or an offset). */
    public static Optional<Integer> of(ZoneId zone)
    {
        if (zone instanceof ZoneOffset offset) {
            return Optional.of(offsetKey(offset.getTotalSeconds() / 60));
        }
        return parse(zone.getId());
    }

    private static int offsetKey(int offsetMinutes)
    {
        return offsetMinutes == 0 ? UTC_KEY : OFFSET_BASE + offsetMinutes;
    }

    public static ZoneId zone(int key)
    {
        if (key == UTC_KEY) {
            return ZoneOffset.UTC;
        }
        if (key < REGION_BASE) {
            return ZoneOffset.ofTotalSeconds((key - OFFSET_BASE) * 60);
        }
        return ZoneId.of(REGIONS.get(key - REGION_BASE));
    }

    /** The zone as Presto writes it: {@code UTC}, {@code +05:30}, or the region id. */
    public static String id(int key)
    {
        if (key == UTC_KEY) {
            return "UTC";
        }
        if (key < REGION_BASE) {
            int offset = key - OFFSET_BASE;
            int absolute = Math.abs(offset);
            return String.format(Locale.ROOT, "%s%02d:%02d", offset < 0 ? "-" : "+", absolute / 60, absolute % 60);
        }
        return REGIONS.get(key - REGION_BASE);
    }

    public static long pack(long utcMillis, int key)
    {
        return utcMillis << KEY_BITS | key;
    }

    public static long unpackMillis(long packed)
    {
        return packed >> KEY_BITS;
    }

    public static int unpackKey(long packed)
    {
        return (int) (packed & KEY_MASK);
    }
}
