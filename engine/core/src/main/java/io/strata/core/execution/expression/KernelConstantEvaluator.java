package io.strata.core.execution.expression;

import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.expression.RowExpression;
import io.strata.core.session.Session;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;

/**
 * Constant folding on the execution kernels: compiles the expression as a query would and evaluates it over
 * a one-row page without channels, so a folded constant is exactly what execution would have computed,
 * errors included.
 */
public final class KernelConstantEvaluator
        implements ConstantEvaluator
{
    private static final Page ONE_ROW = new Page(1);

    @Override
    public Object evaluate(RowExpression expression, Session session)
    {
        BlockEvaluator evaluator = ExpressionCompiler.compile(expression);
        Block block = evaluator.evaluate(new EvaluationContext(ONE_ROW), SelectedPositions.positionsRange(0, 1));
        return expression.type().getValue(block, 0);
    }
}
