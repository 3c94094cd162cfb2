package io.strata.server.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;

/**
 * An amount of bytes written the way airlift (and so Presto's configuration) writes it: a number and a unit
 * among {@code B}, {@code kB}, {@code MB}, {@code GB}, {@code TB}, {@code PB}, each 1024 times the one before;
 * units are read ignoring case, fractions are allowed ({@code 1.5GB}).
 */
public record DataSize(long bytes)
{
    private static final Pattern PATTERN = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$");
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    public DataSize
    {
        if (bytes < 0) {
            throw new IllegalArgumentException("data size is negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes)
    {
        return new DataSize(bytes);
    }

    /**
     * Parses {@code 16MB}, {@code 512kB}, {@code 1.5GB}, {@code 0B}.
     *
     * @throws IllegalArgumentException if the text is not a data size
     */
    public static DataSize parse(String text)
    {
        Matcher matcher = PATTERN.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a data size (e.g. 16MB): '" + text + "'");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        for (int index = 0; index < UNITS.length; index++) {
            if (UNITS[index].equalsIgnoreCase(unit)) {
                double bytes = value * Math.pow(1024, index);
                if (bytes >= Long.MAX_VALUE) {
                    throw new IllegalArgumentException("data size is too large: '" + text + "'");
                }
                return new DataSize(Math.round(bytes));
            }
        }
        throw new IllegalArgumentException("unknown data size unit '" + unit + "' in '" + text + "' (B, kB, MB, GB, TB, PB)");
    }

    /** The size as an {@code int} for buffers and limits, at most {@link Integer#MAX_VALUE}. */
    public int toIntBytes()
    {
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    /** The largest unit in which the value is whole, e.g. {@code 16MB}, else bytes. */
    @Override
    public String toString()
    {
        int unit = 0;
        long value = bytes;
        while (unit + 1 < UNITS.length && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return String.format(ENGLISH, "%d%s", value, UNITS[unit]);
    }
}
