package io.strata.core.analyzer;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN statement}: the statement's own analysis, and its text (shown instead of a plan for
 * statements that have none, such as {@code SET SESSION}); {@code distributed} shows the plan's fragments.
 */
public record ExplainAnalysis(Analysis statement, Optional<String> statementText, boolean distributed)
        implements Analysis
{
    public ExplainAnalysis(Analysis statement, Optional<String> statementText)
    {
        this(statement, statementText, false);
    }

    public ExplainAnalysis
    {
        requireNonNull(statement, "statement is null");
        requireNonNull(statementText, "statementText is null");
    }
}
