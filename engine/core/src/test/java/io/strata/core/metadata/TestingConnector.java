package io.strata.core.metadata;

import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.createVarcharType;
import static java.util.Objects.requireNonNull;

/**
 * A metadata-only connector for front-end tests: schema {@code sales} with tables {@code orders} and
 * {@code customer}. It takes filters on every column except those named {@code comment}, which it hands back
 * as remaining, so tests see both outcomes of filter pushdown. It reads no data.
 */
public final class TestingConnector
        implements Connector
{
    public static final String CATALOG = "testing";
    public static final String SCHEMA = "sales";

    private static final Map<String, List<ColumnMetadata>> TABLES = Map.of(
            "orders", List.of(
                    new ColumnMetadata("orderkey", BIGINT),
                    new ColumnMetadata("custkey", BIGINT),
                    new ColumnMetadata("status", createVarcharType(1)),
                    new ColumnMetadata("price", createDecimalType(12, 2)),
                    new ColumnMetadata("discount", createDecimalType(12, 2)),
                    new ColumnMetadata("orderdate", DATE),
                    new ColumnMetadata("comment", createVarcharType(79)),
                    new ColumnMetadata("priority", INTEGER),
                    new ColumnMetadata("ratio", DOUBLE)),
            "customer", List.of(
                    new ColumnMetadata("custkey", BIGINT),
                    new ColumnMetadata("name", createVarcharType(25)),
                    new ColumnMetadata("comment", createVarcharType(117))));

    private static final Set<String> UNFILTERABLE_COLUMNS = Set.of("comment");

    /** Creates catalog {@value #CATALOG} over this connector. */
    public static CatalogManager createCatalogManager()
    {
        CatalogManager catalogManager = new CatalogManager(List.of(factory()));
        catalogManager.createCatalog(CATALOG, Map.of("connector.name", "testing"));
        return catalogManager;
    }

    /** A factory, {@code connector.name=testing}, of testing connectors. */
    public static ConnectorFactory factory()
    {
        return new ConnectorFactory()
        {
            @Override
            public String name()
            {
                return "testing";
            }

            @Override
            public Connector create(String catalogName, Map<String, String> properties)
            {
                return new TestingConnector();
            }
        };
    }

    public record TestingTableHandle(String tableName, TupleDomain constraint)
            implements ConnectorTableHandle
    {
        public TestingTableHandle
        {
            requireNonNull(tableName, "tableName is null");
            requireNonNull(constraint, "constraint is null");
        }
    }

    public record TestingColumnHandle(String name, Type type)
            implements ColumnHandle
    {
        public TestingColumnHandle
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    @Override
    public ConnectorMetadata metadata()
    {
        return new ConnectorMetadata()
        {
            @Override
            public List<String> listSchemaNames(ConnectorSession session)
            {
                return List.of(SCHEMA, "empty");
            }

            @Override
            public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
            {
                if (schemaName.isPresent() && !schemaName.get().equals(SCHEMA)) {
                    return List.of();
                }
                return TABLES.keySet().stream().map(table -> new SchemaTableName(SCHEMA, table)).toList();
            }

            @Override
            public Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
            {
                if (!table.schemaName().equals(SCHEMA) || !TABLES.containsKey(table.tableName())) {
                    return Optional.empty();
                }
                return Optional.of(new TestingTableHandle(table.tableName(), TupleDomain.all()));
            }

            @Override
            public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
            {
                String name = ((TestingTableHandle) table).tableName();
                return new ConnectorTableMetadata(new SchemaTableName(SCHEMA, name), TABLES.get(name));
            }

            @Override
            public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
            {
                return TABLES.get(((TestingTableHandle) table).tableName()).stream()
                        .map(column -> (ColumnHandle) new TestingColumnHandle(column.name(), column.type()))
                        .toList();
            }

            @Override
            public TableStatistics getTableStatistics(ConnectorSession session, ConnectorTableHandle table)
            {
                return new TableStatistics(OptionalDouble.of(((TestingTableHandle) table).constraint().isAll() ? 1500 : 100));
            }

            @Override
            public Optional<ConstraintApplicationResult> applyFilter(ConnectorSession session, ConnectorTableHandle table, TupleDomain constraint)
            {
                TestingTableHandle handle = (TestingTableHandle) table;
                Map<ColumnHandle, Domain> taken = new LinkedHashMap<>();
                Map<ColumnHandle, Domain> remaining = new LinkedHashMap<>();
                for (Map.Entry<ColumnHandle, Domain> entry : constraint.domains().orElseThrow().entrySet()) {
                    String column = ((TestingColumnHandle) entry.getKey()).name();
                    (UNFILTERABLE_COLUMNS.contains(column) ? remaining : taken).put(entry.getKey(), entry.getValue());
                }
                if (taken.isEmpty()) {
                    return Optional.empty();
                }
                TupleDomain newConstraint = handle.constraint().intersect(TupleDomain.withColumnDomains(taken));
                return Optional.of(new ConstraintApplicationResult(new TestingTableHandle(handle.tableName(), newConstraint), TupleDomain.withColumnDomains(remaining)));
            }
        };
    }

    @Override
    public ConnectorSplitManager splitManager()
    {
        return (session, table) -> {
            throw new UnsupportedOperationException("the testing connector reads no data");
        };
    }

    @Override
    public ConnectorPageSourceProvider pageSourceProvider()
    {
        return (session, split, table, columns) -> {
            throw new UnsupportedOperationException("the testing connector reads no data");
        };
    }
}
