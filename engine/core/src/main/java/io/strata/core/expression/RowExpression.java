package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;

/**
 * A bound, typed scalar expression. Immutable records; walk with {@link RowExpressionVisitor}.
 */
public sealed interface RowExpression
        permits Constant, SymbolReference, InputReference, Call, SpecialForm, OuterReference, SubqueryReference
{
    Type type();

    List<RowExpression> children();

    <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context);
}
