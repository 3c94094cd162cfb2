package io.strata.server.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
final class TestHttpServer
{
    private HttpServer server;

    @BeforeAll
    void start()
    {
        Router router = new Router()
                .add("GET", "/slow/{millis}", request -> {
                    long millis = Long.parseLong(request.pathParameter("millis"));
                    return CompletableFuture.supplyAsync(() -> HttpResponse.text(200, "slow " + millis), CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
                })
                .add("GET", "/fast", request -> CompletableFuture.completedFuture(HttpResponse.text(200, "fast")))
                .add("GET", "/echo/{value}", request -> CompletableFuture.completedFuture(HttpResponse.text(200, request.pathParameter("value") + "|" + request.queryParameter("q").orElse(""))))
                .add("GET", "/gone", request -> {
                    throw new HttpException(410, "gone away");
                })
                .add("GET", "/bug", request -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
        server = HttpServer.start(new HttpServerOptions("127.0.0.1", 0, 1, 1024, 4096, Duration.ofSeconds(30)), router);
    }

    @AfterAll
    void stop()
    {
        server.close();
        server.close();
    }

    @Test
    void testPipelinedResponsesKeepRequestOrder()
            throws IOException
    {
        String response = exchange("GET /slow/300 HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(response.indexOf("slow 300")).isPositive().isLessThan(response.indexOf("fast"));
        assertThat(response).startsWith("HTTP/1.1 200 OK");
    }

    @Test
    void testErrorsAreClientErrorsWithMessages()
            throws IOException
    {
        assertThat(exchange("GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 404").contains("Not found: /nothing");
        assertThat(exchange("POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 405").contains("Allow: GET");
        assertThat(exchange("GET /gone HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 410").endsWith("gone away");
        assertThat(exchange("GET /bug HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 500");
        assertThat(exchange("POST /fast HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")).startsWith("HTTP/1.1 413").contains("larger than the limit of 1024 bytes");
        assertThat(exchange("GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: " + "y".repeat(8000) + "\r\n\r\n")).startsWith("HTTP/1.1 431");
        assertThat(exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 414");
        assertThat(exchange("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(exchange("GET /echo/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void testDecodingAndKeepAlive()
            throws IOException
    {
        String response = exchange("GET /echo/a%20b?q=c%26d HTTP/1.1\r\nHost: x\r\n\r\nGET /echo/2 HTTP/1.0\r\n\r\n");
        assertThat(response).contains("a b|c&d").contains("2|");
        assertThat(response.toLowerCase(java.util.Locale.ENGLISH)).contains("connection: close");
        assertThat(exchange("HEAD /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 405");
    }

    /** Sends raw bytes and reads until the server closes the connection. */
    private String exchange(String request)
            throws IOException
    {
        try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream output = socket.getOutputStream();
            output.write(request.getBytes(StandardCharsets.UTF_8));
            output.flush();
            InputStream input = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int read;
                try {
                    read = input.read(buffer);
                }
                catch (IOException e) {
                    // a reset after the response is fine: the server closes on bad input
                    break;
                }
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
