package io.strata.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.Closeable;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.util.Objects.requireNonNull;

/**
 * A small HTTP/1.1 server on Netty: keep-alive connections, requests aggregated up to a size limit, a
 * {@link Router} choosing the handler, and handlers answering with futures so that a long poll holds no
 * thread. Bad input is answered with a 4xx status and a message, never with a 5xx or silence: a request
 * line too long 414, headers too large 431, a body too large 413, an undecodable request 400, an unknown
 * path 404, a wrong method 405. Responses on one connection go out in request order.
 */
public final class HttpServer
        implements Closeable
{
    // enough for any statement URI; the SQL text travels in the body
    private static final int MAX_INITIAL_LINE_LENGTH = 16 * 1024;
    private static final int MAX_CHUNK_SIZE = 64 * 1024;

    private final EventLoopGroup eventLoops;
    private final Channel serverChannel;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HttpServer(EventLoopGroup eventLoops, Channel serverChannel)
    {
        this.eventLoops = eventLoops;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException if the address cannot be bound, naming it
     */
    public static HttpServer start(HttpServerOptions options, Router router)
    {
        requireNonNull(options, "options is null");
        requireNonNull(router, "router is null");
        EventLoopGroup eventLoops = new NioEventLoopGroup(options.eventLoopThreads(), new DefaultThreadFactory("strata-http", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(SocketChannel channel)
                    {
                        ChannelPipeline pipeline = channel.pipeline();
                        pipeline.addLast("idle", new IdleStateHandler(0, 0, options.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
                        pipeline.addLast("codec", new HttpServerCodec(MAX_INITIAL_LINE_LENGTH, options.maxHeaderBytes(), MAX_CHUNK_SIZE));
                        pipeline.addLast("aggregator", new LimitedHttpObjectAggregator(options.maxRequestBytes()));
                        pipeline.addLast("dispatcher", new HttpRequestDispatcher(router));
                    }
                });
        ChannelFuture bind = bootstrap.bind(options.host(), options.port()).awaitUninterruptibly();
        if (!bind.isSuccess()) {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot bind the HTTP server to " + options.host() + ":" + options.port() + ": " + bind.cause().getMessage(), bind.cause());
        }
        return new HttpServer(eventLoops, bind.channel());
    }

    /** The bound address (with the actual port when port 0 was asked for). */
    public InetSocketAddress address()
    {
        return address;
    }

    /** Stops accepting, closes every connection and stops the event loops. Idempotent. */
    @Override
    public void close()
    {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        eventLoops.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
