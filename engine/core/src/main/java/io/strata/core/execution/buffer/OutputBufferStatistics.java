package io.strata.core.execution.buffer;

import static java.util.Objects.requireNonNull;

/**
 * A snapshot of an output buffer.
 *
 * @param bufferedBytes bytes of pages held (added, not yet acknowledged)
 */
public record OutputBufferStatistics(BufferState state, long bufferedBytes, long bufferedPages, long totalPagesAdded, long totalRowsAdded, long totalBytesAdded)
{
    public OutputBufferStatistics
    {
        requireNonNull(state, "state is null");
    }
}
