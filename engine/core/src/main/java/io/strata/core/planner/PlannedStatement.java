package io.strata.core.planner;

import io.strata.core.planner.plan.OutputNode;
import io.strata.core.session.SessionUpdates;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the front end (parse, analyze, plan, optimize) hands to execution for one statement: the optimized
 * plan of its output (absent for statements without output, such as {@code SET SESSION}), the update type it
 * reports, and the session changes it makes.
 */
public record PlannedStatement(Optional<OutputNode> plan, Optional<String> updateType, SessionUpdates sessionUpdates)
{
    public PlannedStatement
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(updateType, "updateType is null");
        requireNonNull(sessionUpdates, "sessionUpdates is null");
        if (plan.isEmpty() && updateType.isEmpty()) {
            throw new IllegalArgumentException("a statement without output must report an update type");
        }
    }
}
