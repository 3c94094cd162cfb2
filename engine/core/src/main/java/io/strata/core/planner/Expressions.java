package io.strata.core.planner;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.OuterReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.RowExpressionVisitor;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SpecialForm.Form;
import io.strata.core.expression.SubqueryReference;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.strata.spi.type.BooleanType.BOOLEAN;

/**
 * Small operations on IR expressions that the planner and the optimizer share.
 */
public final class Expressions
{
    public static final Constant TRUE = new Constant(true, BOOLEAN);
    public static final Constant FALSE = new Constant(false, BOOLEAN);

    private Expressions() {}

    /** The terms of a conjunction, flattened ({@code a AND (b AND c)} gives a, b, c); the expression itself otherwise. */
    public static List<RowExpression> conjuncts(RowExpression expression)
    {
        List<RowExpression> result = new ArrayList<>();
        collect(expression, Form.AND, result);
        return List.copyOf(result);
    }

    private static void collect(RowExpression expression, Form form, List<RowExpression> result)
    {
        if (expression instanceof SpecialForm special && special.form() == form) {
            special.arguments().forEach(argument -> collect(argument, form, result));
            return;
        }
        result.add(expression);
    }

    /** The conjunction of the terms: {@code TRUE} for none, the term itself for one. */
    public static RowExpression and(List<RowExpression> terms)
    {
        if (terms.isEmpty()) {
            return TRUE;
        }
        if (terms.size() == 1) {
            return terms.get(0);
        }
        return new SpecialForm(Form.AND, terms, BOOLEAN);
    }

    /** The symbols an expression references, in the order first met. */
    public static Set<Symbol> symbolsReferenced(RowExpression expression)
    {
        Set<Symbol> symbols = new LinkedHashSet<>();
        addSymbols(expression, symbols);
        return symbols;
    }

    private static void addSymbols(RowExpression expression, Set<Symbol> symbols)
    {
        if (expression instanceof SymbolReference reference) {
            symbols.add(reference.symbol());
            return;
        }
        expression.children().forEach(child -> addSymbols(child, symbols));
    }

    /** Whether the expression reads no input: no symbol or input references anywhere in it. */
    public static boolean isInputFree(RowExpression expression)
    {
        if (expression instanceof SymbolReference || expression instanceof InputReference) {
            return false;
        }
        return expression.children().stream().allMatch(Expressions::isInputFree);
    }

    /** Whether the expression gives the same result for the same inputs (no {@code random()} and the like). */
    public static boolean isDeterministic(RowExpression expression)
    {
        if (expression instanceof Call call && FunctionNames.NON_DETERMINISTIC.contains(call.functionName())) {
            return false;
        }
        return expression.children().stream().allMatch(Expressions::isDeterministic);
    }

    /** Whether the expression holds a subquery's value (analysis only). */
    public static boolean containsSubquery(RowExpression expression)
    {
        if (expression instanceof SubqueryReference) {
            return true;
        }
        return expression.children().stream().anyMatch(Expressions::containsSubquery);
    }

    /** Replaces symbol references by the mapped expressions; unmapped symbols stay. */
    public static RowExpression replaceSymbols(RowExpression expression, Map<Symbol, ? extends RowExpression> mapping)
    {
        return rewriteBottomUp(expression, node -> {
            if (node instanceof SymbolReference reference && mapping.containsKey(reference.symbol())) {
                return mapping.get(reference.symbol());
            }
            return node;
        });
    }

    /** Replaces {@code InputReference(i)} by a reference to {@code symbols.get(i)}. */
    public static RowExpression inputsToSymbols(RowExpression expression, List<Symbol> symbols)
    {
        return rewriteBottomUp(expression, node -> {
            if (node instanceof InputReference reference) {
                return new SymbolReference(symbols.get(reference.channel()));
            }
            return node;
        });
    }

    /**
     * Rebuilds the expression bottom-up: each node gets its rewritten children first, then {@code rewriter}
     * may replace it.
     */
    public static RowExpression rewriteBottomUp(RowExpression expression, Function<RowExpression, RowExpression> rewriter)
    {
        return expression.accept(new RowExpressionVisitor<RowExpression, Void>()
        {
            @Override
            public RowExpression visitConstant(Constant constant, Void context)
            {
                return rewriter.apply(constant);
            }

            @Override
            public RowExpression visitSymbolReference(SymbolReference reference, Void context)
            {
                return rewriter.apply(reference);
            }

            @Override
            public RowExpression visitInputReference(InputReference reference, Void context)
            {
                return rewriter.apply(reference);
            }

            @Override
            public RowExpression visitOuterReference(OuterReference reference, Void context)
            {
                return rewriter.apply(reference);
            }

            @Override
            public RowExpression visitSubqueryReference(SubqueryReference reference, Void context)
            {
                return rewriter.apply(reference);
            }

            @Override
            public RowExpression visitCall(Call call, Void context)
            {
                List<RowExpression> arguments = call.arguments().stream().map(argument -> argument.accept(this, null)).toList();
                return rewriter.apply(arguments.equals(call.arguments()) ? call : new Call(call.functionName(), arguments, call.type()));
            }

            @Override
            public RowExpression visitSpecialForm(SpecialForm specialForm, Void context)
            {
                List<RowExpression> arguments = specialForm.arguments().stream().map(argument -> argument.accept(this, null)).toList();
                return rewriter.apply(arguments.equals(specialForm.arguments()) ? specialForm : new SpecialForm(specialForm.form(), arguments, specialForm.type()));
            }
        }, null);
    }
}
