package io.strata.sql.tree;

/**
 * The body of a {@link Query}: a query specification, a set operation, VALUES or a parenthesized query.
 */
public sealed interface QueryBody
        extends Relation
        permits QuerySpecification,
                SetOperation,
                Values,
                TableSubquery
{
}
