package io.strata.core.expression;

public interface RowExpressionVisitor<R, C>
{
    R visitConstant(Constant constant, C context);

    R visitSymbolReference(SymbolReference reference, C context);

    R visitInputReference(InputReference reference, C context);

    R visitCall(Call call, C context);

    R visitSpecialForm(SpecialForm specialForm, C context);

    /** Analysis-only expressions never reach most visitors: by default they are a bug there. */
    default R visitOuterReference(OuterReference reference, C context)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not handle " + reference);
    }

    default R visitSubqueryReference(SubqueryReference reference, C context)
    {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not handle " + reference);
    }
}
