/**
 * HTTP plumbing on Netty: {@link io.strata.server.http.HttpServer} accepts connections, aggregates requests
 * up to a size limit and hands each, as a plain {@link io.strata.server.http.HttpRequest}, to the
 * {@link io.strata.server.http.Router}, which picks a {@link io.strata.server.http.RequestHandler} by method
 * and path pattern. Handlers answer with a future of an {@link io.strata.server.http.HttpResponse}, so long
 * polls hold no thread; client mistakes come back as 4xx with a message. No protocol knowledge lives here.
 */
package io.strata.server.http;
