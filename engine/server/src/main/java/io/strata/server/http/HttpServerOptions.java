package io.strata.server.http;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How an {@link HttpServer} listens.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port; 0 picks a free one
 * @param eventLoopThreads threads running every connection's I/O; handlers must not block them
 * @param maxRequestBytes the largest request body; a larger one is answered 413
 * @param maxHeaderBytes the largest header block; a larger one is answered 431
 * @param idleTimeout a connection without traffic for this long is closed
 */
public record HttpServerOptions(String host, int port, int eventLoopThreads, int maxRequestBytes, int maxHeaderBytes, Duration idleTimeout)
{
    public HttpServerOptions
    {
        requireNonNull(host, "host is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        if (eventLoopThreads < 1) {
            throw new IllegalArgumentException("eventLoopThreads must be positive: " + eventLoopThreads);
        }
        if (maxRequestBytes < 0 || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }
}
