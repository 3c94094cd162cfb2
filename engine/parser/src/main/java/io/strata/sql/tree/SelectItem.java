package io.strata.sql.tree;

/**
 * An item of the SELECT list.
 */
public sealed interface SelectItem
        extends Node
        permits AllColumns,
                SingleColumn
{
}
