/**
 * The nodes of a cluster as a coordinator sees them: {@link io.strata.core.node.NodeManager} lists the nodes
 * tasks may go to (a static list of workers with a liveness check, until resource managers do discovery) and
 * {@link io.strata.core.node.NodeTaskManagers} gives the task API of each.
 */
package io.strata.core.node;
