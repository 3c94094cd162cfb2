package io.strata.sql.tree;

/**
 * An element of GROUP BY.
 */
public sealed interface GroupingElement
        extends Node
        permits SimpleGroupBy,
                GroupingSets,
                Rollup,
                Cube
{
}
