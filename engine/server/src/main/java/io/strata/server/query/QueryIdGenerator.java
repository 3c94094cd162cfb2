package io.strata.server.query;

import com.google.errorprone.annotations.concurrent.GuardedBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Issues query ids {@code YYYYMMDD_HHMMSS_NNNNN_<coordinatorId>}: the UTC second, a counter, and the
 * coordinator's id, so that any component can tell which coordinator owns a query (gateways find ids with
 * {@code \d+_\d+_\d+_\w+}). The counter restarts at {@code 00000} each UTC day, as Presto's; after
 * {@code 99999} in one second it restarts and the timestamp moves on a second ahead of the clock instead
 * of waiting, so ids never repeat.
 */
public final class QueryIdGenerator
{
    /** The shape of every id this class issues. */
    public static final Pattern QUERY_ID = Pattern.compile("\\d{8}_\\d{6}_\\d{5}_[a-z0-9]{1,16}");

    private static final Pattern COORDINATOR_ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_COUNTER = 99_999;
    private static final long SECONDS_PER_DAY = 86_400;

    private final String coordinatorId;
    private final Clock clock;

    @GuardedBy("this")
    private long lastSecond = Long.MIN_VALUE;
    @GuardedBy("this")
    private String lastTimestamp = "";
    @GuardedBy("this")
    private int counter;

    public QueryIdGenerator(String coordinatorId, Clock clock)
    {
        this.coordinatorId = requireNonNull(coordinatorId, "coordinatorId is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (!COORDINATOR_ID.matcher(coordinatorId).matches()) {
            throw new IllegalArgumentException("coordinator id must match [a-z0-9]{1,16}: " + coordinatorId);
        }
    }

    public String coordinatorId()
    {
        return coordinatorId;
    }

    public synchronized String createNextQueryId()
    {
        long second = Math.floorDiv(clock.millis(), 1000);
        if (counter > MAX_COUNTER) {
            second = Math.max(second, lastSecond + 1);
            counter = 0;
        }
        if (second > lastSecond) {
            if (Math.floorDiv(second, SECONDS_PER_DAY) != Math.floorDiv(lastSecond, SECONDS_PER_DAY)) {
                counter = 0;
            }
            lastSecond = second;
            lastTimestamp = TIMESTAMP.format(Instant.ofEpochSecond(second));
        }
        return String.format(ENGLISH, "%s_%05d_%s", lastTimestamp, counter++, coordinatorId);
    }
}
