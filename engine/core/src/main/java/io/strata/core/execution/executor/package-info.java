/**
 * The task executor: a fixed pool of threads that runs drivers a quantum at a time. A driver that blocks
 * returns a future and leaves the thread; it is queued again when the future completes. Queued drivers wait in
 * a multilevel feedback queue: a task's level rises with the time its drivers have run (five levels, Presto's
 * thresholds 0, 1 s, 10 s, 60 s, 300 s), each level gets a share of the threads' time (twice the next level's),
 * and within a level the task that has run least goes first, so that short queries stay fast beside long ones
 * and long ones still progress.
 * <p>
 * Takes drivers from tasks; reports each driver's end (finished or failed) back to its task.
 */
package io.strata.core.execution.executor;
