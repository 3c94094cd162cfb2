/**
 * The internal task protocol between coordinator and workers: {@link io.strata.server.task.TaskResource}
 * serves a node's {@code TaskManager} over HTTP (task updates and status as PlanJson JSON, results as
 * framed pages), with the header names of {@code io.strata.protocol.InternalHeaders}.
 */
package io.strata.server.task;
