/**
 * A task's output buffers: pages its output operators produce, kept until the consumer acknowledges them.
 * The consumer reads by token ({@link io.strata.core.execution.buffer.OutputBuffer#get}): asking for token
 * {@code t} returns the pages from {@code t} on and acknowledges (frees) every page before {@code t}, so
 * repeating a request returns the same pages and a retry is safe. The buffer is bounded: producers block
 * while it holds more than its limit, so a slow client stalls the query instead of filling memory.
 * <p>
 * Takes pages from {@code TaskOutputOperator}s; hands them to the task's consumer (the coordinator's query, or
 * later an exchange of another stage over HTTP).
 */
package io.strata.core.execution.buffer;
