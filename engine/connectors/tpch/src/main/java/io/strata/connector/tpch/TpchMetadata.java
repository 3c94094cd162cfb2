package io.strata.connector.tpch;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;
import io.trino.tpch.TpchTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Schemas are scale factors: {@code tiny} is 0.01, {@code sfN} is N for any positive decimal N ({@code sf1},
 * {@code sf0.1}, {@code sf300}); {@link #listSchemaNames} lists the standard ones. Every schema holds the
 * eight TPC-H tables.
 */
public final class TpchMetadata
        implements ConnectorMetadata
{
    public static final String TINY_SCHEMA_NAME = "tiny";
    public static final double TINY_SCALE_FACTOR = 0.01;

    private static final List<String> SCHEMA_NAMES = List.of(
            TINY_SCHEMA_NAME, "sf1", "sf10", "sf100", "sf300", "sf1000", "sf3000", "sf10000", "sf30000", "sf100000");
    private static final Pattern SCALE_FACTOR_SCHEMA = Pattern.compile("sf(\\d+(?:\\.\\d+)?)");

    /** The scale factor a schema name stands for, or empty when it names no schema. */
    public static OptionalDouble scaleFactor(String schemaName)
    {
        if (schemaName.equals(TINY_SCHEMA_NAME)) {
            return OptionalDouble.of(TINY_SCALE_FACTOR);
        }
        Matcher matcher = SCALE_FACTOR_SCHEMA.matcher(schemaName);
        if (!matcher.matches()) {
            return OptionalDouble.empty();
        }
        double scaleFactor = Double.parseDouble(matcher.group(1));
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(scaleFactor);
    }

    @Override
    public List<String> listSchemaNames(ConnectorSession session)
    {
        return SCHEMA_NAMES;
    }

    @Override
    public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
    {
        List<String> schemas = schemaName
                .map(name -> scaleFactor(name).isPresent() ? List.of(name) : List.<String>of())
                .orElse(SCHEMA_NAMES);
        List<SchemaTableName> tables = new ArrayList<>();
        for (String schema : schemas) {
            for (TpchTable<?> table : TpchTable.getTables()) {
                tables.add(new SchemaTableName(schema, table.getTableName()));
            }
        }
        return List.copyOf(tables);
    }

    @Override
    public Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
    {
        requireNonNull(table, "table is null");
        OptionalDouble scaleFactor = scaleFactor(table.schemaName());
        if (scaleFactor.isEmpty() || TpchTables.table(table.tableName()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TpchTableHandle(table.schemaName(), table.tableName(), scaleFactor.getAsDouble()));
    }

    @Override
    public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        return new ConnectorTableMetadata(
                new SchemaTableName(handle.schemaName(), handle.tableName()),
                TpchTables.columnMetadata(TpchTables.tableOrThrow(handle.tableName())));
    }

    @Override
    public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        return List.copyOf(TpchTables.columnHandles(TpchTables.tableOrThrow(handle.tableName())));
    }

    /**
     * The table's row count at its scale factor (see {@link TpchTables#rowCount}); zero when the constraint lets
     * no row through. A narrower constraint is not estimated: the count is then an upper bound.
     */
    @Override
    public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        if (handle.constraint().isNone()) {
            return new TableStatistics(OptionalDouble.of(0));
        }
        return new TableStatistics(OptionalDouble.of((double) TpchTables.rowCount(handle.tableName(), handle.scaleFactor())));
    }

    /**
     * Takes every domain over this table's columns into the handle: the page source enforces them all, so
     * the engine has nothing left to evaluate of them. Domains over other handles (which the engine does
     * not send) are handed back as the remaining filter.
     */
    @Override
    public Optional<ConstraintApplicationResult> applyFilter(ConnectorSession session, ConnectorTableHandle table, TupleDomain constraint)
    {
        TpchTableHandle handle = (TpchTableHandle) table;
        requireNonNull(constraint, "constraint is null");
        TupleDomain enforced;
        TupleDomain remaining;
        if (constraint.isNone()) {
            enforced = TupleDomain.none();
            remaining = TupleDomain.all();
        }
        else {
            List<TpchColumnHandle> columns = TpchTables.columnHandles(TpchTables.tableOrThrow(handle.tableName()));
            Map<ColumnHandle, Domain> ours = new LinkedHashMap<>();
            Map<ColumnHandle, Domain> others = new LinkedHashMap<>();
            for (Map.Entry<ColumnHandle, Domain> entry : constraint.domains().orElseThrow().entrySet()) {
                if (columns.contains(entry.getKey())) {
                    ours.put(entry.getKey(), entry.getValue());
                }
                else {
                    others.put(entry.getKey(), entry.getValue());
                }
            }
            enforced = TupleDomain.withColumnDomains(ours);
            remaining = TupleDomain.withColumnDomains(others);
        }
        TupleDomain newConstraint = handle.constraint().intersect(enforced);
        if (newConstraint.equals(handle.constraint())) {
            return Optional.empty();
        }
        return Optional.of(new ConstraintApplicationResult(handle.withConstraint(newConstraint), remaining));
    }
}
