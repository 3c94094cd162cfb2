package io.strata.core.execution.memory;

import static java.util.Objects.requireNonNull;

/**
 * What one operator holds now. Not thread-safe: its operator's driver sets it. The operator reports its
 * whole current size with {@link #setBytes}; the context passes the difference to the query.
 */
public final class LocalMemoryContext
{
    private final QueryMemoryContext queryContext;
    private volatile long bytes;
    private volatile long peakBytes;

    LocalMemoryContext(QueryMemoryContext queryContext)
    {
        this.queryContext = requireNonNull(queryContext, "queryContext is null");
    }

    /**
     * Sets the bytes held now.
     *
     * @throws io.strata.spi.StrataException {@code EXCEEDED_LOCAL_MEMORY_LIMIT} when the query goes over its limit
     */
    public void setBytes(long newBytes)
    {
        if (newBytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + newBytes);
        }
        long delta = newBytes - bytes;
        if (delta != 0) {
            queryContext.update(delta);
            bytes = newBytes;
            peakBytes = Math.max(peakBytes, bytes);
        }
    }

    public long bytes()
    {
        return bytes;
    }

    public long peakBytes()
    {
        return peakBytes;
    }

    /** Frees everything this context holds. */
    public void close()
    {
        setBytes(0);
    }
}
