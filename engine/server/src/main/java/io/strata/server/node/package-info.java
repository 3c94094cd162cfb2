/**
 * The coordinator's view of its workers: {@link io.strata.server.node.HttpNodeManager} takes the static list of
 * {@code node-scheduler.workers}, checks each worker's {@code GET /v1/info}, and hands the scheduler the nodes that
 * are ACTIVE ({@code io.strata.core.node.NodeManager}).
 */
package io.strata.server.node;
