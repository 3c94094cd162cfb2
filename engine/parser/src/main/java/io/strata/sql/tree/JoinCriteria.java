package io.strata.sql.tree;

/**
 * How a join matches rows: ON or USING.
 */
public sealed interface JoinCriteria
        extends Node
        permits JoinOn,
                JoinUsing
{
}
