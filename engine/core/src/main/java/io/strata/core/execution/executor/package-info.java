/**
 * The task executor: a fixed pool of threads that runs drivers a quantum at a time. A driver that blocks
 * returns a future and leaves the thread; it is queued again when the future completes. Queued drivers are
 * taken by level, the level of a task rising with the time its drivers have run (a multilevel feedback
 * queue), so that short queries stay fast beside long ones.
 * <p>
 * Takes drivers from tasks; reports each driver's end (finished or failed) back to its task.
 */
package io.strata.core.execution.executor;
