package io.strata.core.execution.driver;

import io.strata.core.planner.plan.PlanNodeId;

import static java.util.Objects.requireNonNull;

/**
 * One operator of a pipeline, summed over the drivers that ran it: what {@code EXPLAIN ANALYZE} shows beside
 * the plan node the operator implements.
 *
 * @param drivers the drivers whose counters are in this sum
 * @param peakMemoryBytes the largest memory one driver's instance of the operator held
 */
public record OperatorStatistics(
        int pipelineId,
        int operatorId,
        PlanNodeId planNodeId,
        String operatorType,
        int drivers,
        long inputPositions,
        long inputBytes,
        long outputPositions,
        long outputBytes,
        long rawInputPositions,
        long rawInputBytes,
        long wallNanos,
        long peakMemoryBytes)
{
    public OperatorStatistics
    {
        requireNonNull(planNodeId, "planNodeId is null");
        requireNonNull(operatorType, "operatorType is null");
    }

    static OperatorStatistics of(int pipelineId, OperatorContext context)
    {
        return new OperatorStatistics(pipelineId, context.operatorId(), context.planNodeId(), context.operatorType(), 1,
                context.inputPositions(), context.inputBytes(), context.outputPositions(), context.outputBytes(),
                context.rawInputPositions(), context.rawInputBytes(), context.wallNanos(), context.memory().peakBytes());
    }

    /** This operator's counters plus another's: the same operator of the same pipeline, in another driver or task. */
    public OperatorStatistics add(OperatorStatistics other)
    {
        return new OperatorStatistics(pipelineId, operatorId, planNodeId, operatorType,
                drivers + other.drivers,
                inputPositions + other.inputPositions,
                inputBytes + other.inputBytes,
                outputPositions + other.outputPositions,
                outputBytes + other.outputBytes,
                rawInputPositions + other.rawInputPositions,
                rawInputBytes + other.rawInputBytes,
                wallNanos + other.wallNanos,
                Math.max(peakMemoryBytes, other.peakMemoryBytes));
    }
}
