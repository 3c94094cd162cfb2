package io.strata.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;

/**
 * Netty's aggregator, answering a body over the limit with 413 and a message (Netty's own 413 has none),
 * then closing the connection: the rest of the body cannot be told from the next request.
 */
final class LimitedHttpObjectAggregator
        extends HttpObjectAggregator
{
    private final int maxContentLength;

    LimitedHttpObjectAggregator(int maxContentLength)
    {
        super(maxContentLength);
        this.maxContentLength = maxContentLength;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext context, HttpMessage oversized)
    {
        byte[] message = ("Request body is larger than the limit of " + maxContentLength + " bytes").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(message));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpResponse.TEXT_CONTENT_TYPE);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, message.length);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
