package io.strata.core.expression;

public interface RowExpressionVisitor<R, C>
{
    R visitConstant(Constant constant, C context);

    R visitSymbolReference(SymbolReference reference, C context);

    R visitInputReference(InputReference reference, C context);

    R visitCall(Call call, C context);

    R visitSpecialForm(SpecialForm specialForm, C context);
}
