package io.strata.server.query;

import io.strata.protocol.ErrorCode;
import io.strata.protocol.ServerInfo;
import io.strata.spi.StrataException;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import static java.lang.System.Logger.Level.WARNING;
import static java.util.Objects.requireNonNull;

/**
 * The queries a coordinator's clients may still ask about, by id. A sweep, run periodically:
 * <ul>
 * <li>fails a running query whose client has not asked about it for {@code clientTimeout}
 * ({@code query.client.timeout}) with {@code ABANDONED_QUERY}, and forgets it;
 * <li>keeps a finished query (its last response delivered, or its client gone) for {@code minExpireAge}
 * ({@code query.min-expire-age}), so that a repeated GET still finds it, and at most {@code maxHistory}
 * ({@code query.max-history}) finished queries, then forgets the oldest.
 * </ul>
 */
public final class QueryTracker<T extends TrackedQuery>
        implements Closeable
{
    private static final System.Logger LOG = System.getLogger(QueryTracker.class.getName());
    private static final long NOT_COMPLETED = Long.MIN_VALUE;

    private enum State
    {
        CREATED, RUNNING, CLOSED
    }

    private final Duration clientTimeout;
    private final Duration minExpireAge;
    private final int maxHistory;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final Map<String, Entry<T>> queries = new ConcurrentHashMap<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private volatile ScheduledFuture<?> sweeper;

    public QueryTracker(Duration clientTimeout, Duration minExpireAge, int maxHistory, ScheduledExecutorService scheduler, LongSupplier nanoTime)
    {
        this.clientTimeout = requireNonNull(clientTimeout, "clientTimeout is null");
        this.minExpireAge = requireNonNull(minExpireAge, "minExpireAge is null");
        this.maxHistory = maxHistory;
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        if (clientTimeout.isNegative() || clientTimeout.isZero()) {
            throw new IllegalArgumentException("clientTimeout must be positive: " + clientTimeout);
        }
        if (maxHistory < 0) {
            throw new IllegalArgumentException("maxHistory is negative: " + maxHistory);
        }
    }

    /** Starts the periodic sweep: often enough to honour the shortest of the two ages within a quarter of it. */
    public void start()
    {
        if (!state.compareAndSet(State.CREATED, State.RUNNING)) {
            throw new IllegalStateException("tracker is " + state.get());
        }
        Duration shortest = minExpireAge.isZero() || minExpireAge.compareTo(clientTimeout) > 0 ? clientTimeout : minExpireAge;
        long periodMillis = Math.max(10, Math.min(1000, shortest.toMillis() / 4));
        sweeper = scheduler.scheduleWithFixedDelay(this::sweepSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Tracks a new query.
     *
     * @throws IllegalStateException if the id is taken or the tracker is closed
     */
    public void add(T query)
    {
        requireNonNull(query, "query is null");
        if (state.get() == State.CLOSED) {
            throw new StrataException(ErrorCode.SERVER_SHUTTING_DOWN, "Server is shutting down");
        }
        if (queries.putIfAbsent(query.queryId(), new Entry<>(query)) != null) {
            throw new IllegalStateException("query id is taken: " + query.queryId());
        }
    }

    public Optional<T> get(String queryId)
    {
        Entry<T> entry = queries.get(queryId);
        return entry == null ? Optional.empty() : Optional.of(entry.query);
    }

    /** The queries tracked now, in no particular order. */
    public List<T> queries()
    {
        return queries.values().stream().map(entry -> entry.query).toList();
    }

    public int size()
    {
        return queries.size();
    }

    /** Fails abandoned queries and forgets expired ones; see the class description. */
    public synchronized void sweep()
    {
        long now = nanoTime.getAsLong();
        long clientTimeoutNanos = clientTimeout.toNanos();
        List<Entry<T>> completed = new ArrayList<>();
        for (Entry<T> entry : List.copyOf(queries.values())) {
            T query = entry.query;
            boolean idle = now - query.lastHeartbeatNanos() > clientTimeoutNanos;
            if (!query.isDone()) {
                if (idle) {
                    query.fail(new StrataException(ErrorCode.ABANDONED_QUERY, String.format(
                            "Query %s was abandoned: its client has not asked for results for more than %s",
                            query.queryId(),
                            ServerInfo.formatDuration(clientTimeout))));
                    queries.remove(query.queryId(), entry);
                }
                continue;
            }
            if (entry.completedNanos == NOT_COMPLETED && (query.isFinalResponseSent() || idle)) {
                entry.completedNanos = now;
            }
            if (entry.completedNanos != NOT_COMPLETED) {
                completed.add(entry);
            }
        }
        completed.sort(Comparator.comparingLong(entry -> entry.completedNanos));
        int remaining = completed.size();
        for (Entry<T> entry : completed) {
            if (remaining > maxHistory || now - entry.completedNanos >= minExpireAge.toNanos()) {
                queries.remove(entry.query.queryId(), entry);
                remaining--;
            }
        }
    }

    private void sweepSafely()
    {
        try {
            sweep();
        }
        catch (RuntimeException e) {
            // a failing sweep must not cancel the schedule
            LOG.log(WARNING, "query sweep failed", e);
        }
    }

    /** Stops sweeping and fails every running query with {@code SERVER_SHUTTING_DOWN}. Idempotent. */
    @Override
    public void close()
    {
        if (state.getAndSet(State.CLOSED) == State.CLOSED) {
            return;
        }
        ScheduledFuture<?> future = sweeper;
        if (future != null) {
            future.cancel(false);
        }
        for (Entry<T> entry : queries.values()) {
            if (!entry.query.isDone()) {
                try {
                    entry.query.fail(new StrataException(ErrorCode.SERVER_SHUTTING_DOWN, "Server is shutting down"));
                }
                catch (RuntimeException e) {
                    LOG.log(WARNING, "failing query " + entry.query.queryId() + " at shutdown failed", e);
                }
            }
        }
        queries.clear();
    }

    private static final class Entry<T>
    {
        private final T query;
        // written by the sweep only, which is synchronized
        private volatile long completedNanos = NOT_COMPLETED;

        private Entry(T query)
        {
            this.query = query;
        }
    }

    @Override
    public String toString()
    {
        return "QueryTracker{" + queries.size() + " queries, " + state.get() + "}";
    }
}
