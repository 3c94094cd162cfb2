package io.strata.core.analyzer;

import io.strata.core.session.SessionUpdates;

import static java.util.Objects.requireNonNull;

/**
 * A statement without output: the update type it reports ({@code SET SESSION}, {@code USE}, ...) and what it
 * changes in the client's session.
 */
public record SessionChangeAnalysis(String updateType, SessionUpdates sessionUpdates)
        implements Analysis
{
    public SessionChangeAnalysis
    {
        requireNonNull(updateType, "updateType is null");
        requireNonNull(sessionUpdates, "sessionUpdates is null");
    }
}
