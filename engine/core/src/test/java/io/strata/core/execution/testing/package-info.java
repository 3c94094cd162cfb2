/**
 * Test helpers for execution: a page builder DSL ({@link io.strata.core.execution.testing.RowPagesBuilder}), an
 * operator runner, hand-built plans ({@link io.strata.core.execution.testing.PlanBuilder}), a numbers connector
 * and a query runner over {@code SqlQueryEngine}.
 */
package io.strata.core.execution.testing;
