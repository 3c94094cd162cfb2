package io.strata.core.execution.remote;

import io.strata.core.execution.task.TaskManagerConfig;

import java.time.Duration;
import java.util.Map;

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
    public static final String MAX_ERROR_DURATION = "query.remote-task.max-error-duration";
    public static final String REQUEST_TIMEOUT = "query.remote-task.request-timeout";
    public static final String STATUS_MAX_WAIT = "task.status-refresh-max-wait";
    public static final String MIN_BACKOFF = "query.remote-task.min-backoff";
    public static final String MAX_BACKOFF = "query.remote-task.max-backoff";

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

    /**
     * The defaults overridden by the properties {@code query.remote-task.max-error-duration},
     * {@code query.remote-task.request-timeout}, {@code task.status-refresh-max-wait},
     * {@code query.remote-task.min-backoff} and {@code query.remote-task.max-backoff} (durations such as {@code 500ms},
     * {@code 5s}); other properties in the map belong to other components and are ignored.
     *
     * @throws IllegalArgumentException naming the property, for a bad value
     */
    public static HttpTaskManagerConfig fromProperties(Map<String, String> properties)
    {
        Duration maxErrorDuration = duration(properties, MAX_ERROR_DURATION, DEFAULT.maxErrorDuration());
        Duration requestTimeout = duration(properties, REQUEST_TIMEOUT, DEFAULT.requestTimeout());
        Duration statusMaxWait = duration(properties, STATUS_MAX_WAIT, DEFAULT.statusMaxWait());
        Duration minBackoff = duration(properties, MIN_BACKOFF, DEFAULT.minBackoff());
        Duration maxBackoff = duration(properties, MAX_BACKOFF, DEFAULT.maxBackoff());
        try {
            return new HttpTaskManagerConfig(maxErrorDuration, requestTimeout, statusMaxWait, minBackoff, maxBackoff);
        }
        catch (IllegalArgumentException e) {
            // each value is valid alone: the backoffs contradict each other
            throw new IllegalArgumentException("Invalid values for " + MIN_BACKOFF + " and " + MAX_BACKOFF + ": " + e.getMessage(), e);
        }
    }

    private static Duration duration(Map<String, String> properties, String name, Duration defaultValue)
    {
        String value = properties.get(name);
        if (value == null) {
            return defaultValue;
        }
        Duration duration;
        try {
            duration = TaskManagerConfig.parseDuration(value);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "' (a duration such as 500ms or 5s)", e);
        }
        boolean mayBeZero = name.equals(STATUS_MAX_WAIT) || name.equals(MIN_BACKOFF);
        if (duration.isNegative() || (duration.isZero() && !mayBeZero)) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "' must be " + (mayBeZero ? "zero or more" : "positive"));
        }
        if (name.equals(STATUS_MAX_WAIT) && duration.compareTo(MAX_STATUS_WAIT) > 0) {
            throw new IllegalArgumentException("Invalid value for " + name + ": '" + value + "' is more than the " + MAX_STATUS_WAIT.toSeconds() + "s a node grants");
        }
        return duration;
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
