package io.strata.launcher.cli;

import io.strata.protocol.StatementStats;

import java.io.PrintStream;
import java.util.Locale;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The one-line progress report of a running query on a terminal's standard error:
 * {@code Query 20250101_120000_00001_c1: RUNNING, splits 3/10, 12,345 rows, 1.4s}. It appears once the
 * query has run for {@link #DELAY_NANOS a second}, is redrawn in place at most every 200 ms, and is erased
 * before results are printed and when the query ends. A disabled line prints nothing.
 */
final class ProgressLine
{
    static final long DELAY_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final String ERASE = "\r\u001B[2K";

    private final PrintStream stream;
    private final boolean enabled;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean visible;

    ProgressLine(PrintStream stream, boolean enabled, long startNanos)
    {
        this.stream = requireNonNull(stream, "stream is null");
        this.enabled = enabled;
        this.startNanos = startNanos;
    }

    void update(String queryId, StatementStats stats)
    {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - startNanos < DELAY_NANOS || (visible && now - lastDrawNanos < REDRAW_NANOS)) {
            return;
        }
        lastDrawNanos = now;
        visible = true;
        stream.print(ERASE + render(queryId, stats, now - startNanos));
        stream.flush();
    }

    void clear()
    {
        if (visible) {
            visible = false;
            stream.print(ERASE);
            stream.flush();
        }
    }

    static String render(String queryId, StatementStats stats, long elapsedNanos)
    {
        return format(Locale.ENGLISH, "Query %s: %s, splits %d/%d, %,d rows, %.1fs",
                queryId,
                stats.state(),
                stats.completedSplits(),
                stats.totalSplits(),
                stats.processedRows(),
                elapsedNanos / 1e9);
    }
}
