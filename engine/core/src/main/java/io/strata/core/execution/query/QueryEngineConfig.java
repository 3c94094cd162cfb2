package io.strata.core.execution.query;

import io.strata.core.execution.memory.DataSizes;

import java.util.Map;

/**
 * How the engine runs queries on the coordinator. Property names are Presto's where Presto has the setting.
 *
 * @param splitBatchSize {@code query.schedule-split-batch-size}: splits asked of a split source at once (default 16)
 * @param maxPendingSplitsPerTask {@code node-scheduler.max-pending-splits-per-task}: unfinished splits a task is given at most (default 16)
 * @param maxResultFetchBytes {@code exchange.max-response-size}: bytes of output read from the root task per request (default 1MB)
 * @param planningThreads {@code query.manager-executor-pool-size}: threads that plan and schedule queries (default 4)
 * @param maxQueryMemoryBytes {@code query.max-memory}: the most user memory one query may hold over all nodes
 * together (default 20GB); over it the query fails with {@code EXCEEDED_GLOBAL_MEMORY_LIMIT}
 */
public record QueryEngineConfig(int splitBatchSize, int maxPendingSplitsPerTask, long maxResultFetchBytes, int planningThreads, long maxQueryMemoryBytes)
{
    public QueryEngineConfig
    {
        check(splitBatchSize >= 1, "query.schedule-split-batch-size", "must be at least 1: " + splitBatchSize);
        check(maxPendingSplitsPerTask >= 1, "node-scheduler.max-pending-splits-per-task", "must be at least 1: " + maxPendingSplitsPerTask);
        check(maxResultFetchBytes >= 1, "exchange.max-response-size", "must be positive");
        check(planningThreads >= 1, "query.manager-executor-pool-size", "must be at least 1: " + planningThreads);
        check(maxQueryMemoryBytes >= 1, "query.max-memory", "must be positive");
    }

    public static QueryEngineConfig defaults()
    {
        return new QueryEngineConfig(16, 16, 1L << 20, 4, 20L << 30);
    }

    /**
     * The defaults overridden by the given properties (others in the map belong to other components).
     *
     * @throws IllegalArgumentException naming the property, for a bad value
     */
    public static QueryEngineConfig fromProperties(Map<String, String> properties)
    {
        QueryEngineConfig defaults = defaults();
        return new QueryEngineConfig(
                integer(properties, "query.schedule-split-batch-size", defaults.splitBatchSize()),
                integer(properties, "node-scheduler.max-pending-splits-per-task", defaults.maxPendingSplitsPerTask()),
                bytes(properties, "exchange.max-response-size", defaults.maxResultFetchBytes()),
                integer(properties, "query.manager-executor-pool-size", defaults.planningThreads()),
                bytes(properties, "query.max-memory", defaults.maxQueryMemoryBytes()));
    }

    public QueryEngineConfig withMaxQueryMemoryBytes(long bytes)
    {
        return new QueryEngineConfig(splitBatchSize, maxPendingSplitsPerTask, maxResultFetchBytes, planningThreads, bytes);
    }

    private static int integer(Map<String, String> properties, String name, int defaultValue)
    {
        String value = properties.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "'", e);
        }
    }

    private static long bytes(Map<String, String> properties, String name, long defaultValue)
    {
        String value = properties.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return DataSizes.parseBytes(value);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "'", e);
        }
    }

    private static void check(boolean condition, String property, String message)
    {
        if (!condition) {
            throw new IllegalArgumentException("Invalid value for " + property + ": " + message);
        }
    }
}
