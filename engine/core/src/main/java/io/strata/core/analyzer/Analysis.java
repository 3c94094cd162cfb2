package io.strata.core.analyzer;

/**
 * What the analyzer makes of a statement: a bound query, rows known at analysis time (SHOW ...), an
 * EXPLAIN of another analysis, or a change to the session without output.
 */
public sealed interface Analysis
        permits QueryAnalysis, RowsAnalysis, ExplainAnalysis, ExplainAnalyzeAnalysis, SessionChangeAnalysis, DataDefinitionAnalysis, WriteAnalysis
{
}
