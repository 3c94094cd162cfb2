/**
 * Memory accounting: operators report what they hold through a {@link io.strata.core.execution.memory.LocalMemoryContext};
 * the reservations add up in the query's {@link io.strata.core.execution.memory.QueryMemoryContext} on this node,
 * which enforces the per-node query limit ({@code EXCEEDED_LOCAL_MEMORY_LIMIT}), and in the node's
 * {@link io.strata.core.execution.memory.MemoryPool}, which the node reports.
 */
package io.strata.core.execution.memory;
