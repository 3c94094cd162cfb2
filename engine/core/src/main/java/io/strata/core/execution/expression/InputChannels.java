package io.strata.core.execution.expression;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.RowExpressionVisitor;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Symbol;

import java.util.List;
import java.util.Map;

/**
 * Lays a plan expression over a page: each {@link SymbolReference} becomes an {@link InputReference} to the
 * channel that carries the symbol.
 */
public final class InputChannels
{
    private InputChannels() {}

    /**
     * The expression with each symbol reference replaced by a reference to the symbol's channel.
     *
     * @throws IllegalArgumentException when a referenced symbol has no channel
     */
    public static RowExpression toInputReferences(RowExpression expression, Map<Symbol, Integer> layout)
    {
        return expression.accept(new Rewriter(layout), null);
    }

    private static final class Rewriter
            implements RowExpressionVisitor<RowExpression, Void>
    {
        private final Map<Symbol, Integer> layout;

        Rewriter(Map<Symbol, Integer> layout)
        {
            this.layout = layout;
        }

        @Override
        public RowExpression visitConstant(Constant constant, Void context)
        {
            return constant;
        }

        @Override
        public RowExpression visitSymbolReference(SymbolReference reference, Void context)
        {
            Integer channel = layout.get(reference.symbol());
            if (channel == null) {
                throw new IllegalArgumentException("symbol " + reference.symbol().name() + " is not in the input layout " + layout.keySet());
            }
            return new InputReference(channel, reference.type());
        }

        @Override
        public RowExpression visitInputReference(InputReference reference, Void context)
        {
            return reference;
        }

        @Override
        public RowExpression visitCall(Call call, Void context)
        {
            return new Call(call.functionName(), rewrite(call.arguments()), call.type());
        }

        @Override
        public RowExpression visitSpecialForm(SpecialForm specialForm, Void context)
        {
            return new SpecialForm(specialForm.form(), rewrite(specialForm.arguments()), specialForm.type());
        }

        private List<RowExpression> rewrite(List<RowExpression> expressions)
        {
            return expressions.stream().map(expression -> expression.accept(this, null)).toList();
        }
    }
}
