package io.strata.sql.tree;

/**
 * An option of EXPLAIN.
 */
public sealed interface ExplainOption
        extends Node
        permits ExplainType,
                ExplainFormat
{
}
