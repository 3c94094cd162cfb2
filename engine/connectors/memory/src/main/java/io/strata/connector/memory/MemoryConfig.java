package io.strata.connector.memory;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The catalog properties of a memory catalog, validated when read.
 *
 * @param maxDataPerNode bytes all tables of the catalog may hold together
 * @param splitsPerNode how many splits (ranges of stored pages) a scan of a table is cut into at most
 */
public record MemoryConfig(long maxDataPerNode, int splitsPerNode)
{
    public static final String MAX_DATA_PER_NODE = "memory.max-data-per-node";
    public static final String SPLITS_PER_NODE = "memory.splits-per-node";
    public static final long DEFAULT_MAX_DATA_PER_NODE = 1L << 30;
    public static final int DEFAULT_SPLITS_PER_NODE = 4;
    private static final int MAX_SPLITS_PER_NODE = 1024;

    public MemoryConfig
    {
        if (maxDataPerNode <= 0) {
            throw new IllegalArgumentException(MAX_DATA_PER_NODE + " must be positive: " + maxDataPerNode);
        }
        if (splitsPerNode < 1 || splitsPerNode > MAX_SPLITS_PER_NODE) {
            throw new IllegalArgumentException(SPLITS_PER_NODE + " must be between 1 and " + MAX_SPLITS_PER_NODE + ": " + splitsPerNode);
        }
    }

    public static MemoryConfig defaults()
    {
        return new MemoryConfig(DEFAULT_MAX_DATA_PER_NODE, DEFAULT_SPLITS_PER_NODE);
    }

    /**
     * Reads the catalog properties (without {@code connector.name}).
     *
     * @throws IllegalArgumentException naming the property that is unknown or invalid
     */
    public static MemoryConfig fromProperties(Map<String, String> properties)
    {
        requireNonNull(properties, "properties is null");
        long maxDataPerNode = DEFAULT_MAX_DATA_PER_NODE;
        int splitsPerNode = DEFAULT_SPLITS_PER_NODE;
        // sorted, so that with several bad properties the error names the same one on every JVM
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            String value = requireNonNull(property.getValue(), property.getKey() + " is null").trim();
            switch (property.getKey()) {
                case MAX_DATA_PER_NODE:
                    maxDataPerNode = parseDataSize(property.getKey(), value);
                    break;
                case SPLITS_PER_NODE:
                    try {
                        splitsPerNode = Integer.parseInt(value);
                    }
                    catch (NumberFormatException e) {
                        throw new IllegalArgumentException(SPLITS_PER_NODE + " must be an integer: '" + value + "'", e);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("Unknown property of the memory connector: " + property.getKey());
            }
        }
        return new MemoryConfig(maxDataPerNode, splitsPerNode);
    }

    /** {@code 512MB}, {@code 1GB}, {@code 100kB}, {@code 42B}: a number with Presto's data size units. */
    static long parseDataSize(String name, String value)
    {
        String text = value.trim();
        int unitStart = 0;
        while (unitStart < text.length() && (Character.isDigit(text.charAt(unitStart)) || text.charAt(unitStart) == '.')) {
            unitStart++;
        }
        String unit = text.substring(unitStart).trim().toUpperCase(Locale.ENGLISH);
        long multiplier;
        switch (unit) {
            case "B":
                multiplier = 1;
                break;
            case "KB":
                multiplier = 1L << 10;
                break;
            case "MB":
                multiplier = 1L << 20;
                break;
            case "GB":
                multiplier = 1L << 30;
                break;
            case "TB":
                multiplier = 1L << 40;
                break;
            default:
                throw new IllegalArgumentException(name + " must be a data size such as 512MB or 1GB: '" + value + "'");
        }
        try {
            double number = Double.parseDouble(text.substring(0, unitStart));
            return (long) (number * multiplier);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a data size such as 512MB or 1GB: '" + value + "'", e);
        }
    }
}
