/**
 * Joins: the build side of a hash join collected into a columnar {@link io.strata.core.execution.operator.join.JoinHash}
 * (one page of all build rows, arrays of hashes and chains, no per-row objects) by
 * {@link io.strata.core.execution.operator.join.HashBuilderOperator}s, handed over through a
 * {@link io.strata.core.execution.operator.join.JoinBridge} to the
 * {@link io.strata.core.execution.operator.join.LookupJoinOperator}s of the probe pipeline, which wait for it.
 * Inner, left, full, semi (EXISTS, IN with SQL's null semantics) and nested-loop joins (no keys) share that path.
 */
package io.strata.core.execution.operator.join;
