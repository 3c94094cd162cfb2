package io.strata.core.execution.task;

import io.strata.core.execution.executor.LevelSchedule;
import io.strata.core.execution.memory.DataSizes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How a node runs tasks. Property names are Presto's where Presto has the setting.
 *
 * @param workerThreads {@code task.max-worker-threads}: threads that run drivers (default: the cores, at least 2, at most 8)
 * @param quantum {@code task.quantum}: how long a driver runs before it yields its thread (default 1s)
 * @param maxOutputBufferBytes {@code sink.max-buffer-size}: output a task holds before its drivers block (default 16MB)
 * @param maxLocalExchangeBufferBytes {@code task.max-local-exchange-buffer-size}: pages a local exchange holds before its sinks block (default 32MB)
 * @param maxQueryMemoryPerNodeBytes {@code query.max-memory-per-node}: memory one query may hold on this node (default 1GB)
 * @param maxPartialAggregationMemoryBytes {@code max-partial-aggregation-memory}: when a partial aggregation flushes (default 16MB)
 * @param memoryPoolBytes {@code memory.node-pool-size}: the node's memory pool (default: 70% of the heap)
 * @param taskInfoMaxAge {@code task.info.max-age}: how long a done task's status stays available (default 15m)
 * @param levelSchedule {@code task.level-thresholds} (Strata's: where levels 1 to 4 start, default {@code 1s,10s,60s,300s})
 * and {@code task.level-time-multiplier} (default 2): the task executor's multilevel queue
 */
public record TaskManagerConfig(
        int workerThreads,
        Duration quantum,
        long maxOutputBufferBytes,
        long maxLocalExchangeBufferBytes,
        long maxQueryMemoryPerNodeBytes,
        long maxPartialAggregationMemoryBytes,
        long memoryPoolBytes,
        Duration taskInfoMaxAge,
        LevelSchedule levelSchedule)
{
    private static final Set<String> PROPERTIES = Set.of("task.max-worker-threads", "task.quantum", "sink.max-buffer-size", "task.max-local-exchange-buffer-size",
            "query.max-memory-per-node", "max-partial-aggregation-memory", "memory.node-pool-size", "task.info.max-age",
            "task.level-thresholds", "task.level-time-multiplier");

    /** The configuration with Presto's executor levels. */
    public TaskManagerConfig(int workerThreads, Duration quantum, long maxOutputBufferBytes, long maxLocalExchangeBufferBytes, long maxQueryMemoryPerNodeBytes,
            long maxPartialAggregationMemoryBytes, long memoryPoolBytes, Duration taskInfoMaxAge)
    {
        this(workerThreads, quantum, maxOutputBufferBytes, maxLocalExchangeBufferBytes, maxQueryMemoryPerNodeBytes, maxPartialAggregationMemoryBytes, memoryPoolBytes,
                taskInfoMaxAge, LevelSchedule.defaults());
    }

    public TaskManagerConfig
    {
        check(workerThreads >= 1, "task.max-worker-threads", "must be at least 1: " + workerThreads);
        check(!quantum.isNegative() && !quantum.isZero(), "task.quantum", "must be positive: " + quantum);
        check(maxOutputBufferBytes > 0, "sink.max-buffer-size", "must be positive");
        check(maxLocalExchangeBufferBytes > 0, "task.max-local-exchange-buffer-size", "must be positive");
        check(maxQueryMemoryPerNodeBytes > 0, "query.max-memory-per-node", "must be positive");
        check(maxPartialAggregationMemoryBytes > 0, "max-partial-aggregation-memory", "must be positive");
        check(memoryPoolBytes > 0, "memory.node-pool-size", "must be positive");
        check(!taskInfoMaxAge.isNegative(), "task.info.max-age", "must not be negative");
        check(levelSchedule != null, "task.level-thresholds", "must be set");
    }

    public static TaskManagerConfig defaults()
    {
        int threads = Math.min(8, Math.max(2, Runtime.getRuntime().availableProcessors()));
        return new TaskManagerConfig(threads, Duration.ofSeconds(1), 16L << 20, 32L << 20, 1L << 30, 16L << 20,
                (long) (Runtime.getRuntime().maxMemory() * 0.7), Duration.ofMinutes(15));
    }

    /**
     * The defaults overridden by the given properties (others in the map are ignored: they belong to other
     * components).
     *
     * @throws IllegalArgumentException naming the property, for a bad value
     */
    public static TaskManagerConfig fromProperties(Map<String, String> properties)
    {
        TaskManagerConfig defaults = defaults();
        Map<String, String> own = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (PROPERTIES.contains(key)) {
                own.put(key, value);
            }
        });
        return new TaskManagerConfig(
                parse(own, "task.max-worker-threads", Integer::parseInt, defaults.workerThreads()),
                parse(own, "task.quantum", TaskManagerConfig::parseDuration, defaults.quantum()),
                parse(own, "sink.max-buffer-size", DataSizes::parseBytes, defaults.maxOutputBufferBytes()),
                parse(own, "task.max-local-exchange-buffer-size", DataSizes::parseBytes, defaults.maxLocalExchangeBufferBytes()),
                parse(own, "query.max-memory-per-node", DataSizes::parseBytes, defaults.maxQueryMemoryPerNodeBytes()),
                parse(own, "max-partial-aggregation-memory", DataSizes::parseBytes, defaults.maxPartialAggregationMemoryBytes()),
                parse(own, "memory.node-pool-size", DataSizes::parseBytes, defaults.memoryPoolBytes()),
                parse(own, "task.info.max-age", TaskManagerConfig::parseDuration, defaults.taskInfoMaxAge()),
                levelSchedule(own, defaults.levelSchedule()));
    }

    private static LevelSchedule levelSchedule(Map<String, String> properties, LevelSchedule defaults)
    {
        List<Duration> thresholds = parse(properties, "task.level-thresholds", TaskManagerConfig::parseLevelThresholds, defaults.levelThresholds());
        double multiplier = parse(properties, "task.level-time-multiplier", Double::parseDouble, defaults.levelTimeMultiplier());
        try {
            return new LevelSchedule(thresholds, multiplier);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for task.level-thresholds or task.level-time-multiplier: " + e.getMessage(), e);
        }
    }

    /** Where levels 1 to 4 start, as durations separated by commas ({@code 1s,10s,60s,300s}); level 0 starts at zero. */
    public static List<Duration> parseLevelThresholds(String text)
    {
        List<Duration> thresholds = new ArrayList<>();
        thresholds.add(Duration.ZERO);
        for (String part : text.split(",", -1)) {
            thresholds.add(parseDuration(part));
        }
        if (thresholds.size() != LevelSchedule.LEVELS) {
            throw new IllegalArgumentException("need " + (LevelSchedule.LEVELS - 1) + " thresholds (levels 1 to 4): '" + text + "'");
        }
        return thresholds;
    }

    public TaskManagerConfig withMaxQueryMemoryPerNodeBytes(long bytes)
    {
        return new TaskManagerConfig(workerThreads, quantum, maxOutputBufferBytes, maxLocalExchangeBufferBytes, bytes, maxPartialAggregationMemoryBytes, memoryPoolBytes, taskInfoMaxAge,
                levelSchedule);
    }

    public TaskManagerConfig withWorkerThreads(int threads)
    {
        return new TaskManagerConfig(threads, quantum, maxOutputBufferBytes, maxLocalExchangeBufferBytes, maxQueryMemoryPerNodeBytes, maxPartialAggregationMemoryBytes, memoryPoolBytes,
                taskInfoMaxAge, levelSchedule);
    }

    public TaskManagerConfig withMaxOutputBufferBytes(long bytes)
    {
        return new TaskManagerConfig(workerThreads, quantum, bytes, maxLocalExchangeBufferBytes, maxQueryMemoryPerNodeBytes, maxPartialAggregationMemoryBytes, memoryPoolBytes,
                taskInfoMaxAge, levelSchedule);
    }

    public TaskManagerConfig withQuantum(Duration newQuantum)
    {
        return new TaskManagerConfig(workerThreads, newQuantum, maxOutputBufferBytes, maxLocalExchangeBufferBytes, maxQueryMemoryPerNodeBytes, maxPartialAggregationMemoryBytes,
                memoryPoolBytes, taskInfoMaxAge, levelSchedule);
    }

    public TaskManagerConfig withLevelSchedule(LevelSchedule schedule)
    {
        return new TaskManagerConfig(workerThreads, quantum, maxOutputBufferBytes, maxLocalExchangeBufferBytes, maxQueryMemoryPerNodeBytes, maxPartialAggregationMemoryBytes,
                memoryPoolBytes, taskInfoMaxAge, schedule);
    }

    private static <T> T parse(Map<String, String> properties, String name, Function<String, T> parser, T defaultValue)
    {
        String value = properties.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return parser.apply(value.trim());
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "'", e);
        }
    }

    /** {@code 500ms}, {@code 1s}, {@code 15m}, {@code 1h}, as Airlift's {@code Duration} spells them. */
    public static Duration parseDuration(String text)
    {
        String trimmed = text.trim();
        String[] units = {"ms", "s", "m", "h", "d"};
        for (String unit : units) {
            if (trimmed.endsWith(unit) && !(unit.equals("s") && trimmed.endsWith("ms"))) {
                double number = Double.parseDouble(trimmed.substring(0, trimmed.length() - unit.length()).trim());
                switch (unit) {
                    case "ms":
                        return Duration.ofNanos((long) (number * 1e6));
                    case "s":
                        return Duration.ofNanos((long) (number * 1e9));
                    case "m":
                        return Duration.ofNanos((long) (number * 60e9));
                    case "h":
                        return Duration.ofNanos((long) (number * 3600e9));
                    default:
                        return Duration.ofNanos((long) (number * 86400e9));
                }
            }
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (units: ms, s, m, h, d)");
    }

    private static void check(boolean condition, String property, String message)
    {
        if (!condition) {
            throw new IllegalArgumentException("Invalid value for " + property + ": " + message);
        }
    }
}
