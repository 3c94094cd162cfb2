package io.strata.core.analyzer;

/**
 * A relation the analyzer has bound: where its rows come from and the {@link RelationType} they have.
 * Expressions inside a bound relation are IR over the fields of the relation they read, by position
 * ({@link io.strata.core.expression.InputReference}). Joins, set operations and correlated subqueries
 * will be further implementations.
 */
public sealed interface BoundRelation
        permits BoundTable, BoundValues, BoundQuerySpecification, BoundQuery,
        BoundJoin, BoundSetOperation, BoundOffset
{
    /** The fields the relation produces. */
    RelationType type();
}
