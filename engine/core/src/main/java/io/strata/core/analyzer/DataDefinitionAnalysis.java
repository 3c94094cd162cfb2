package io.strata.core.analyzer;

import io.strata.core.metadata.DataDefinitionTask;

import static java.util.Objects.requireNonNull;

/**
 * A statement that changes a catalog without moving rows (CREATE SCHEMA, CREATE TABLE, DROP TABLE): the update
 * type it reports and the change, run when the statement executes.
 */
public record DataDefinitionAnalysis(String updateType, DataDefinitionTask task)
        implements Analysis
{
    public DataDefinitionAnalysis
    {
        requireNonNull(updateType, "updateType is null");
        requireNonNull(task, "task is null");
    }
}
