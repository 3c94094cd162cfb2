/**
 * The coordinator's side of other nodes' task API. {@link io.strata.core.execution.remote.HttpTaskManager} is a
 * {@link io.strata.core.execution.task.TaskManager} that calls {@code /v1/task} of one node over HTTP (with bounded
 * retries, so a dead node fails its queries quickly), and
 * {@link io.strata.core.execution.remote.HttpNodeTaskManagers} gives the scheduler the local task manager for this
 * node and one of those for every other.
 * <p>
 * Takes task updates from the scheduler; hands them to workers' {@code TaskResource} and their statuses back.
 * Result pages do not pass here: downstream tasks read them with the exchange client.
 */
package io.strata.core.execution.remote;
