/**
 * The client side of the statement protocol, shared by the CLI, the JDBC driver and the gateway. It takes a
 * {@link io.strata.client.ClientSession} and a SQL text, POSTs it to a coordinator with the session in
 * headers, follows {@code nextUri} page by page ({@link io.strata.client.StatementClient}), and hands on the
 * columns, the rows as JSON decoded them, the statistics, the error, and the session changes the server
 * announced in response headers, which the caller folds into its next {@code ClientSession}. Failures are
 * {@link io.strata.client.ClientException}s: the connection, the protocol, or the query itself. HTTP is
 * OkHttp; the caller owns the {@code OkHttpClient} and shares it per process.
 */
package io.strata.client;
