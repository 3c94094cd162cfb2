package io.strata.connector.tpch;

import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import io.trino.tpch.GenerateUtils;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.createVarcharType;

/**
 * What the connector knows of the generator's tables: lookup by name, the SQL type of each column, row counts.
 */
final class TpchTables
{
    /** Money, quantities, discounts and taxes: the generator's doubles are exact cents. */
    static final DecimalType MONEY = createDecimalType(12, 2);

    private TpchTables() {}

    static Optional<TpchTable<?>> table(String tableName)
    {
        for (TpchTable<?> table : TpchTable.getTables()) {
            if (table.getTableName().equals(tableName)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    static TpchTable<?> tableOrThrow(String tableName)
    {
        return table(tableName).orElseThrow(() -> new IllegalArgumentException("not a TPC-H table: " + tableName));
    }

    /** The column of a table by its standard name ({@code l_orderkey}, not {@code orderkey}). */
    static <E extends TpchEntity> TpchColumn<E> column(TpchTable<E> table, String columnName)
    {
        for (TpchColumn<E> column : table.getColumns()) {
            if (column.getColumnName().equals(columnName)) {
                return column;
            }
        }
        throw new IllegalArgumentException("table " + table.getTableName() + " has no column " + columnName);
    }

    /** Tables generated in one piece: the generator cannot cut them into parts. */
    static boolean isSinglePart(String tableName)
    {
        return tableName.equals(TpchTable.NATION.getTableName()) || tableName.equals(TpchTable.REGION.getTableName());
    }

    static Type sqlType(TpchColumnType type)
    {
        return switch (type.getBase()) {
            case IDENTIFIER -> BIGINT;
            case INTEGER -> INTEGER;
            case DATE -> DATE;
            case DOUBLE -> MONEY;
            case VARCHAR -> createVarcharType(Math.toIntExact(type.getPrecision().orElseThrow()));
        };
    }

    static List<TpchColumnHandle> columnHandles(TpchTable<?> table)
    {
        List<TpchColumnHandle> handles = new ArrayList<>();
        for (TpchColumn<?> column : table.getColumns()) {
            handles.add(new TpchColumnHandle(column.getColumnName(), sqlType(column.getType())));
        }
        return List.copyOf(handles);
    }

    static List<ColumnMetadata> columnMetadata(TpchTable<?> table)
    {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (TpchColumn<?> column : table.getColumns()) {
            // TPC-H declares every column NOT NULL and the generator never produces a null
            columns.add(new ColumnMetadata(column.getColumnName(), sqlType(column.getType()), false));
        }
        return List.copyOf(columns);
    }

    /**
     * The number of rows of a table at a scale factor, as the generators compute it. Exact for every table but
     * {@code lineitem}, whose orders have 1 to 7 lines drawn at random: there it is 4 lines per order, the
     * mean (6,000,000 at scale factor 1 against 6,001,215 generated).
     */
    static long rowCount(String tableName, double scaleFactor)
    {
        return switch (tableName) {
            case "region" -> 5;
            case "nation" -> 25;
            case "supplier" -> scaled(10_000, scaleFactor);
            case "customer" -> scaled(150_000, scaleFactor);
            case "part" -> scaled(200_000, scaleFactor);
            // four suppliers for each part
            case "partsupp" -> 4 * scaled(200_000, scaleFactor);
            case "orders" -> scaled(1_500_000, scaleFactor);
            case "lineitem" -> 4 * scaled(1_500_000, scaleFactor);
            default -> throw new IllegalArgumentException("not a TPC-H table: " + tableName);
        };
    }

    private static long scaled(int scaleBase, double scaleFactor)
    {
        return GenerateUtils.calculateRowCount(scaleBase, scaleFactor, 1, 1);
    }
}
