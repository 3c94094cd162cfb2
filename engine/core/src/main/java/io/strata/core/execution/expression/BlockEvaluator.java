package io.strata.core.execution.expression;

import io.strata.spi.block.Block;
import io.strata.spi.type.Type;

/**
 * A compiled expression node. Thread-safe and reusable: all evaluation state is on the stack or in the
 * {@link EvaluationContext}.
 */
public interface BlockEvaluator
{
    Type type();

    /**
     * Evaluates this expression over the selected positions of the context's page.
     *
     * @return a block of {@code positions.size()} positions, of the class of {@link #type()}'s layout
     * @throws io.strata.spi.StrataException when a selected row fails (division by zero, bad cast, overflow)
     */
    Block evaluate(EvaluationContext context, SelectedPositions positions);
}
