package io.strata.core.execution.memory;

import java.util.Locale;

/**
 * Data sizes as configuration and messages spell them ({@code 16MB}, {@code 1GB}), as Airlift's
 * {@code DataSize} does.
 */
public final class DataSizes
{
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private DataSizes() {}

    /** The size in the largest unit that keeps the number at least 1, with at most two decimals: {@code 1.50GB}. */
    public static String succinctBytes(long bytes)
    {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%d%s", (long) value, UNITS[unit]);
        }
        return String.format(Locale.ROOT, "%.2f%s", value, UNITS[unit]);
    }

    /**
     * Parses {@code 16MB}, {@code 1GB}, {@code 512kB}, {@code 100B}, {@code 1.5GB} (units are powers of 1024).
     *
     * @throws IllegalArgumentException when the text is not a data size
     */
    public static long parseBytes(String text)
    {
        String trimmed = text.trim();
        int unitStart = 0;
        while (unitStart < trimmed.length() && (Character.isDigit(trimmed.charAt(unitStart)) || trimmed.charAt(unitStart) == '.')) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("not a data size: '" + text + "'");
        }
        double number = Double.parseDouble(trimmed.substring(0, unitStart));
        String unit = trimmed.substring(unitStart).trim();
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equalsIgnoreCase(unit)) {
                return (long) (number * Math.pow(1024, i));
            }
        }
        throw new IllegalArgumentException("not a data size: '" + text + "' (units: B, kB, MB, GB, TB, PB)");
    }
}
