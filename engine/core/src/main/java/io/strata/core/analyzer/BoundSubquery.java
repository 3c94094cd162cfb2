package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.OperatorType;
import io.strata.spi.type.Type;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A subquery in an expression, which a {@link io.strata.core.expression.SubqueryReference} stands for.
 * <ul>
 * <li>{@code SCALAR}: the value of the one field of {@code relation}'s row (null without rows; an error with
 * several);</li>
 * <li>{@code EXISTS}: whether {@code relation} has a row;</li>
 * <li>{@code IN}: {@code value IN (relation)}, with SQL's null semantics;</li>
 * <li>{@code ANY}/{@code ALL}: {@code value comparison ANY|ALL (relation)}.</li>
 * </ul>
 * {@code relation} may be correlated: its expressions hold {@link io.strata.core.expression.OuterReference}s to
 * the fields of the clause's relation. {@code value} is an expression of the clause itself, and of the type of
 * {@code relation}'s field.
 */
public record BoundSubquery(Kind kind, BoundRelation relation, Optional<RowExpression> value, Optional<OperatorType> comparison, Type type)
{
    public enum Kind
    {
        SCALAR,
        EXISTS,
        IN,
        ANY,
        ALL,
    }

    public BoundSubquery
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(relation, "relation is null");
        requireNonNull(value, "value is null");
        requireNonNull(comparison, "comparison is null");
        requireNonNull(type, "type is null");
    }
}
