package io.strata.connector.memory;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ConnectorSplit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The pages of a catalog's tables and of its unfinished inserts, and the bytes they hold against
 * {@code memory.max-data-per-node}. A table's pages are an immutable list replaced as a whole when an insert
 * commits, so a reader holding one never sees half an insert. Thread-safe.
 */
final class MemoryPagesStore
{
    private final String catalogName;
    private final long maxBytes;

    // guarded by this
    private long usedBytes;
    // guarded by this
    private final Map<Long, TableData> tables = new HashMap<>();
    // guarded by this: pages of finished sinks whose insert has not committed yet
    private final Map<Long, PendingInsert> pendingInserts = new HashMap<>();

    MemoryPagesStore(String catalogName, long maxBytes)
    {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.maxBytes = maxBytes;
    }

    synchronized void createTable(long tableId)
    {
        tables.put(tableId, new TableData(List.of(), 0, 0));
    }

    synchronized void dropTable(long tableId)
    {
        TableData data = tables.remove(tableId);
        if (data != null) {
            usedBytes -= data.bytes();
        }
        pendingInserts.values().removeIf(pending -> {
            if (pending.tableId == tableId) {
                usedBytes -= pending.bytes;
                return true;
            }
            return false;
        });
    }

    /**
     * Takes {@code bytes} of the catalog's budget for pages a sink receives.
     *
     * @throws StrataException {@code EXCEEDED_LOCAL_MEMORY_LIMIT} when the budget does not hold them
     */
    synchronized void reserve(long bytes)
    {
        if (usedBytes + bytes > maxBytes) {
            throw new StrataException(ErrorCode.EXCEEDED_LOCAL_MEMORY_LIMIT, String.format(
                    "Memory limit of catalog '%s' exceeded: its tables would hold more than %s bytes (%s)",
                    catalogName, maxBytes, MemoryConfig.MAX_DATA_PER_NODE));
        }
        usedBytes += bytes;
    }

    synchronized void release(long bytes)
    {
        usedBytes -= bytes;
    }

    synchronized long usedBytes()
    {
        return usedBytes;
    }

    /** A finished sink hands its pages (reserved already) to the insert they belong to. */
    synchronized void addPending(MemoryInsertTableHandle insert, List<Page> pages, long rows, long bytes)
    {
        PendingInsert pending = pendingInserts.computeIfAbsent(insert.insertId(), id -> new PendingInsert(insert.tableId()));
        pending.pages.addAll(pages);
        pending.rows += rows;
        pending.bytes += bytes;
    }

    /** Makes an insert's pages part of its table, in one step. */
    synchronized void commit(MemoryInsertTableHandle insert)
    {
        PendingInsert pending = pendingInserts.remove(insert.insertId());
        if (pending == null) {
            return;
        }
        TableData data = tables.get(insert.tableId());
        if (data == null) {
            usedBytes -= pending.bytes;
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, "Table was dropped while rows were inserted into it");
        }
        List<Page> pages = new ArrayList<>(data.pages().size() + pending.pages.size());
        pages.addAll(data.pages());
        pages.addAll(pending.pages);
        tables.put(insert.tableId(), new TableData(List.copyOf(pages), data.rows() + pending.rows, data.bytes() + pending.bytes));
    }

    synchronized void abort(MemoryInsertTableHandle insert)
    {
        PendingInsert pending = pendingInserts.remove(insert.insertId());
        if (pending != null) {
            usedBytes -= pending.bytes;
        }
    }

    synchronized long rowCount(long tableId)
    {
        return table(tableId).rows();
    }

    /** Up to {@code maxSplits} splits over the table's committed pages, of about equal page counts. */
    List<ConnectorSplit> splits(long tableId, int maxSplits)
    {
        int pageCount;
        synchronized (this) {
            pageCount = table(tableId).pages().size();
        }
        if (pageCount == 0) {
            return List.of(new MemorySplit(tableId, 0, 0));
        }
        int splitCount = Math.min(pageCount, maxSplits);
        List<ConnectorSplit> splits = new ArrayList<>(splitCount);
        for (int i = 0; i < splitCount; i++) {
            int start = (int) ((long) pageCount * i / splitCount);
            int end = (int) ((long) pageCount * (i + 1) / splitCount);
            splits.add(new MemorySplit(tableId, start, end));
        }
        return splits;
    }

    synchronized List<Page> pages(MemorySplit split)
    {
        List<Page> pages = table(split.tableId()).pages();
        if (split.endPage() > pages.size()) {
            throw new IllegalStateException("split " + split + " is beyond the table's " + pages.size() + " pages");
        }
        return pages.subList(split.startPage(), split.endPage());
    }

    // guarded by this
    private TableData table(long tableId)
    {
        TableData data = tables.get(tableId);
        if (data == null) {
            throw new StrataException(ErrorCode.TABLE_NOT_FOUND, "Table of catalog '" + catalogName + "' was dropped");
        }
        return data;
    }

    private record TableData(List<Page> pages, long rows, long bytes) {}

    private static final class PendingInsert
    {
        private final long tableId;
        private final List<Page> pages = new ArrayList<>();
        private long rows;
        private long bytes;

        PendingInsert(long tableId)
        {
            this.tableId = tableId;
        }
    }
}
