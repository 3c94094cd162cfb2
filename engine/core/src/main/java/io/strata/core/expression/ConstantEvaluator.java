package io.strata.core.expression;

import io.strata.core.session.Session;

/**
 * Evaluates an expression without inputs (no symbol or input references) to its value, with the same
 * kernels that run queries, so that constant folding and execution can never disagree.
 */
public interface ConstantEvaluator
{
    /**
     * @return the value in the Java class of the expression type's layout, or {@code null}
     * @throws io.strata.spi.StrataException when evaluation fails (division by zero, bad cast, overflow)
     */
    Object evaluate(RowExpression expression, Session session);
}
