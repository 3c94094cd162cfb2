package io.strata.sql.tree;

/**
 * A mode of START TRANSACTION.
 */
public sealed interface TransactionMode
        extends Node
        permits Isolation,
                TransactionAccessMode
{
}
