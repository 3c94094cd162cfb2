/**
 * The operators of the walking skeleton, each with its factory: table scan (pages of a connector's page
 * source, one split after another), values, fused filter and project (a selection vector, then only the
 * selected rows projected), limit, and task output (into the task's output buffer, blocking while it is
 * full), offset, enforce-single-row (a scalar subquery's value) and set operation (INTERSECT, EXCEPT).
 * Aggregation, sorting and joins live in the sub-packages {@code aggregation}, {@code sort} and {@code join}.
 * <p>
 * Takes pages from connectors and upstream operators; hands pages to the next operator of the driver.
 */
package io.strata.core.execution.operator;
