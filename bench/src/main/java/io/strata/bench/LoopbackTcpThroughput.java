package io.strata.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * The machine's raw loopback TCP throughput, the ceiling any exchange over 127.0.0.1 works under: a plain socket
 * pair in this JVM, one thread writing 64 KB arrays, the other reading and dropping them.
 */
final class LoopbackTcpThroughput
{
    private static final int CHUNK_BYTES = 64 << 10;

    private LoopbackTcpThroughput() {}

    /** Bytes per second received of {@code totalBytes} pushed through 127.0.0.1, from connection to last byte. */
    static double measure(long totalBytes)
            throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> send(server.getLocalPort(), totalBytes));
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                long start = System.nanoTime();
                byte[] buffer = new byte[CHUNK_BYTES];
                long received = 0;
                while (received < totalBytes) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        throw new IOException("sender closed after " + received + " of " + totalBytes + " bytes");
                    }
                    received += read;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                sender.join();
                return received / seconds;
            }
        }
    }

    private static void send(int port, long totalBytes)
    {
        byte[] chunk = new byte[CHUNK_BYTES];
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port); OutputStream out = socket.getOutputStream()) {
            long sent = 0;
            while (sent < totalBytes) {
                int length = (int) Math.min(chunk.length, totalBytes - sent);
                out.write(chunk, 0, length);
                sent += length;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
