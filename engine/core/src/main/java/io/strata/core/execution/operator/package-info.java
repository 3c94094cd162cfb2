/**
 * The operators of the walking skeleton, each with its factory: table scan (pages of a connector's page
 * source, one split after another), values, fused filter and project (a selection vector, then only the
 * selected rows projected), limit, and task output (into the task's output buffer, blocking while it is
 * full). Aggregation and sorting live in the sub-packages {@code aggregation} and {@code sort}.
 * <p>
 * Takes pages from connectors and upstream operators; hands pages to the next operator of the driver.
 */
package io.strata.core.execution.operator;
