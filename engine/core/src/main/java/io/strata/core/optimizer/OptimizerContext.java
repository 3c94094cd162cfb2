package io.strata.core.optimizer;

import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.metadata.Metadata;
import io.strata.core.planner.PlanNodeIdAllocator;
import io.strata.core.planner.SymbolAllocator;
import io.strata.core.session.Session;

import static java.util.Objects.requireNonNull;

/**
 * What a pass may use while rewriting one statement's plan: the session, the catalogs (to offer filters to
 * connectors), the evaluator for constant folding, and the allocators for new nodes and symbols.
 */
public record OptimizerContext(
        Session session,
        Metadata metadata,
        ConstantEvaluator constantEvaluator,
        PlanNodeIdAllocator idAllocator,
        SymbolAllocator symbolAllocator)
{
    public OptimizerContext
    {
        requireNonNull(session, "session is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(constantEvaluator, "constantEvaluator is null");
        requireNonNull(idAllocator, "idAllocator is null");
        requireNonNull(symbolAllocator, "symbolAllocator is null");
    }
}
