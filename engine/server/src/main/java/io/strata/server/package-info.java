/**
 * The coordinator process: {@link io.strata.server.CoordinatorServices} wires configuration, catalogs, the
 * query engine and the HTTP resources together and owns their lifecycle. Sub-packages by job: {@code http}
 * (Netty plumbing), {@code protocol} (the client statement protocol), {@code query} (query ids and
 * tracking), {@code info} ({@code /v1/info}), {@code config} (properties).
 */
package io.strata.server;
