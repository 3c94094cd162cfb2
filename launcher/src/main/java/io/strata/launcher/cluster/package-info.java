/**
 * Local clusters of separate JVM processes on 127.0.0.1: {@link io.strata.launcher.cluster.ClusterLauncher}
 * takes the wanted number of nodes per role, generates an {@code etc/} per node, starts each as
 * {@code Main server --etc ...}, waits until each reports it is no longer starting, and hands back a
 * {@link io.strata.launcher.cluster.LocalCluster}, which {@code cluster.json} describes for other processes.
 */
package io.strata.launcher.cluster;
