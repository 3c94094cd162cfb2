package io.strata.core.metadata;

import io.strata.core.session.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * The system session properties Strata defines, with typed accessors for the components that read them.
 * Names use Presto's style; a property name has no dot, because {@code SET SESSION a.b} sets property
 * {@code b} of catalog {@code a}.
 */
public final class SystemSessionProperties
{
    /** The longest a query may take from creation to its end, as an Airlift duration ({@code 30m}, {@code 1.5h}). */
    public static final String QUERY_MAX_RUN_TIME = "query_max_run_time";
    /** Optimizer passes to skip, by name, separated by commas: for tests and for working around a bad rewrite. */
    public static final String OPTIMIZER_DISABLED_PASSES = "optimizer_disabled_passes";

    /** Presto's: {@code AUTOMATIC} (from row-count estimates), {@code PARTITIONED} or {@code BROADCAST}. */
    public static final String JOIN_DISTRIBUTION_TYPE = "join_distribution_type";
    /** Presto's: the most tasks of a hash-partitioned stage; 0 means one per schedulable node. */
    public static final String HASH_PARTITION_COUNT = "hash_partition_count";
    /** Presto's: {@code phased} (a join's build-side stages get their splits before its probe side) or {@code all-at-once}. */
    public static final String EXECUTION_POLICY = "execution_policy";

    public enum JoinDistributionType
    {
        AUTOMATIC,
        PARTITIONED,
        BROADCAST,
    }

    private static final Set<String> EXECUTION_POLICIES = Set.of("phased", "all-at-once");

    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)\\s*$");

    private SystemSessionProperties() {}

    /**
     * The property definitions.
     *
     * @param optimizerPassNames the names {@link #OPTIMIZER_DISABLED_PASSES} may list
     */
    public static List<SessionPropertyMetadata> create(Collection<String> optimizerPassNames)
    {
        Set<String> passNames = new TreeSet<>(optimizerPassNames);
        return List.of(
                new SessionPropertyMetadata(
                        QUERY_MAX_RUN_TIME,
                        "Maximum run time of a query, queued time included",
                        VARCHAR,
                        "100.00d",
                        value -> parseDuration(value).isPresent() ? Optional.empty() : Optional.of("not a duration such as 30s, 10m or 1.5h")),
                new SessionPropertyMetadata(
                        OPTIMIZER_DISABLED_PASSES,
                        "Comma-separated names of optimizer passes to skip; one of " + String.join(", ", passNames),
                        VARCHAR,
                        "",
                        value -> {
                            List<String> unknown = splitList(value).stream().filter(name -> !passNames.contains(name)).toList();
                            return unknown.isEmpty() ? Optional.empty() : Optional.of("unknown optimizer passes " + unknown);
                        }),
                new SessionPropertyMetadata(
                        JOIN_DISTRIBUTION_TYPE,
                        "Join distribution: AUTOMATIC (broadcast the build side when it is estimated small), PARTITIONED or BROADCAST",
                        VARCHAR,
                        JoinDistributionType.AUTOMATIC.name(),
                        value -> parseJoinDistributionType(value).isPresent() ? Optional.empty() : Optional.of("not one of AUTOMATIC, PARTITIONED, BROADCAST")),
                new SessionPropertyMetadata(
                        HASH_PARTITION_COUNT,
                        "The most tasks of a hash-partitioned stage (0: one per schedulable node)",
                        INTEGER,
                        "0",
                        value -> parseCount(value).isPresent() ? Optional.empty() : Optional.of("not a count from 0 to 1000")),
                new SessionPropertyMetadata(
                        EXECUTION_POLICY,
                        "phased (the stages building a join's hash table get their splits before the stages probing it) or all-at-once",
                        VARCHAR,
                        "phased",
                        value -> EXECUTION_POLICIES.contains(value.toLowerCase(Locale.ENGLISH)) ? Optional.empty() : Optional.of("not one of phased, all-at-once")));
    }

    public static Optional<Duration> getQueryMaxRunTime(Session session)
    {
        return Optional.ofNullable(session.systemProperties().get(QUERY_MAX_RUN_TIME)).flatMap(SystemSessionProperties::parseDuration);
    }

    public static JoinDistributionType getJoinDistributionType(Session session)
    {
        return Optional.ofNullable(session.systemProperties().get(JOIN_DISTRIBUTION_TYPE)).flatMap(SystemSessionProperties::parseJoinDistributionType)
                .orElse(JoinDistributionType.AUTOMATIC);
    }

    /** The configured most tasks of a hash-partitioned stage; 0 when the node count decides. */
    public static int getHashPartitionCount(Session session)
    {
        return Optional.ofNullable(session.systemProperties().get(HASH_PARTITION_COUNT)).flatMap(SystemSessionProperties::parseCount).orElse(0);
    }

    public static boolean isPhasedExecution(Session session)
    {
        return !session.systemProperties().getOrDefault(EXECUTION_POLICY, "phased").equalsIgnoreCase("all-at-once");
    }

    private static Optional<JoinDistributionType> parseJoinDistributionType(String value)
    {
        for (JoinDistributionType type : JoinDistributionType.values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> parseCount(String value)
    {
        try {
            int count = Integer.parseInt(value.trim());
            return count >= 0 && count <= 1000 ? Optional.of(count) : Optional.empty();
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static Set<String> getDisabledOptimizerPasses(Session session)
    {
        return new TreeSet<>(splitList(session.systemProperties().getOrDefault(OPTIMIZER_DISABLED_PASSES, "")));
    }

    /** An Airlift duration ({@code 100.00d}, {@code 30s}, {@code 1.5h}). */
    public static Optional<Duration> parseDuration(String value)
    {
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double amount = Double.parseDouble(matcher.group(1));
        double nanosPerUnit = switch (matcher.group(2).toLowerCase(Locale.ENGLISH)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            case "h" -> 3600e9;
            default -> 86400e9;
        };
        return Optional.of(Duration.ofNanos((long) Math.min(Long.MAX_VALUE, amount * nanosPerUnit)));
    }

    private static List<String> splitList(String value)
    {
        List<String> names = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        return names;
    }
}
