package io.strata.core.execution.task;

import static java.util.Objects.requireNonNull;

/**
 * A task of a query: {@code queryId.stageId.taskId}, as Presto names them.
 */
public record TaskId(String queryId, int stageId, int id)
{
    public TaskId
    {
        requireNonNull(queryId, "queryId is null");
        if (queryId.isEmpty() || queryId.contains(".")) {
            throw new IllegalArgumentException("bad query id: " + queryId);
        }
        if (stageId < 0 || id < 0) {
            throw new IllegalArgumentException("stage and task ids must not be negative");
        }
    }

    /** Parses {@code queryId.stageId.taskId}. */
    public static TaskId valueOf(String text)
    {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a task id: " + text);
        }
        try {
            return new TaskId(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a task id: " + text, e);
        }
    }

    @Override
    public String toString()
    {
        return queryId + "." + stageId + "." + id;
    }
}
