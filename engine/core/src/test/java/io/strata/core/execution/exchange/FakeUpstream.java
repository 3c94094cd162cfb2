package io.strata.core.execution.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.core.execution.serde.PagesSerde;
import io.strata.protocol.InternalHeaders;
import io.strata.spi.block.Page;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * One upstream task result buffer on loopback, serving the task results protocol (PROTOCOL.md) with real
 * {@link PagesSerde} frames: one page per answer, token {@code t} answers page {@code t}, a token past the last
 * page answers "buffer complete". Faults can be scripted for the next requests; every request is counted.
 */
final class FakeUpstream
        implements AutoCloseable
{
    enum Fault
    {
        SERVICE_UNAVAILABLE,
        /** Announces the whole body, sends half of it, and drops the connection. */
        DROP_CONNECTION,
        NOT_FOUND,
        TASK_FAILED,
    }

    static final String TASK_ID = "query1.1.0.0";
    static final String BUFFER_ID = "0";

    /** The body of each page, serialized up front: a PagesSerde is not for several threads. */
    private final List<byte[]> bodies = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Fault> faults = new ArrayDeque<>();
    private final List<Long> requestedTokens = new ArrayList<>();
    private final List<String> maxSizes = new ArrayList<>();
    private final AtomicInteger deletes = new AtomicInteger();
    private volatile String instanceId = "instance-1";

    FakeUpstream(PagesSerde serde, List<Page> pages)
            throws IOException
    {
        requireNonNull(serde, "serde is null");
        for (Page page : pages) {
            bodies.add(serde.serializeFrames(List.of(page)).getBytes());
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/task/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI location()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/task/" + TASK_ID + "/results/" + BUFFER_ID);
    }

    String node()
    {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void addFault(Fault fault)
    {
        faults.add(fault);
    }

    void setInstanceId(String instanceId)
    {
        this.instanceId = instanceId;
    }

    synchronized List<Long> requestedTokens()
    {
        return List.copyOf(requestedTokens);
    }

    synchronized List<String> maxSizes()
    {
        return List.copyOf(maxSizes);
    }

    synchronized int requests()
    {
        return requestedTokens.size();
    }

    int deletes()
    {
        return deletes.get();
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resultsPath = "/v1/task/" + TASK_ID + "/results/" + BUFFER_ID;
            if (exchange.getRequestMethod().equals("DELETE") && path.equals(resultsPath)) {
                deletes.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET") || !path.startsWith(resultsPath + "/")) {
                sendText(exchange, 400, "unexpected request " + exchange.getRequestMethod() + " " + path);
                return;
            }
            long token = Long.parseLong(path.substring(resultsPath.length() + 1));
            Fault fault;
            synchronized (this) {
                requestedTokens.add(token);
                maxSizes.add(exchange.getRequestHeaders().getFirst(InternalHeaders.MAX_SIZE));
                fault = faults.poll();
            }
            if (fault == Fault.SERVICE_UNAVAILABLE) {
                sendText(exchange, 503, "busy");
                return;
            }
            if (fault == Fault.NOT_FOUND) {
                sendText(exchange, 404, "{\"errorCode\": \"GENERIC_INTERNAL_ERROR\", \"message\": \"task " + TASK_ID + " not found\"}");
                return;
            }
            if (fault == Fault.TASK_FAILED) {
                sendText(exchange, 500, "{\"errorCode\": \"DIVISION_BY_ZERO\", \"message\": \"Division by zero\"}");
                return;
            }
            boolean complete = token >= bodies.size();
            byte[] body = complete ? new byte[0] : bodies.get((int) token);
            exchange.getResponseHeaders().set("Content-Type", InternalHeaders.PAGES_CONTENT_TYPE);
            exchange.getResponseHeaders().set(InternalHeaders.TASK_INSTANCE_ID, instanceId);
            exchange.getResponseHeaders().set(InternalHeaders.PAGE_TOKEN, String.valueOf(token));
            exchange.getResponseHeaders().set(InternalHeaders.PAGE_END_TOKEN, String.valueOf(complete ? token : token + 1));
            exchange.getResponseHeaders().set(InternalHeaders.BUFFER_COMPLETE, String.valueOf(complete));
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                OutputStream output = exchange.getResponseBody();
                if (fault == Fault.DROP_CONNECTION) {
                    output.write(body, 0, body.length / 2);
                    output.flush();
                    // closing with fewer bytes than announced makes the server drop the connection
                    return;
                }
                output.write(body);
            }
        }
        catch (IOException e) {
            // the short write of DROP_CONNECTION ends here
        }
    }

    private static void sendText(HttpExchange exchange, int status, String text)
            throws IOException
    {
        byte[] body = text.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }
}
