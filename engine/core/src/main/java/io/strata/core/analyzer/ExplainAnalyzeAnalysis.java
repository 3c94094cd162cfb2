package io.strata.core.analyzer;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN ANALYZE query}: the query runs (its rows are dropped) and the client receives its plan with
 * what each operator did.
 */
public record ExplainAnalyzeAnalysis(QueryAnalysis query)
        implements Analysis
{
    public ExplainAnalyzeAnalysis
    {
        requireNonNull(query, "query is null");
    }
}
