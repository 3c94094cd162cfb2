package io.strata.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The last handler of a connection's pipeline: turns each aggregated request into an {@link HttpRequest},
 * dispatches it, and writes the responses in request order (HTTP/1.1 pipelining) once their futures
 * complete, whichever thread completes them. One instance per connection; its state is touched on the
 * connection's event loop only.
 */
final class HttpRequestDispatcher
        extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final System.Logger LOG = System.getLogger(HttpRequestDispatcher.class.getName());

    private final Router router;
    // completes when the previous response was written: the next one waits for it
    private CompletableFuture<Void> lastWrite = CompletableFuture.completedFuture(null);

    HttpRequestDispatcher(Router router)
    {
        this.router = requireNonNull(router, "router is null");
    }

    // the chain's end only writes; the futures of writes are watched through their listeners
    @Override
    @SuppressWarnings("FutureReturnValueIgnored")
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request)
    {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        boolean keepAliveByDefault = request.protocolVersion().isKeepAliveDefault();
        boolean head = request.method().equals(HttpMethod.HEAD);
        CompletableFuture<HttpResponse> response;
        if (request.decoderResult().isFailure()) {
            keepAlive = false;
            response = CompletableFuture.completedFuture(decoderFailure(request.decoderResult().cause()));
        }
        else {
            response = dispatch(context, request);
        }

        CompletableFuture<Void> previous = lastWrite;
        CompletableFuture<Void> written = new CompletableFuture<>();
        lastWrite = written;
        boolean close = !keepAlive;
        response
                .handle(HttpRequestDispatcher::toResponse)
                .thenCombine(previous, (result, ignored) -> result)
                .thenAccept(result -> context.executor().execute(() -> write(context, head ? result.withoutBody() : result, close, keepAliveByDefault, written)));
    }

    private CompletableFuture<HttpResponse> dispatch(ChannelHandlerContext context, FullHttpRequest request)
    {
        HttpRequest converted;
        try {
            QueryStringDecoder decoder = new QueryStringDecoder(request.uri(), StandardCharsets.UTF_8);
            String path = decoder.path();
            Map<String, List<String>> parameters = decoder.parameters();
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (Map.Entry<String, String> header : request.headers()) {
                headers.add(Map.entry(header.getKey(), header.getValue()));
            }
            converted = new HttpRequest(
                    request.method().name(),
                    path,
                    parameters,
                    RequestHeaders.of(headers),
                    ByteBufUtil.getBytes(request.content()),
                    Map.of(),
                    (InetSocketAddress) context.channel().localAddress());
        }
        catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Malformed request URI: " + e.getMessage()));
        }
        catch (RuntimeException e) {
            // a server bug must still answer the request, or the client sees the connection end without a word
            return CompletableFuture.failedFuture(e);
        }
        return router.dispatch(converted);
    }

    private static HttpResponse decoderFailure(Throwable cause)
    {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponse.text(414, "Request line is too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponse.text(431, "Request headers are too large");
        }
        if (cause instanceof TooLongFrameException) {
            return HttpResponse.text(413, "Request is too large");
        }
        return HttpResponse.text(400, "Malformed HTTP request: " + cause.getMessage());
    }

    private static HttpResponse toResponse(HttpResponse response, Throwable failure)
    {
        if (failure == null) {
            return response;
        }
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpException httpException) {
            return HttpResponse.text(httpException.status(), String.valueOf(httpException.getMessage()));
        }
        if (cause instanceof RejectedExecutionException) {
            // the executors stop at shutdown; 503 tells clients to retry (elsewhere)
            return HttpResponse.text(503, "Server is shutting down");
        }
        LOG.log(WARNING, "request failed", cause);
        return HttpResponse.text(500, "Internal server error: " + cause);
    }

    @SuppressWarnings("FutureReturnValueIgnored")
    private static void write(ChannelHandlerContext context, HttpResponse response, boolean close, boolean keepAliveByDefault, CompletableFuture<Void> written)
    {
        if (!context.channel().isActive()) {
            written.complete(null);
            return;
        }
        boolean closeAfter = close;
        FullHttpResponse nettyResponse;
        try {
            nettyResponse = toNettyResponse(response, closeAfter, keepAliveByDefault);
        }
        catch (RuntimeException e) {
            // a header value Netty refuses (a line break, say) is a server bug; the connection must still get an answer
            LOG.log(WARNING, "cannot send response " + response, e);
            closeAfter = true;
            nettyResponse = toNettyResponse(HttpResponse.text(500, "Internal server error: invalid response"), true, keepAliveByDefault);
        }
        ChannelFuture future = context.writeAndFlush(nettyResponse);
        future.addListener(done -> written.complete(null));
        if (closeAfter) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse toNettyResponse(HttpResponse response, boolean close, boolean keepAliveByDefault)
    {
        FullHttpResponse nettyResponse = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(response.body()));
        for (Map.Entry<String, String> header : response.headers()) {
            nettyResponse.headers().add(header.getKey(), header.getValue());
        }
        if (response.status() != 204 && response.status() != 304) {
            nettyResponse.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.bodyLength());
        }
        if (close) {
            nettyResponse.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        else if (!keepAliveByDefault) {
            nettyResponse.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return nettyResponse;
    }

    // closing a connection is all there is to do; nothing waits for it
    @Override
    @SuppressWarnings("FutureReturnValueIgnored")
    public void userEventTriggered(ChannelHandlerContext context, Object event)
            throws Exception
    {
        if (event instanceof IdleStateEvent) {
            context.close();
            return;
        }
        super.userEventTriggered(context, event);
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored")
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause)
    {
        // a client going away is routine; anything else is a server bug worth a warning
        LOG.log(cause instanceof IOException ? DEBUG : WARNING, "connection failed", cause);
        context.close();
    }
}
