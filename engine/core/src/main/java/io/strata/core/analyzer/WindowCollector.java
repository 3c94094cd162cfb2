package io.strata.core.analyzer;

import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.planner.Expressions;

import java.util.ArrayList;
import java.util.List;

/**
 * The window functions of one query specification, collected while its SELECT list and ORDER BY are analyzed;
 * equal calls share one function. A call is bound to a placeholder input reference (channel
 * {@link #PLACEHOLDER_BASE} + index) because the width of the relation the windows extend is only known once
 * every aggregate has been seen; {@link #resolvePlaceholders} then moves them after its fields.
 */
final class WindowCollector
{
    static final int PLACEHOLDER_BASE = 1 << 24;

    private final List<BoundWindowFunction> functions = new ArrayList<>();

    InputReference register(BoundWindowFunction function)
    {
        int index = functions.indexOf(function);
        if (index < 0) {
            functions.add(function);
            index = functions.size() - 1;
        }
        return new InputReference(PLACEHOLDER_BASE + index, function.type());
    }

    List<BoundWindowFunction> functions()
    {
        return List.copyOf(functions);
    }

    boolean isEmpty()
    {
        return functions.isEmpty();
    }

    /** Rewrites placeholders to fields {@code [windowedWidth, windowedWidth + functions)}. */
    static RowExpression resolvePlaceholders(RowExpression expression, int windowedWidth)
    {
        return Expressions.rewriteBottomUp(expression, node -> {
            if (node instanceof InputReference reference && reference.channel() >= PLACEHOLDER_BASE) {
                return new InputReference(windowedWidth + reference.channel() - PLACEHOLDER_BASE, reference.type());
            }
            return node;
        });
    }
}
