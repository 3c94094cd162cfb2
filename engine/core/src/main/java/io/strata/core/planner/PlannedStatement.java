package io.strata.core.planner;

import io.strata.core.metadata.DataDefinitionTask;
import io.strata.core.metadata.WriteTarget;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.session.SessionUpdates;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the front end (parse, analyze, plan, optimize) hands to execution for one statement: the optimized
 * plan of its output (absent for statements without output, such as {@code SET SESSION}), the update type it
 * reports, and the session changes it makes. INSERT and CREATE TABLE AS also carry the table their plan's rows
 * go to (the client then receives their count); CREATE TABLE, DROP TABLE, ... the change they run.
 */
public record PlannedStatement(
        Optional<OutputNode> plan,
        Optional<String> updateType,
        SessionUpdates sessionUpdates,
        Optional<WriteTarget> writeTarget,
        Optional<DataDefinitionTask> dataDefinition,
        Optional<AnnotatedPlanPrinter> explainAnalyze)
{
    public PlannedStatement
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(updateType, "updateType is null");
        requireNonNull(sessionUpdates, "sessionUpdates is null");
        requireNonNull(writeTarget, "writeTarget is null");
        requireNonNull(dataDefinition, "dataDefinition is null");
        requireNonNull(explainAnalyze, "explainAnalyze is null");
        if (explainAnalyze.isPresent() && (plan.isEmpty() || writeTarget.isPresent())) {
            throw new IllegalArgumentException("EXPLAIN ANALYZE runs the plan of a query");
        }
        if (plan.isEmpty() && updateType.isEmpty()) {
            throw new IllegalArgumentException("a statement without output must report an update type");
        }
        if (writeTarget.isPresent() && (plan.isEmpty() || updateType.isEmpty())) {
            throw new IllegalArgumentException("a write needs the plan of its rows and an update type");
        }
        if (dataDefinition.isPresent() && plan.isPresent()) {
            throw new IllegalArgumentException("a data definition statement has no plan");
        }
    }

    public PlannedStatement(Optional<OutputNode> plan, Optional<String> updateType, SessionUpdates sessionUpdates, Optional<WriteTarget> writeTarget,
            Optional<DataDefinitionTask> dataDefinition)
    {
        this(plan, updateType, sessionUpdates, writeTarget, dataDefinition, Optional.empty());
    }

    public PlannedStatement(Optional<OutputNode> plan, Optional<String> updateType, SessionUpdates sessionUpdates)
    {
        this(plan, updateType, sessionUpdates, Optional.empty(), Optional.empty());
    }

    /** {@code EXPLAIN ANALYZE}: the query's plan runs, its rows are dropped, and the client gets the printed plan. */
    public static PlannedStatement explainAnalyze(OutputNode plan, AnnotatedPlanPrinter printer)
    {
        return new PlannedStatement(Optional.of(plan), Optional.empty(), SessionUpdates.NONE, Optional.empty(), Optional.empty(), Optional.of(printer));
    }
}
