package io.strata.connector.tpch;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The catalog properties of a tpch catalog, validated when read.
 *
 * @param splitsPerNode how many splits (generator parts) each table other than {@code nation} and
 * {@code region} is cut into
 */
public record TpchConfig(int splitsPerNode)
{
    public static final String SPLITS_PER_NODE = "tpch.splits-per-node";
    public static final int DEFAULT_SPLITS_PER_NODE = 4;
    /** More parts than this only adds scheduling overhead: a part of tiny lineitem would hold a few rows. */
    public static final int MAX_SPLITS_PER_NODE = 1024;

    public TpchConfig
    {
        if (splitsPerNode < 1 || splitsPerNode > MAX_SPLITS_PER_NODE) {
            throw new IllegalArgumentException(SPLITS_PER_NODE + " must be between 1 and " + MAX_SPLITS_PER_NODE + ": " + splitsPerNode);
        }
    }

    public static TpchConfig defaults()
    {
        return new TpchConfig(DEFAULT_SPLITS_PER_NODE);
    }

    /**
     * Reads the catalog properties (without {@code connector.name}).
     *
     * @throws IllegalArgumentException naming the property that is unknown or invalid
     */
    public static TpchConfig fromProperties(Map<String, String> properties)
    {
        requireNonNull(properties, "properties is null");
        int splitsPerNode = DEFAULT_SPLITS_PER_NODE;
        // sorted, so that with several bad properties the error names the same one on every JVM
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            if (!property.getKey().equals(SPLITS_PER_NODE)) {
                throw new IllegalArgumentException("Unknown property of the tpch connector: " + property.getKey());
            }
            splitsPerNode = parseInteger(property.getKey(), property.getValue());
        }
        return new TpchConfig(splitsPerNode);
    }

    private static int parseInteger(String name, String value)
    {
        try {
            return Integer.parseInt(requireNonNull(value, name + " is null").trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer: '" + value + "'", e);
        }
    }
}
