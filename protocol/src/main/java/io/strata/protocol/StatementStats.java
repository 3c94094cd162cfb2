package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * Progress of a statement, in every response. The union of presto-client 0.296's fields and the ones
 * trino-client 476 reads; each driver ignores what it does not know, and a missing number reads as 0.
 * The two percentages are computed from the split counts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"state", "waitingForPrerequisites", "queued", "scheduled", "nodes", "totalSplits", "queuedSplits", "runningSplits", "completedSplits", "cpuTimeMillis", "wallTimeMillis", "waitingForPrerequisitesTimeMillis", "queuedTimeMillis", "elapsedTimeMillis", "planningTimeMillis", "analysisTimeMillis", "finishingTimeMillis", "processedRows", "processedBytes", "physicalInputBytes", "physicalInputTimeMillis", "physicalWrittenBytes", "internalNetworkInputBytes", "peakMemoryBytes", "peakTotalMemoryBytes", "peakTaskTotalMemoryBytes", "spilledBytes", "rootStage", "runtimeStats", "progressPercentage", "runningPercentage"})
public final class StatementStats
{
    private final String state;
    private final boolean waitingForPrerequisites;
    private final boolean queued;
    private final boolean scheduled;
    private final int nodes;
    private final int totalSplits;
    private final int queuedSplits;
    private final int runningSplits;
    private final int completedSplits;
    private final long cpuTimeMillis;
    private final long wallTimeMillis;
    private final long waitingForPrerequisitesTimeMillis;
    private final long queuedTimeMillis;
    private final long elapsedTimeMillis;
    private final long planningTimeMillis;
    private final long analysisTimeMillis;
    private final long finishingTimeMillis;
    private final long processedRows;
    private final long processedBytes;
    private final long physicalInputBytes;
    private final long physicalInputTimeMillis;
    private final long physicalWrittenBytes;
    private final long internalNetworkInputBytes;
    private final long peakMemoryBytes;
    private final long peakTotalMemoryBytes;
    private final long peakTaskTotalMemoryBytes;
    private final long spilledBytes;
    private final Optional<StageStats> rootStage;
    private final Optional<Map<String, Object>> runtimeStats;

    @JsonCreator
    public StatementStats(
            @JsonProperty("state") String state,
            @JsonProperty("waitingForPrerequisites") boolean waitingForPrerequisites,
            @JsonProperty("queued") boolean queued,
            @JsonProperty("scheduled") boolean scheduled,
            @JsonProperty("nodes") int nodes,
            @JsonProperty("totalSplits") int totalSplits,
            @JsonProperty("queuedSplits") int queuedSplits,
            @JsonProperty("runningSplits") int runningSplits,
            @JsonProperty("completedSplits") int completedSplits,
            @JsonProperty("cpuTimeMillis") long cpuTimeMillis,
            @JsonProperty("wallTimeMillis") long wallTimeMillis,
            @JsonProperty("waitingForPrerequisitesTimeMillis") long waitingForPrerequisitesTimeMillis,
            @JsonProperty("queuedTimeMillis") long queuedTimeMillis,
            @JsonProperty("elapsedTimeMillis") long elapsedTimeMillis,
            @JsonProperty("planningTimeMillis") long planningTimeMillis,
            @JsonProperty("analysisTimeMillis") long analysisTimeMillis,
            @JsonProperty("finishingTimeMillis") long finishingTimeMillis,
            @JsonProperty("processedRows") long processedRows,
            @JsonProperty("processedBytes") long processedBytes,
            @JsonProperty("physicalInputBytes") long physicalInputBytes,
            @JsonProperty("physicalInputTimeMillis") long physicalInputTimeMillis,
            @JsonProperty("physicalWrittenBytes") long physicalWrittenBytes,
            @JsonProperty("internalNetworkInputBytes") long internalNetworkInputBytes,
            @JsonProperty("peakMemoryBytes") long peakMemoryBytes,
            @JsonProperty("peakTotalMemoryBytes") long peakTotalMemoryBytes,
            @JsonProperty("peakTaskTotalMemoryBytes") long peakTaskTotalMemoryBytes,
            @JsonProperty("spilledBytes") long spilledBytes,
            @JsonProperty("rootStage") Optional<StageStats> rootStage,
            @JsonProperty("runtimeStats") Optional<Map<String, Object>> runtimeStats)
    {
        this.state = requireNonNull(state, "state is null");
        this.waitingForPrerequisites = waitingForPrerequisites;
        this.queued = queued;
        this.scheduled = scheduled;
        this.nodes = nodes;
        this.totalSplits = totalSplits;
        this.queuedSplits = queuedSplits;
        this.runningSplits = runningSplits;
        this.completedSplits = completedSplits;
        this.cpuTimeMillis = cpuTimeMillis;
        this.wallTimeMillis = wallTimeMillis;
        this.waitingForPrerequisitesTimeMillis = waitingForPrerequisitesTimeMillis;
        this.queuedTimeMillis = queuedTimeMillis;
        this.elapsedTimeMillis = elapsedTimeMillis;
        this.planningTimeMillis = planningTimeMillis;
        this.analysisTimeMillis = analysisTimeMillis;
        this.finishingTimeMillis = finishingTimeMillis;
        this.processedRows = processedRows;
        this.processedBytes = processedBytes;
        this.physicalInputBytes = physicalInputBytes;
        this.physicalInputTimeMillis = physicalInputTimeMillis;
        this.physicalWrittenBytes = physicalWrittenBytes;
        this.internalNetworkInputBytes = internalNetworkInputBytes;
        this.peakMemoryBytes = peakMemoryBytes;
        this.peakTotalMemoryBytes = peakTotalMemoryBytes;
        this.peakTaskTotalMemoryBytes = peakTaskTotalMemoryBytes;
        this.spilledBytes = spilledBytes;
        this.rootStage = rootStage == null ? Optional.empty() : rootStage;
        this.runtimeStats = runtimeStats == null ? Optional.empty() : runtimeStats.map(map -> Collections.unmodifiableMap(new LinkedHashMap<>(map)));
    }

    /** The {@link QueryState} name; information only, clients decide by {@code nextUri} and {@code error}. */
    @JsonProperty("state")
    public String state()
    {
        return state;
    }

    /** Presto. */
    @JsonProperty("waitingForPrerequisites")
    public boolean waitingForPrerequisites()
    {
        return waitingForPrerequisites;
    }

    @JsonProperty("queued")
    public boolean queued()
    {
        return queued;
    }

    /** Whether the query's stages are scheduled; progress is only known once they are. */
    @JsonProperty("scheduled")
    public boolean scheduled()
    {
        return scheduled;
    }

    /** The distinct nodes running the query's output stage. */
    @JsonProperty("nodes")
    public int nodes()
    {
        return nodes;
    }

    @JsonProperty("totalSplits")
    public int totalSplits()
    {
        return totalSplits;
    }

    @JsonProperty("queuedSplits")
    public int queuedSplits()
    {
        return queuedSplits;
    }

    /** Running and blocked splits. */
    @JsonProperty("runningSplits")
    public int runningSplits()
    {
        return runningSplits;
    }

    @JsonProperty("completedSplits")
    public int completedSplits()
    {
        return completedSplits;
    }

    @JsonProperty("cpuTimeMillis")
    public long cpuTimeMillis()
    {
        return cpuTimeMillis;
    }

    @JsonProperty("wallTimeMillis")
    public long wallTimeMillis()
    {
        return wallTimeMillis;
    }

    /** Presto. */
    @JsonProperty("waitingForPrerequisitesTimeMillis")
    public long waitingForPrerequisitesTimeMillis()
    {
        return waitingForPrerequisitesTimeMillis;
    }

    @JsonProperty("queuedTimeMillis")
    public long queuedTimeMillis()
    {
        return queuedTimeMillis;
    }

    @JsonProperty("elapsedTimeMillis")
    public long elapsedTimeMillis()
    {
        return elapsedTimeMillis;
    }

    /** Trino. */
    @JsonProperty("planningTimeMillis")
    public long planningTimeMillis()
    {
        return planningTimeMillis;
    }

    /** Trino. */
    @JsonProperty("analysisTimeMillis")
    public long analysisTimeMillis()
    {
        return analysisTimeMillis;
    }

    /** Trino. */
    @JsonProperty("finishingTimeMillis")
    public long finishingTimeMillis()
    {
        return finishingTimeMillis;
    }

    /** Raw input rows. */
    @JsonProperty("processedRows")
    public long processedRows()
    {
        return processedRows;
    }

    /** Raw input bytes. */
    @JsonProperty("processedBytes")
    public long processedBytes()
    {
        return processedBytes;
    }

    /** Trino. */
    @JsonProperty("physicalInputBytes")
    public long physicalInputBytes()
    {
        return physicalInputBytes;
    }

    /** Trino. */
    @JsonProperty("physicalInputTimeMillis")
    public long physicalInputTimeMillis()
    {
        return physicalInputTimeMillis;
    }

    /** Trino. */
    @JsonProperty("physicalWrittenBytes")
    public long physicalWrittenBytes()
    {
        return physicalWrittenBytes;
    }

    /** Trino. */
    @JsonProperty("internalNetworkInputBytes")
    public long internalNetworkInputBytes()
    {
        return internalNetworkInputBytes;
    }

    /** Peak user memory. */
    @JsonProperty("peakMemoryBytes")
    public long peakMemoryBytes()
    {
        return peakMemoryBytes;
    }

    /** Presto. */
    @JsonProperty("peakTotalMemoryBytes")
    public long peakTotalMemoryBytes()
    {
        return peakTotalMemoryBytes;
    }

    /** Presto. */
    @JsonProperty("peakTaskTotalMemoryBytes")
    public long peakTaskTotalMemoryBytes()
    {
        return peakTaskTotalMemoryBytes;
    }

    @JsonProperty("spilledBytes")
    public long spilledBytes()
    {
        return spilledBytes;
    }

    @JsonProperty("rootStage")
    public Optional<StageStats> rootStage()
    {
        return rootStage;
    }

    /** Presto's runtime metrics, passed through as the server sent them. */
    @JsonProperty("runtimeStats")
    public Optional<Map<String, Object>> runtimeStats()
    {
        return runtimeStats;
    }

    /**
     * Completed splits in percent of all splits, once the query is scheduled. Presto computes it; Trino
     * reads it as a field. Written as {@code null} when unknown: Trino's constructor rejects a missing one.
     */
    @JsonProperty("progressPercentage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public OptionalDouble progressPercentage()
    {
        return percentageOfSplits(completedSplits);
    }

    /** Running splits in percent of all splits, once the query is scheduled; Trino reads it as a field. */
    @JsonProperty("runningPercentage")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public OptionalDouble runningPercentage()
    {
        return percentageOfSplits(runningSplits);
    }

    private OptionalDouble percentageOfSplits(int splits)
    {
        if (!scheduled || totalSplits == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.min(100, (splits * 100.0) / totalSplits));
    }

    @Override
    public String toString()
    {
        return state + " " + completedSplits + "/" + totalSplits + " splits, " + processedRows + " rows";
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StatementStats)) {
            return false;
        }
        StatementStats that = (StatementStats) other;
        return state.equals(that.state) &&
                waitingForPrerequisites == that.waitingForPrerequisites &&
                queued == that.queued &&
                scheduled == that.scheduled &&
                nodes == that.nodes &&
                totalSplits == that.totalSplits &&
                queuedSplits == that.queuedSplits &&
                runningSplits == that.runningSplits &&
                completedSplits == that.completedSplits &&
                cpuTimeMillis == that.cpuTimeMillis &&
                wallTimeMillis == that.wallTimeMillis &&
                waitingForPrerequisitesTimeMillis == that.waitingForPrerequisitesTimeMillis &&
                queuedTimeMillis == that.queuedTimeMillis &&
                elapsedTimeMillis == that.elapsedTimeMillis &&
                planningTimeMillis == that.planningTimeMillis &&
                analysisTimeMillis == that.analysisTimeMillis &&
                finishingTimeMillis == that.finishingTimeMillis &&
                processedRows == that.processedRows &&
                processedBytes == that.processedBytes &&
                physicalInputBytes == that.physicalInputBytes &&
                physicalInputTimeMillis == that.physicalInputTimeMillis &&
                physicalWrittenBytes == that.physicalWrittenBytes &&
                internalNetworkInputBytes == that.internalNetworkInputBytes &&
                peakMemoryBytes == that.peakMemoryBytes &&
                peakTotalMemoryBytes == that.peakTotalMemoryBytes &&
                peakTaskTotalMemoryBytes == that.peakTaskTotalMemoryBytes &&
                spilledBytes == that.spilledBytes &&
                rootStage.equals(that.rootStage) &&
                runtimeStats.equals(that.runtimeStats);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(
                state,
                waitingForPrerequisites,
                queued,
                scheduled,
                nodes,
                totalSplits,
                queuedSplits,
                runningSplits,
                completedSplits,
                cpuTimeMillis,
                wallTimeMillis,
                waitingForPrerequisitesTimeMillis,
                queuedTimeMillis,
                elapsedTimeMillis,
                planningTimeMillis,
                analysisTimeMillis,
                finishingTimeMillis,
                processedRows,
                processedBytes,
                physicalInputBytes,
                physicalInputTimeMillis,
                physicalWrittenBytes,
                internalNetworkInputBytes,
                peakMemoryBytes,
                peakTotalMemoryBytes,
                peakTaskTotalMemoryBytes,
                spilledBytes,
                rootStage,
                runtimeStats);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public Builder toBuilder()
    {
        Builder builder = new Builder();
        builder.state = state;
        builder.waitingForPrerequisites = waitingForPrerequisites;
        builder.queued = queued;
        builder.scheduled = scheduled;
        builder.nodes = nodes;
        builder.totalSplits = totalSplits;
        builder.queuedSplits = queuedSplits;
        builder.runningSplits = runningSplits;
        builder.completedSplits = completedSplits;
        builder.cpuTimeMillis = cpuTimeMillis;
        builder.wallTimeMillis = wallTimeMillis;
        builder.waitingForPrerequisitesTimeMillis = waitingForPrerequisitesTimeMillis;
        builder.queuedTimeMillis = queuedTimeMillis;
        builder.elapsedTimeMillis = elapsedTimeMillis;
        builder.planningTimeMillis = planningTimeMillis;
        builder.analysisTimeMillis = analysisTimeMillis;
        builder.finishingTimeMillis = finishingTimeMillis;
        builder.processedRows = processedRows;
        builder.processedBytes = processedBytes;
        builder.physicalInputBytes = physicalInputBytes;
        builder.physicalInputTimeMillis = physicalInputTimeMillis;
        builder.physicalWrittenBytes = physicalWrittenBytes;
        builder.internalNetworkInputBytes = internalNetworkInputBytes;
        builder.peakMemoryBytes = peakMemoryBytes;
        builder.peakTotalMemoryBytes = peakTotalMemoryBytes;
        builder.peakTaskTotalMemoryBytes = peakTaskTotalMemoryBytes;
        builder.spilledBytes = spilledBytes;
        builder.rootStage = rootStage;
        builder.runtimeStats = runtimeStats;
        return builder;
    }

    public static final class Builder
    {
        private String state = "QUEUED";
        private boolean waitingForPrerequisites;
        private boolean queued;
        private boolean scheduled;
        private int nodes;
        private int totalSplits;
        private int queuedSplits;
        private int runningSplits;
        private int completedSplits;
        private long cpuTimeMillis;
        private long wallTimeMillis;
        private long waitingForPrerequisitesTimeMillis;
        private long queuedTimeMillis;
        private long elapsedTimeMillis;
        private long planningTimeMillis;
        private long analysisTimeMillis;
        private long finishingTimeMillis;
        private long processedRows;
        private long processedBytes;
        private long physicalInputBytes;
        private long physicalInputTimeMillis;
        private long physicalWrittenBytes;
        private long internalNetworkInputBytes;
        private long peakMemoryBytes;
        private long peakTotalMemoryBytes;
        private long peakTaskTotalMemoryBytes;
        private long spilledBytes;
        private Optional<StageStats> rootStage = Optional.empty();
        private Optional<Map<String, Object>> runtimeStats = Optional.empty();

        private Builder() {}

        public Builder state(String state)
        {
            this.state = requireNonNull(state, "state is null");
            return this;
        }

        public Builder waitingForPrerequisites(boolean waitingForPrerequisites)
        {
            this.waitingForPrerequisites = waitingForPrerequisites;
            return this;
        }

        public Builder queued(boolean queued)
        {
            this.queued = queued;
            return this;
        }

        public Builder scheduled(boolean scheduled)
        {
            this.scheduled = scheduled;
            return this;
        }

        public Builder nodes(int nodes)
        {
            this.nodes = nodes;
            return this;
        }

        public Builder totalSplits(int totalSplits)
        {
            this.totalSplits = totalSplits;
            return this;
        }

        public Builder queuedSplits(int queuedSplits)
        {
            this.queuedSplits = queuedSplits;
            return this;
        }

        public Builder runningSplits(int runningSplits)
        {
            this.runningSplits = runningSplits;
            return this;
        }

        public Builder completedSplits(int completedSplits)
        {
            this.completedSplits = completedSplits;
            return this;
        }

        public Builder cpuTimeMillis(long cpuTimeMillis)
        {
            this.cpuTimeMillis = cpuTimeMillis;
            return this;
        }

        public Builder wallTimeMillis(long wallTimeMillis)
        {
            this.wallTimeMillis = wallTimeMillis;
            return this;
        }

        public Builder waitingForPrerequisitesTimeMillis(long waitingForPrerequisitesTimeMillis)
        {
            this.waitingForPrerequisitesTimeMillis = waitingForPrerequisitesTimeMillis;
            return this;
        }

        public Builder queuedTimeMillis(long queuedTimeMillis)
        {
            this.queuedTimeMillis = queuedTimeMillis;
            return this;
        }

        public Builder elapsedTimeMillis(long elapsedTimeMillis)
        {
            this.elapsedTimeMillis = elapsedTimeMillis;
            return this;
        }

        public Builder planningTimeMillis(long planningTimeMillis)
        {
            this.planningTimeMillis = planningTimeMillis;
            return this;
        }

        public Builder analysisTimeMillis(long analysisTimeMillis)
        {
            this.analysisTimeMillis = analysisTimeMillis;
            return this;
        }

        public Builder finishingTimeMillis(long finishingTimeMillis)
        {
            this.finishingTimeMillis = finishingTimeMillis;
            return this;
        }

        public Builder processedRows(long processedRows)
        {
            this.processedRows = processedRows;
            return this;
        }

        public Builder processedBytes(long processedBytes)
        {
            this.processedBytes = processedBytes;
            return this;
        }

        public Builder physicalInputBytes(long physicalInputBytes)
        {
            this.physicalInputBytes = physicalInputBytes;
            return this;
        }

        public Builder physicalInputTimeMillis(long physicalInputTimeMillis)
        {
            this.physicalInputTimeMillis = physicalInputTimeMillis;
            return this;
        }

        public Builder physicalWrittenBytes(long physicalWrittenBytes)
        {
            this.physicalWrittenBytes = physicalWrittenBytes;
            return this;
        }

        public Builder internalNetworkInputBytes(long internalNetworkInputBytes)
        {
            this.internalNetworkInputBytes = internalNetworkInputBytes;
            return this;
        }

        public Builder peakMemoryBytes(long peakMemoryBytes)
        {
            this.peakMemoryBytes = peakMemoryBytes;
            return this;
        }

        public Builder peakTotalMemoryBytes(long peakTotalMemoryBytes)
        {
            this.peakTotalMemoryBytes = peakTotalMemoryBytes;
            return this;
        }

        public Builder peakTaskTotalMemoryBytes(long peakTaskTotalMemoryBytes)
        {
            this.peakTaskTotalMemoryBytes = peakTaskTotalMemoryBytes;
            return this;
        }

        public Builder spilledBytes(long spilledBytes)
        {
            this.spilledBytes = spilledBytes;
            return this;
        }

        public Builder rootStage(Optional<StageStats> rootStage)
        {
            this.rootStage = requireNonNull(rootStage, "rootStage is null");
            return this;
        }

        public Builder runtimeStats(Optional<Map<String, Object>> runtimeStats)
        {
            this.runtimeStats = requireNonNull(runtimeStats, "runtimeStats is null");
            return this;
        }

        public Builder state(QueryState state)
        {
            this.state = state.name();
            return this;
        }

        public StatementStats build()
        {
            return new StatementStats(
                    state,
                    waitingForPrerequisites,
                    queued,
                    scheduled,
                    nodes,
                    totalSplits,
                    queuedSplits,
                    runningSplits,
                    completedSplits,
                    cpuTimeMillis,
                    wallTimeMillis,
                    waitingForPrerequisitesTimeMillis,
                    queuedTimeMillis,
                    elapsedTimeMillis,
                    planningTimeMillis,
                    analysisTimeMillis,
                    finishingTimeMillis,
                    processedRows,
                    processedBytes,
                    physicalInputBytes,
                    physicalInputTimeMillis,
                    physicalWrittenBytes,
                    internalNetworkInputBytes,
                    peakMemoryBytes,
                    peakTotalMemoryBytes,
                    peakTaskTotalMemoryBytes,
                    spilledBytes,
                    rootStage,
                    runtimeStats);
        }
    }
}
