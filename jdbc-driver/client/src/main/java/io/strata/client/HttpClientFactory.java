package io.strata.client;

import okhttp3.OkHttpClient;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * OkHttp clients with timeouts fit for the protocol. A process should share one client (it owns the
 * connection pool and threads) and derive variants with {@link OkHttpClient#newBuilder()}.
 */
public final class HttpClientFactory
{
    /** Connecting to a coordinator that is up takes milliseconds; beyond this it is down or unreachable. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Servers hold a poll for about a second; a read this long means the server is stuck. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);

    private HttpClientFactory() {}

    public static OkHttpClient createHttpClient()
    {
        return createHttpClient(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public static OkHttpClient createHttpClient(Duration connectTimeout, Duration readTimeout)
    {
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(readTimeout, "readTimeout is null");
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(DEFAULT_WRITE_TIMEOUT)
                // nextUri is absolute and may move the client to another coordinator; redirects too
                .followRedirects(true)
                .build();
    }
}
