package io.strata.core.analyzer;

/**
 * A relation the analyzer has bound: where its rows come from and the {@link RelationType} they have.
 * Expressions inside a bound relation are IR over the fields of the relation they read, by position
 * ({@link io.strata.core.expression.InputReference}); a correlated subquery's expressions also reference
 * the enclosing clause's fields ({@link io.strata.core.expression.OuterReference}).
 */
public sealed interface BoundRelation
        permits BoundTable, BoundValues, BoundQuerySpecification, BoundQuery,
        BoundJoin, BoundSetOperation, BoundOffset
{
    /** The fields the relation produces. */
    RelationType type();
}
