package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * Progress of one stage and, through {@code subStages}, of the stages that feed it. The union of Presto's
 * and Trino's fields; each driver ignores what it does not know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"stageId", "state", "done", "nodes", "totalSplits", "queuedSplits", "runningSplits", "completedSplits", "cpuTimeMillis", "wallTimeMillis", "processedRows", "processedBytes", "physicalInputBytes", "failedTasks", "coordinatorOnly", "subStages"})
public final class StageStats
{
    private final String stageId;
    private final String state;
    private final boolean done;
    private final int nodes;
    private final int totalSplits;
    private final int queuedSplits;
    private final int runningSplits;
    private final int completedSplits;
    private final long cpuTimeMillis;
    private final long wallTimeMillis;
    private final long processedRows;
    private final long processedBytes;
    private final long physicalInputBytes;
    private final int failedTasks;
    private final boolean coordinatorOnly;
    private final List<StageStats> subStages;

    @JsonCreator
    public StageStats(
            @JsonProperty("stageId") String stageId,
            @JsonProperty("state") String state,
            @JsonProperty("done") boolean done,
            @JsonProperty("nodes") int nodes,
            @JsonProperty("totalSplits") int totalSplits,
            @JsonProperty("queuedSplits") int queuedSplits,
            @JsonProperty("runningSplits") int runningSplits,
            @JsonProperty("completedSplits") int completedSplits,
            @JsonProperty("cpuTimeMillis") long cpuTimeMillis,
            @JsonProperty("wallTimeMillis") long wallTimeMillis,
            @JsonProperty("processedRows") long processedRows,
            @JsonProperty("processedBytes") long processedBytes,
            @JsonProperty("physicalInputBytes") long physicalInputBytes,
            @JsonProperty("failedTasks") int failedTasks,
            @JsonProperty("coordinatorOnly") boolean coordinatorOnly,
            @JsonProperty("subStages") List<StageStats> subStages)
    {
        this.stageId = requireNonNull(stageId, "stageId is null");
        this.state = requireNonNull(state, "state is null");
        this.done = done;
        this.nodes = nodes;
        this.totalSplits = totalSplits;
        this.queuedSplits = queuedSplits;
        this.runningSplits = runningSplits;
        this.completedSplits = completedSplits;
        this.cpuTimeMillis = cpuTimeMillis;
        this.wallTimeMillis = wallTimeMillis;
        this.processedRows = processedRows;
        this.processedBytes = processedBytes;
        this.physicalInputBytes = physicalInputBytes;
        this.failedTasks = failedTasks;
        this.coordinatorOnly = coordinatorOnly;
        this.subStages = subStages == null ? List.of() : List.copyOf(subStages);
    }

    /** The stage's id within its query, e.g. {@code 0}. */
    @JsonProperty("stageId")
    public String stageId()
    {
        return stageId;
    }

    /** The stage's state name, e.g. {@code RUNNING}. */
    @JsonProperty("state")
    public String state()
    {
        return state;
    }

    @JsonProperty("done")
    public boolean done()
    {
        return done;
    }

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

    @JsonProperty("processedRows")
    public long processedRows()
    {
        return processedRows;
    }

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
    @JsonProperty("failedTasks")
    public int failedTasks()
    {
        return failedTasks;
    }

    /** Trino. */
    @JsonProperty("coordinatorOnly")
    public boolean coordinatorOnly()
    {
        return coordinatorOnly;
    }

    @JsonProperty("subStages")
    public List<StageStats> subStages()
    {
        return subStages;
    }

    @Override
    public String toString()
    {
        return "stage " + stageId + " " + state + " " + completedSplits + "/" + totalSplits + " splits";
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StageStats)) {
            return false;
        }
        StageStats that = (StageStats) other;
        return stageId.equals(that.stageId) &&
                state.equals(that.state) &&
                done == that.done &&
                nodes == that.nodes &&
                totalSplits == that.totalSplits &&
                queuedSplits == that.queuedSplits &&
                runningSplits == that.runningSplits &&
                completedSplits == that.completedSplits &&
                cpuTimeMillis == that.cpuTimeMillis &&
                wallTimeMillis == that.wallTimeMillis &&
                processedRows == that.processedRows &&
                processedBytes == that.processedBytes &&
                physicalInputBytes == that.physicalInputBytes &&
                failedTasks == that.failedTasks &&
                coordinatorOnly == that.coordinatorOnly &&
                subStages.equals(that.subStages);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(
                stageId,
                state,
                done,
                nodes,
                totalSplits,
                queuedSplits,
                runningSplits,
                completedSplits,
                cpuTimeMillis,
                wallTimeMillis,
                processedRows,
                processedBytes,
                physicalInputBytes,
                failedTasks,
                coordinatorOnly,
                subStages);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    public Builder toBuilder()
    {
        Builder builder = new Builder();
        builder.stageId = stageId;
        builder.state = state;
        builder.done = done;
        builder.nodes = nodes;
        builder.totalSplits = totalSplits;
        builder.queuedSplits = queuedSplits;
        builder.runningSplits = runningSplits;
        builder.completedSplits = completedSplits;
        builder.cpuTimeMillis = cpuTimeMillis;
        builder.wallTimeMillis = wallTimeMillis;
        builder.processedRows = processedRows;
        builder.processedBytes = processedBytes;
        builder.physicalInputBytes = physicalInputBytes;
        builder.failedTasks = failedTasks;
        builder.coordinatorOnly = coordinatorOnly;
        builder.subStages = subStages;
        return builder;
    }

    public static final class Builder
    {
        private String stageId = "0";
        private String state = "QUEUED";
        private boolean done;
        private int nodes;
        private int totalSplits;
        private int queuedSplits;
        private int runningSplits;
        private int completedSplits;
        private long cpuTimeMillis;
        private long wallTimeMillis;
        private long processedRows;
        private long processedBytes;
        private long physicalInputBytes;
        private int failedTasks;
        private boolean coordinatorOnly;
        private List<StageStats> subStages = List.of();

        private Builder() {}

        public Builder stageId(String stageId)
        {
            this.stageId = requireNonNull(stageId, "stageId is null");
            return this;
        }

        public Builder state(String state)
        {
            this.state = requireNonNull(state, "state is null");
            return this;
        }

        public Builder done(boolean done)
        {
            this.done = done;
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

        public Builder failedTasks(int failedTasks)
        {
            this.failedTasks = failedTasks;
            return this;
        }

        public Builder coordinatorOnly(boolean coordinatorOnly)
        {
            this.coordinatorOnly = coordinatorOnly;
            return this;
        }

        public Builder subStages(List<StageStats> subStages)
        {
            this.subStages = requireNonNull(subStages, "subStages is null");
            return this;
        }

        public StageStats build()
        {
            return new StageStats(
                    stageId,
                    state,
                    done,
                    nodes,
                    totalSplits,
                    queuedSplits,
                    runningSplits,
                    completedSplits,
                    cpuTimeMillis,
                    wallTimeMillis,
                    processedRows,
                    processedBytes,
                    physicalInputBytes,
                    failedTasks,
                    coordinatorOnly,
                    subStages);
        }
    }
}
