package io.strata.core.execution.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.core.node.InternalNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A misbehaving worker on loopback: answers each request under {@code /v1/task} with the next scripted answer (the
 * last one repeats), and records what it was asked. An answer can hang: it never comes until the worker closes.
 */
final class ScriptedWorker
        implements AutoCloseable
{
    record Answer(int status, String body, boolean hang)
    {
        static Answer of(int status, String body)
        {
            return new Answer(status, body, false);
        }

        static Answer hanging()
        {
            return new Answer(0, "", true);
        }
    }

    record Received(String method, String path, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    // guarded by this
    private final Queue<Answer> answers = new ArrayDeque<>();
    // guarded by this
    private Answer last = Answer.of(500, "no answer scripted");
    // guarded by this
    private final List<Received> received = new ArrayList<>();

    ScriptedWorker()
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/task", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    InternalNode node(String nodeId)
    {
        return new InternalNode(nodeId, URI.create("http://127.0.0.1:" + server.getAddress().getPort()), false);
    }

    synchronized ScriptedWorker then(Answer answer)
    {
        answers.add(answer);
        return this;
    }

    synchronized List<Received> received()
    {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            Answer answer;
            synchronized (this) {
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        Map.of(
                                "currentVersion", String.valueOf(exchange.getRequestHeaders().getFirst("X-Strata-Current-Version")),
                                "maxWait", String.valueOf(exchange.getRequestHeaders().getFirst("X-Strata-Max-Wait"))),
                        body));
                Answer next = answers.poll();
                if (next != null) {
                    last = next;
                }
                answer = last;
            }
            if (answer.hang()) {
                closed.await();
                return;
            }
            byte[] bytes = answer.body().getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (IOException e) {
            // the client gave up on a hanging answer
        }
    }

    @Override
    public void close()
    {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
