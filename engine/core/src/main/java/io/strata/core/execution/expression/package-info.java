/**
 * Expression kernels: {@link io.strata.core.execution.expression.ExpressionCompiler} turns an IR
 * {@link io.strata.core.expression.RowExpression} (inputs as {@code InputReference}s) into a tree of
 * {@link io.strata.core.execution.expression.BlockEvaluator}s. Each node evaluates a whole page, or the
 * {@link io.strata.core.execution.expression.SelectedPositions} of one, into a block: the kernel is chosen once
 * when compiling, from the operand layouts and the operator, and runs a primitive loop over the blocks' raw
 * arrays, with nulls taken from the null arrays. Conditional forms (AND, OR, IF, CASE, COALESCE) evaluate a
 * branch only over the positions that reach it, so that {@code x <> 0 AND 10 / x > 1} never divides by zero.
 * <p>
 * Takes expressions from the local execution planner and the constant folder; hands blocks to operators.
 */
package io.strata.core.execution.expression;
