package io.strata.core.execution.exchange;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Limits of one {@link HttpExchangeClient}.
 *
 * @param maxBufferedBytes no new request is sent while the pages waiting for the consumer take more than this
 * @param maxResponseBytes the most one response may carry ({@code X-Strata-Max-Size} asks for at most this, or
 * less when less fits in the buffer)
 * @param maxWait how long an upstream may hold a request open when it has no pages ({@code X-Strata-Max-Wait})
 * @param maxErrorDuration how long an upstream may keep failing transiently before the client gives up
 * @param minBackoff the wait before the first retry; it doubles per retry up to {@code maxBackoff}
 * @param maxBackoff the longest wait between retries
 */
public record ExchangeClientConfig(
        long maxBufferedBytes,
        long maxResponseBytes,
        Duration maxWait,
        Duration maxErrorDuration,
        Duration minBackoff,
        Duration maxBackoff)
{
    public static final ExchangeClientConfig DEFAULT = new ExchangeClientConfig(
            32L << 20, 16L << 20, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMillis(500));

    public ExchangeClientConfig
    {
        requireNonNull(maxWait, "maxWait is null");
        requireNonNull(maxErrorDuration, "maxErrorDuration is null");
        requireNonNull(minBackoff, "minBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (maxBufferedBytes <= 0 || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes and maxResponseBytes must be positive");
        }
        if (maxWait.isNegative() || maxErrorDuration.isNegative() || minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("durations must not be negative and maxBackoff not below minBackoff");
        }
    }

    public ExchangeClientConfig withMaxBufferedBytes(long bytes)
    {
        return new ExchangeClientConfig(bytes, maxResponseBytes, maxWait, maxErrorDuration, minBackoff, maxBackoff);
    }

    public ExchangeClientConfig withMaxErrorDuration(Duration duration)
    {
        return new ExchangeClientConfig(maxBufferedBytes, maxResponseBytes, maxWait, duration, minBackoff, maxBackoff);
    }
}
