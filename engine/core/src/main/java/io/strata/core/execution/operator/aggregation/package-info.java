/**
 * Hash aggregation: a {@link io.strata.core.execution.operator.aggregation.GroupByHash} maps each row's keys to
 * a dense group id (open addressing over the key blocks, keys stored flat, never as per-row objects), and
 * {@link io.strata.core.execution.operator.aggregation.GroupedAccumulator}s update per-group state in primitive
 * arrays, one loop per page. Aggregation runs in steps: {@code SINGLE} (input to final values),
 * {@code PARTIAL} (input to intermediate state) and {@code FINAL} (intermediate state to final values).
 * <p>
 * Takes pages of keys and arguments; hands on pages of keys and aggregates, once its input is finished.
 */
package io.strata.core.execution.operator.aggregation;
