package io.strata.connector.tpch;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.IntBlockBuilder;
import io.strata.spi.block.LongBlockBuilder;
import io.strata.spi.block.VariableWidthBlockBuilder;
import io.strata.spi.connector.Domain;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;

import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Reads one generator column over a batch of generated rows, a column at a time: appends the selected rows'
 * values to a typed block builder, or narrows a selection to the rows whose value lies in a domain. The
 * loops call the generator's primitive accessor and append primitives: no boxing per row.
 */
abstract sealed class ColumnReader<E extends TpchEntity>
        permits ColumnReader.LongReader, ColumnReader.IntReader, ColumnReader.VarcharReader
{
    protected final TpchColumn<E> column;

    private ColumnReader(TpchColumn<E> column)
    {
        this.column = requireNonNull(column, "column is null");
    }

    /** A reader for one page source: readers keep scratch buffers, so they are not shared between threads. */
    static <E extends TpchEntity> ColumnReader<E> create(TpchColumn<E> column)
    {
        return switch (column.getType().getBase()) {
            // a DOUBLE column holds whole cents, and its identifier accessor returns them as a long: exactly the
            // unscaled value of decimal(12,2)
            case IDENTIFIER, DOUBLE -> new LongReader<>(column);
            case INTEGER -> new IntReader<>(column, false);
            case DATE -> new IntReader<>(column, true);
            case VARCHAR -> new VarcharReader<>(column);
        };
    }

    /** Appends the values of {@code rows[positions[i]]} for {@code i < count} to a builder of this column's layout. */
    abstract void append(BlockBuilder builder, E[] rows, int[] positions, int count);

    /** The domain compiled into a filter over this column. */
    abstract RowFilter<E> filter(Domain domain);

    static final class LongReader<E extends TpchEntity>
            extends ColumnReader<E>
    {
        LongReader(TpchColumn<E> column)
        {
            super(column);
        }

        @Override
        void append(BlockBuilder builder, E[] rows, int[] positions, int count)
        {
            LongBlockBuilder longBuilder = (LongBlockBuilder) builder;
            for (int i = 0; i < count; i++) {
                longBuilder.appendLong(column.getIdentifier(rows[positions[i]]));
            }
        }

        @Override
        RowFilter<E> filter(Domain domain)
        {
            LongRanges ranges = LongRanges.of(column.getColumnName(), domain);
            return (rows, positions, count) -> {
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    if (ranges.contains(column.getIdentifier(rows[position]))) {
                        positions[kept++] = position;
                    }
                }
                return kept;
            };
        }
    }

    /** {@code integer} and {@code date} (days since 1970-01-01, as the generator's date accessor returns them). */
    static final class IntReader<E extends TpchEntity>
            extends ColumnReader<E>
    {
        private final boolean date;

        IntReader(TpchColumn<E> column, boolean date)
        {
            super(column);
            this.date = date;
        }

        @Override
        void append(BlockBuilder builder, E[] rows, int[] positions, int count)
        {
            IntBlockBuilder intBuilder = (IntBlockBuilder) builder;
            for (int i = 0; i < count; i++) {
                intBuilder.appendInt(value(rows[positions[i]]));
            }
        }

        @Override
        RowFilter<E> filter(Domain domain)
        {
            LongRanges ranges = LongRanges.of(column.getColumnName(), domain);
            return (rows, positions, count) -> {
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    if (ranges.contains(value(rows[position]))) {
                        positions[kept++] = position;
                    }
                }
                return kept;
            };
        }

        private int value(E row)
        {
            return date ? column.getDate(row) : column.getInteger(row);
        }
    }

    /** {@code varchar}: the generator's strings, encoded as UTF-8 into a reused buffer. */
    static final class VarcharReader<E extends TpchEntity>
            extends ColumnReader<E>
    {
        private byte[] buffer = new byte[256];
        private Slice bufferSlice = Slices.wrappedBuffer(buffer);

        VarcharReader(TpchColumn<E> column)
        {
            super(column);
        }

        @Override
        void append(BlockBuilder builder, E[] rows, int[] positions, int count)
        {
            VariableWidthBlockBuilder variableWidthBuilder = (VariableWidthBlockBuilder) builder;
            for (int i = 0; i < count; i++) {
                int length = encode(column.getString(rows[positions[i]]));
                variableWidthBuilder.appendBytes(buffer, 0, length);
            }
        }

        @Override
        RowFilter<E> filter(Domain domain)
        {
            SliceRanges ranges = SliceRanges.of(column.getColumnName(), domain);
            return (rows, positions, count) -> {
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    int length = encode(column.getString(rows[position]));
                    if (ranges.contains(bufferSlice, length)) {
                        positions[kept++] = position;
                    }
                }
                return kept;
            };
        }

        /** Writes the value's UTF-8 bytes at the start of {@link #buffer}; returns their length. */
        private int encode(String value)
        {
            int length = value.length();
            ensureCapacity(length);
            // TPC-H text is ASCII: one byte per char, no allocation
            for (int i = 0; i < length; i++) {
                char character = value.charAt(i);
                if (character >= 0x80) {
                    return encodeNonAscii(value);
                }
                buffer[i] = (byte) character;
            }
            return length;
        }

        private int encodeNonAscii(String value)
        {
            byte[] bytes = value.getBytes(UTF_8);
            ensureCapacity(bytes.length);
            System.arraycopy(bytes, 0, buffer, 0, bytes.length);
            return bytes.length;
        }

        private void ensureCapacity(int length)
        {
            if (length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length, buffer.length * 2));
                bufferSlice = Slices.wrappedBuffer(buffer);
            }
        }
    }
}
