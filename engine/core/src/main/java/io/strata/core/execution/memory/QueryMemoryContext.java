package io.strata.core.execution.memory;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import static io.strata.core.execution.memory.DataSizes.succinctBytes;
import static java.util.Objects.requireNonNull;

/**
 * The memory one query holds on this node, summed over its tasks' operators. A reservation that would take
 * the query above its per-node limit fails with {@code EXCEEDED_LOCAL_MEMORY_LIMIT}, so a large query fails
 * alone instead of running the JVM out of heap.
 */
public final class QueryMemoryContext
{
    private final String queryId;
    private final long maxBytes;
    private final MemoryPool pool;

    // guarded by this
    private long reservedBytes;
    // guarded by this
    private long peakBytes;

    public QueryMemoryContext(String queryId, long maxBytes, MemoryPool pool)
    {
        this.queryId = requireNonNull(queryId, "queryId is null");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.pool = requireNonNull(pool, "pool is null");
    }

    public String queryId()
    {
        return queryId;
    }

    public long maxBytes()
    {
        return maxBytes;
    }

    public synchronized long reservedBytes()
    {
        return reservedBytes;
    }

    public synchronized long peakBytes()
    {
        return peakBytes;
    }

    public LocalMemoryContext newLocalMemoryContext()
    {
        return new LocalMemoryContext(this);
    }

    /**
     * Adds {@code delta} bytes (negative frees).
     *
     * @throws StrataException {@code EXCEEDED_LOCAL_MEMORY_LIMIT} when a positive delta crosses the limit; the
     * reservation is then not taken
     */
    synchronized void update(long delta)
    {
        long newReserved = reservedBytes + delta;
        if (delta > 0 && newReserved > maxBytes) {
            throw new StrataException(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, "Query exceeded per-node memory limit of " + succinctBytes(maxBytes)
                    + " [Allocated: " + succinctBytes(reservedBytes) + ", Delta: " + succinctBytes(delta) + "]");
        }
        reservedBytes = newReserved;
        peakBytes = Math.max(peakBytes, reservedBytes);
        pool.update(queryId, delta);
    }
}
