package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.planner.Expressions;
import io.strata.core.session.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.strata.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Folds an expression bottom-up: a call or special form whose arguments are all constants becomes the
 * constant the {@link ConstantEvaluator} computes; {@code AND}/{@code OR} drop their neutral constants and
 * collapse on an absorbing one; {@code IF} with a constant condition becomes the branch taken. When
 * evaluation fails (division by zero, a bad cast) the expression stays as it is, to fail at run time only
 * if a row actually reaches it, as Presto does.
 */
public final class ConstantFolder
{
    /** Functions that give a different value per call: never folded. */
    private static final Set<String> NON_DETERMINISTIC = Set.of("rand", "random", "uuid", "shuffle");

    private final ConstantEvaluator evaluator;
    private final Session session;

    public ConstantFolder(ConstantEvaluator evaluator, Session session)
    {
        this.evaluator = requireNonNull(evaluator, "evaluator is null");
        this.session = requireNonNull(session, "session is null");
    }

    public RowExpression fold(RowExpression expression)
    {
        return Expressions.rewriteBottomUp(expression, this::foldNode);
    }

    private RowExpression foldNode(RowExpression node)
    {
        if (node instanceof SpecialForm specialForm) {
            switch (specialForm.form()) {
                case AND:
                    return foldLogical(specialForm, true);
                case OR:
                    return foldLogical(specialForm, false);
                case IF:
                    if (specialForm.arguments().get(0) instanceof Constant condition) {
                        return Boolean.TRUE.equals(condition.value()) ? specialForm.arguments().get(1) : specialForm.arguments().get(2);
                    }
                    break;
                case COALESCE:
                case NULL_IF:
                case IS_NULL:
                case IN:
                case BETWEEN:
                case CAST:
                case TRY_CAST:
                case SWITCH:
                    break;
            }
        }
        if (node instanceof Call call && NON_DETERMINISTIC.contains(call.functionName())) {
            return node;
        }
        if ((node instanceof Call || node instanceof SpecialForm) && node.children().stream().allMatch(Constant.class::isInstance)) {
            return evaluate(node);
        }
        return node;
    }

    /**
     * {@code AND} ({@code conjunction}) or {@code OR}: the neutral constant (true for AND) drops out, the
     * absorbing one (false for AND) decides, null stays (it may still become false).
     */
    private RowExpression foldLogical(SpecialForm node, boolean conjunction)
    {
        List<RowExpression> remaining = new ArrayList<>();
        for (RowExpression argument : node.arguments()) {
            if (argument instanceof Constant constant && constant.value() != null) {
                if ((Boolean) constant.value() != conjunction) {
                    return new Constant(!conjunction, BOOLEAN);
                }
                continue;
            }
            remaining.add(argument);
        }
        if (remaining.isEmpty()) {
            return new Constant(conjunction, BOOLEAN);
        }
        if (remaining.size() == 1) {
            return remaining.get(0);
        }
        return remaining.size() == node.arguments().size() ? node : new SpecialForm(node.form(), remaining, BOOLEAN);
    }

    private RowExpression evaluate(RowExpression node)
    {
        try {
            return new Constant(evaluator.evaluate(node, session), node.type());
        }
        catch (RuntimeException e) {
            // left for run time: the rows may never reach it, or the error is reported there with the query's context
            return node;
        }
    }
}
