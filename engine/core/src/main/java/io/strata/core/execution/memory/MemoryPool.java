package io.strata.core.execution.memory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The memory of one node, shared by the queries running on it: the sum of their reservations. The pool
 * itself does not refuse memory yet (per-query limits do); it is what the node reports, and where a
 * node-wide limit that blocks operators will live.
 */
public final class MemoryPool
{
    private final long maxBytes;

    // guarded by this
    private long reservedBytes;
    // guarded by this
    private final Map<String, Long> reservedByQuery = new LinkedHashMap<>();

    public MemoryPool(long maxBytes)
    {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes()
    {
        return maxBytes;
    }

    public synchronized long reservedBytes()
    {
        return reservedBytes;
    }

    public synchronized long reservedBytes(String queryId)
    {
        return reservedByQuery.getOrDefault(queryId, 0L);
    }

    synchronized void update(String queryId, long delta)
    {
        reservedBytes += delta;
        long total = reservedByQuery.getOrDefault(queryId, 0L) + delta;
        if (total == 0) {
            reservedByQuery.remove(queryId);
        }
        else {
            reservedByQuery.put(queryId, total);
        }
    }
}
