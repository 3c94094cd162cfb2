package io.strata.core.planner;

import io.strata.core.planner.plan.PlanNodeId;

import java.util.List;
import java.util.function.Function;

/**
 * Prints a planned statement's plan with lines added under each node: {@code EXPLAIN ANALYZE} adds what the
 * node's operators did once the query ran.
 */
@FunctionalInterface
public interface AnnotatedPlanPrinter
{
    String print(Function<PlanNodeId, List<String>> annotations);
}
