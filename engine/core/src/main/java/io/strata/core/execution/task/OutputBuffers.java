package io.strata.core.execution.task;

/**
 * The output buffers a task keeps: one per consumer, fixed when the task is created. The root task of a
 * query has one, read by the coordinator.
 */
public record OutputBuffers(int bufferCount)
{
    public static final OutputBuffers SINGLE = new OutputBuffers(1);

    public OutputBuffers
    {
        if (bufferCount < 1) {
            throw new IllegalArgumentException("a task needs an output buffer");
        }
    }
}
