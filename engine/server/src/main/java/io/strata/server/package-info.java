/**
 * The server processes, one composition root per role: {@link io.strata.server.CoordinatorServices} (client
 * statement protocol, query engine, the nodes it places tasks on) and {@link io.strata.server.WorkerServices} (the
 * task API over its own task manager), both built on {@link io.strata.server.NodeServer}, which wires what every
 * node has (configuration, catalogs, {@code /v1/info}, {@code /v1/task}, the HTTP server) and owns its lifecycle.
 * Sub-packages by job: {@code http} (Netty plumbing), {@code protocol} (the client statement protocol), {@code query}
 * (query ids and tracking), {@code task} (the task API), {@code node} (the coordinator's view of its workers),
 * {@code info} ({@code /v1/info}), {@code config} (properties).
 */
package io.strata.server;
