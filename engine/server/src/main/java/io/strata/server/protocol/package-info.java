/**
 * The client statement protocol (Presto's v1 REST protocol, spoken to presto-jdbc, trino-jdbc and our own
 * driver): {@link io.strata.server.protocol.StatementResource} takes SQL and request headers, turns the
 * headers into the engine's {@code Session} ({@link io.strata.server.protocol.SessionHeaders}), creates a
 * {@code QueryExecution} and follows it token by token ({@code Query}); it hands on {@code QueryResults}
 * JSON with rows encoded by {@link io.strata.server.protocol.RowEncoder}, errors and statistics rendered by
 * {@link io.strata.server.protocol.ProtocolObjects}, and session changes as response headers.
 */
package io.strata.server.protocol;
