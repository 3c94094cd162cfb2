package io.strata.server.http;

import java.util.concurrent.CompletableFuture;

/**
 * Answers one request. Runs on an event-loop thread, so it must not block: work that may block goes to
 * another executor and the handler returns the future of its response. Failing with an
 * {@link HttpException} answers with its status and message; any other failure is a server error.
 */
@FunctionalInterface
public interface RequestHandler
{
    CompletableFuture<HttpResponse> handle(HttpRequest request);
}
