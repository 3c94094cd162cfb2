package io.strata.sql.tree;

/**
 * Something FROM can read: a table, a join, an aliased relation or a query body.
 */
public sealed interface Relation
        extends Node
        permits QueryBody,
                Table,
                AliasedRelation,
                Join
{
}
