package io.strata.core.execution.split;

import static java.util.Objects.requireNonNull;

/**
 * A split as assigned to one task: the sequence number makes a repeated assignment (a retried task update)
 * harmless, since the task ignores numbers it has seen.
 */
public record ScheduledSplit(long sequenceId, Split split)
{
    public ScheduledSplit
    {
        requireNonNull(split, "split is null");
    }
}
