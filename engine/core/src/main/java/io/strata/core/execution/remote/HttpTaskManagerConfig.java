package io.strata.core.execution.remote;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Timeouts and retries of one {@link HttpTaskManager}: together they bound how long a dead or hung node can keep a
 * query waiting (about {@code maxErrorDuration}, see docs/architecture.md, "Remote tasks").
 *
 * @param maxErrorDuration how long a request may keep failing transiently (no connection, a timeout, 502, 503, 504)
 * before the task manager gives up with {@code REMOTE_TASK_ERROR}; counted from the start of the first failed attempt
 * @param requestTimeout the longest one attempt of a request may take, from connecting to reading the whole answer
 * (a status long poll gets {@code statusMaxWait} more)
 * @param statusMaxWait how long a node may hold a status long poll open ({@code X-Strata-Max-Wait})
 * @param minBackoff the wait before the first retry; it doubles per retry up to {@code maxBackoff}
 * @param maxBackoff the longest wait between retries
 */
public record HttpTaskManagerConfig(
        Duration maxErrorDuration,
        Duration requestTimeout,
        Duration statusMaxWait,
        Duration minBackoff,
        Duration maxBackoff)
{
    /** The most {@code X-Strata-Max-Wait} a node grants (it cuts longer waits to this). */
    public static final Duration MAX_STATUS_WAIT = Duration.ofSeconds(10);

    public static final HttpTaskManagerConfig DEFAULT = new HttpTaskManagerConfig(
            Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(250));

    public HttpTaskManagerConfig
    {
        requireNonNull(maxErrorDuration, "maxErrorDuration is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        requireNonNull(statusMaxWait, "statusMaxWait is null");
        requireNonNull(minBackoff, "minBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (!isPositive(maxErrorDuration) || !isPositive(requestTimeout)) {
            throw new IllegalArgumentException("maxErrorDuration and requestTimeout must be positive");
        }
        if (statusMaxWait.isNegative() || statusMaxWait.compareTo(MAX_STATUS_WAIT) > 0) {
            throw new IllegalArgumentException("statusMaxWait must be between 0s and " + MAX_STATUS_WAIT.toSeconds() + "s: " + statusMaxWait);
        }
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("minBackoff must not be negative and maxBackoff not below minBackoff");
        }
    }

    public HttpTaskManagerConfig withMaxErrorDuration(Duration duration)
    {
        return new HttpTaskManagerConfig(duration, requestTimeout, statusMaxWait, minBackoff, maxBackoff);
    }

    public HttpTaskManagerConfig withRequestTimeout(Duration timeout)
    {
        return new HttpTaskManagerConfig(maxErrorDuration, timeout, statusMaxWait, minBackoff, maxBackoff);
    }

    public HttpTaskManagerConfig withStatusMaxWait(Duration wait)
    {
        return new HttpTaskManagerConfig(maxErrorDuration, requestTimeout, wait, minBackoff, maxBackoff);
    }

    private static boolean isPositive(Duration duration)
    {
        return !duration.isNegative() && !duration.isZero();
    }
}
