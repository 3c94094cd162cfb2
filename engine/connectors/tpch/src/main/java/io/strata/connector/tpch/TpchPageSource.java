package io.strata.connector.tpch;

import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Generates one split's rows in batches of up to a page: the generator fills a batch of row objects, each
 * pushed-down domain narrows the batch's selected positions, then each requested column appends the
 * selected rows to its builder, a column at a time. Pages hold {@code maxPositions} rows but the last; with
 * no requested columns they carry only their position count. Not thread-safe: one driver reads it.
 */
final class TpchPageSource<E extends TpchEntity>
        implements ConnectorPageSource
{
    /**
     * Under a selective filter a page may need many batches; one call generates at most this many, then
     * hands back what it has (or null), so the driver gets control back regularly.
     */
    private static final int MAX_BATCHES_PER_CALL = 8;

    private final Iterator<E> rows;
    private final List<Type> types;
    private final List<ColumnReader<E>> outputs;
    private final List<RowFilter<E>> filters;
    private final int maxPositions;
    private final E[] batch;
    private final int[] positions;
    private BlockBuilder[] builders;
    private int bufferedPositions;
    private boolean finished;
    private long completedPositions;
    private long completedBytes;

    private TpchPageSource(Iterator<E> rows, List<Type> types, List<ColumnReader<E>> outputs, List<RowFilter<E>> filters, int maxPositions, boolean finished)
    {
        this.rows = requireNonNull(rows, "rows is null");
        this.types = List.copyOf(types);
        this.outputs = List.copyOf(outputs);
        this.filters = List.copyOf(filters);
        if (maxPositions < 1) {
            throw new IllegalArgumentException("maxPositions must be positive: " + maxPositions);
        }
        this.maxPositions = maxPositions;
        @SuppressWarnings("unchecked")
        E[] newBatch = (E[]) new TpchEntity[maxPositions];
        this.batch = newBatch;
        this.positions = new int[maxPositions];
        for (int i = 0; i < maxPositions; i++) {
            positions[i] = i;
        }
        this.builders = createBuilders();
        this.finished = finished;
    }

    /**
     * @param columns the columns of the pages' channels, in order
     * @param constraint domains over the table's columns that every returned row satisfies
     */
    static <E extends TpchEntity> TpchPageSource<E> create(TpchTable<E> table, TpchSplit split, TupleDomain constraint, List<TpchColumnHandle> columns, int maxPositions)
    {
        requireNonNull(table, "table is null");
        requireNonNull(split, "split is null");
        requireNonNull(constraint, "constraint is null");
        List<Type> types = new ArrayList<>(columns.size());
        List<ColumnReader<E>> outputs = new ArrayList<>(columns.size());
        for (TpchColumnHandle handle : columns) {
            TpchColumn<E> column = column(table, handle.columnName(), handle.type());
            types.add(handle.type());
            outputs.add(ColumnReader.create(column));
        }
        if (constraint.isNone()) {
            return new TpchPageSource<>(Collections.emptyIterator(), types, outputs, List.of(), maxPositions, true);
        }
        List<RowFilter<E>> filters = new ArrayList<>();
        for (Map.Entry<ColumnHandle, Domain> entry : constraint.domains().orElseThrow().entrySet()) {
            if (!(entry.getKey() instanceof TpchColumnHandle handle)) {
                throw new IllegalArgumentException("constraint on a column of another connector: " + entry.getKey());
            }
            TpchColumn<E> column = column(table, handle.columnName(), entry.getValue().type());
            filters.add(ColumnReader.create(column).filter(entry.getValue()));
        }
        Iterator<E> rows = table.createGenerator(split.scaleFactor(), split.partNumber(), split.totalParts()).iterator();
        return new TpchPageSource<>(rows, types, outputs, filters, maxPositions, false);
    }

    private static <E extends TpchEntity> TpchColumn<E> column(TpchTable<E> table, String columnName, Type type)
    {
        TpchColumn<E> column = TpchTables.column(table, columnName);
        Type columnType = TpchTables.sqlType(column.getType());
        if (!columnType.equals(type)) {
            throw new IllegalArgumentException("column " + columnName + " is " + columnType + ", not " + type);
        }
        return column;
    }

    @Override
    public Page getNextPage()
    {
        if (finished) {
            return null;
        }
        boolean exhausted = false;
        for (int batches = 0; batches < MAX_BATCHES_PER_CALL && bufferedPositions < maxPositions && !exhausted; batches++) {
            int wanted = maxPositions - bufferedPositions;
            int generated = generate(wanted);
            completedPositions += generated;
            exhausted = generated < wanted;
            int selected = select(generated);
            for (int channel = 0; channel < outputs.size(); channel++) {
                outputs.get(channel).append(builders[channel], batch, positions, selected);
            }
            bufferedPositions += selected;
        }
        if (exhausted) {
            finished = true;
            Arrays.fill(batch, null);
        }
        if (bufferedPositions == 0) {
            return null;
        }
        return flush();
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    /** Bytes of the pages produced: the data is generated, not read, so nothing else was read. */
    @Override
    public long completedBytes()
    {
        return completedBytes;
    }

    @Override
    public long completedPositions()
    {
        return completedPositions;
    }

    @Override
    public long memoryUsage()
    {
        long size = 0;
        for (BlockBuilder builder : builders) {
            size += builder.retainedSizeInBytes();
        }
        return size;
    }

    @Override
    public void close()
    {
        finished = true;
        builders = new BlockBuilder[0];
        Arrays.fill(batch, null);
    }

    /** Fills the front of the batch with up to {@code limit} rows; fewer only when the split is exhausted. */
    private int generate(int limit)
    {
        int count = 0;
        while (count < limit && rows.hasNext()) {
            batch[count++] = rows.next();
        }
        return count;
    }

    /** Leaves at the front of {@link #positions} the batch positions that pass every filter; returns how many. */
    private int select(int count)
    {
        if (filters.isEmpty()) {
            // positions is the identity, untouched without filters
            return count;
        }
        for (int i = 0; i < count; i++) {
            positions[i] = i;
        }
        int selected = count;
        for (int i = 0; i < filters.size() && selected > 0; i++) {
            selected = filters.get(i).apply(batch, positions, selected);
        }
        return selected;
    }

    private Page flush()
    {
        Block[] blocks = new Block[builders.length];
        for (int channel = 0; channel < builders.length; channel++) {
            blocks[channel] = builders[channel].build();
        }
        Page page = new Page(bufferedPositions, blocks);
        completedBytes += page.sizeInBytes();
        bufferedPositions = 0;
        // after the last page no builder is needed: memory usage drops to nothing
        builders = finished ? new BlockBuilder[0] : createBuilders();
        return page;
    }

    private BlockBuilder[] createBuilders()
    {
        BlockBuilder[] newBuilders = new BlockBuilder[types.size()];
        for (int channel = 0; channel < newBuilders.length; channel++) {
            newBuilders[channel] = types.get(channel).createBlockBuilder(maxPositions);
        }
        return newBuilders;
    }
}
