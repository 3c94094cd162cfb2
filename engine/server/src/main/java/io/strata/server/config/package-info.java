/**
 * A node's configuration (coordinator or worker): {@link io.strata.server.config.ServerConfig}, read from the
 * merged {@code node.properties} and {@code config.properties} with Presto's property names, and the airlift-style
 * value syntax it uses ({@link io.strata.server.config.Durations} for {@code 5m}, {@link
 * io.strata.server.config.DataSize} for {@code 16MB}). It takes in a property map and hands a validated
 * record to {@code CoordinatorServices} or {@code WorkerServices}.
 */
package io.strata.server.config;
