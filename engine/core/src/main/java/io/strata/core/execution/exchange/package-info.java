/**
 * Exchanges between pipelines of one task (and, later, between tasks over HTTP). A
 * {@link io.strata.core.execution.exchange.LocalExchange} gathers the pages of all drivers of an upstream
 * pipeline (one per split) for the drivers of the next pipeline, where order or global state needs every row
 * in one place (a final aggregation, a sort). It is bounded: sinks block while it is full.
 * {@link io.strata.core.execution.exchange.HttpExchangeClient} pulls the pages of upstream tasks' result buffers
 * over HTTP for an {@link io.strata.core.execution.exchange.ExchangeOperator}; it is bounded too: no request goes
 * out while its buffer is full.
 * <p>
 * Takes pages from the sink operators at the end of a pipeline; hands them to the source operator that begins
 * the next.
 */
package io.strata.core.execution.exchange;
