package io.strata.launcher.acceptance;

import io.strata.protocol.Dialect;
import io.trino.tpch.LineItemColumn;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * {@link DatabaseMetaData} through the unmodified presto-jdbc and trino-jdbc drivers, which answer it with
 * queries of {@code system.jdbc.*}; and the memory catalog's DDL and DML, whose update counts the drivers
 * return from {@code executeUpdate}. Expected rows come from the tpch generator's own table and column lists.
 */
@TestInstance(PER_CLASS)
@Timeout(value = 60, unit = SECONDS, threadMode = SEPARATE_THREAD)
public class TestJdbcMetadataThroughDrivers
{
    private TestingCoordinator coordinator;
    private StockDrivers drivers;

    @BeforeAll
    public void startCoordinator()
    {
        coordinator = TestingCoordinator.start();
        drivers = new StockDrivers(coordinator);
    }

    @AfterAll
    public void stopCoordinator()
            throws Exception
    {
        try {
            if (drivers != null) {
                drivers.close();
            }
        }
        finally {
            if (coordinator != null) {
                coordinator.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testCatalogsAndSchemas(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect)) {
            DatabaseMetaData metadata = connection.getMetaData();
            assertThat(column(metadata.getCatalogs(), "TABLE_CAT")).containsExactly("memory", "system", "tpch");
            List<String> schemas = new ArrayList<>();
            try (ResultSet resultSet = metadata.getSchemas("tpch", null)) {
                while (resultSet.next()) {
                    assertThat(resultSet.getString("TABLE_CATALOG")).isEqualTo("tpch");
                    schemas.add(resultSet.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).contains("information_schema", "tiny", "sf1").isSorted();
            assertThat(column(metadata.getSchemas("system", "j%"), "TABLE_SCHEM")).containsExactly("jdbc");
            assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testTables(Dialect dialect)
            throws SQLException
    {
        List<String> tpchTables = StreamSupport.stream(TpchTable.getTables().spliterator(), false).map(TpchTable::getTableName).sorted().toList();
        try (Connection connection = drivers.connect(dialect)) {
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet resultSet = metadata.getTables("tpch", "tiny", "%", null)) {
                List<String> names = new ArrayList<>();
                while (resultSet.next()) {
                    assertThat(resultSet.getString("TABLE_CAT")).isEqualTo("tpch");
                    assertThat(resultSet.getString("TABLE_SCHEM")).isEqualTo("tiny");
                    assertThat(resultSet.getString("TABLE_TYPE")).isEqualTo("TABLE");
                    names.add(resultSet.getString("TABLE_NAME"));
                }
                assertThat(names).containsExactlyElementsOf(tpchTables);
            }
            assertThat(column(metadata.getTables("tpch", "tiny", "line%", new String[] {"TABLE"}), "TABLE_NAME")).containsExactly("lineitem");
            assertThat(column(metadata.getTables("tpch", "ti_y", "part%", null), "TABLE_NAME")).containsExactly("part", "partsupp");
            assertThat(column(metadata.getTables("tpch", "tiny", "%", new String[] {"VIEW"}), "TABLE_NAME")).isEmpty();
            assertThat(column(metadata.getTables("system", "jdbc", "c%", null), "TABLE_NAME")).containsExactly("catalogs", "columns");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testColumnsOfLineitem(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect);
                ResultSet resultSet = connection.getMetaData().getColumns("tpch", "tiny", "lineitem", null)) {
            List<String> names = new ArrayList<>();
            while (resultSet.next()) {
                names.add(resultSet.getString("COLUMN_NAME"));
                assertThat(resultSet.getInt("ORDINAL_POSITION")).isEqualTo(names.size());
                assertThat(resultSet.getString("TABLE_NAME")).isEqualTo("lineitem");
                // the tpch connector declares every column NOT NULL
                assertThat(resultSet.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
                assertThat(resultSet.getString("IS_NULLABLE")).isEqualTo("NO");
                String name = resultSet.getString("COLUMN_NAME");
                String expectedType = switch (name) {
                    case "l_orderkey", "l_partkey", "l_suppkey" -> "bigint";
                    case "l_linenumber" -> "integer";
                    case "l_quantity", "l_extendedprice", "l_discount", "l_tax" -> "decimal(12,2)";
                    case "l_shipdate", "l_commitdate", "l_receiptdate" -> "date";
                    case "l_returnflag", "l_linestatus" -> "varchar(1)";
                    case "l_shipinstruct" -> "varchar(25)";
                    case "l_shipmode" -> "varchar(10)";
                    default -> "varchar(44)";
                };
                assertThat(resultSet.getString("TYPE_NAME")).as(name).isEqualTo(expectedType);
                int expectedCode = expectedType.startsWith("decimal") ? Types.DECIMAL
                        : expectedType.equals("bigint") ? Types.BIGINT
                        : expectedType.equals("integer") ? Types.INTEGER
                        : expectedType.equals("date") ? Types.DATE
                        : Types.VARCHAR;
                assertThat(resultSet.getInt("DATA_TYPE")).as(name).isEqualTo(expectedCode);
                if (expectedType.startsWith("decimal")) {
                    assertThat(resultSet.getInt("COLUMN_SIZE")).isEqualTo(12);
                    assertThat(resultSet.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                }
                if (expectedType.startsWith("varchar")) {
                    assertThat(resultSet.getInt("COLUMN_SIZE")).isEqualTo(Integer.parseInt(expectedType.substring(8, expectedType.length() - 1)));
                }
            }
            List<String> expected = new ArrayList<>();
            for (LineItemColumn column : LineItemColumn.values()) {
                expected.add(column.getColumnName());
            }
            assertThat(names).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testTypeInfoAndEmptyTables(Dialect dialect)
            throws SQLException
    {
        try (Connection connection = drivers.connect(dialect)) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> types = new ArrayList<>();
            try (ResultSet resultSet = metadata.getTypeInfo()) {
                while (resultSet.next()) {
                    types.add(resultSet.getString("TYPE_NAME") + " " + resultSet.getInt("DATA_TYPE"));
                }
            }
            assertThat(types).contains("bigint " + Types.BIGINT, "integer " + Types.INTEGER, "varchar " + Types.VARCHAR, "decimal " + Types.DECIMAL,
                    "date " + Types.DATE, "boolean " + Types.BOOLEAN, "double " + Types.DOUBLE);
            assertThat(metadata.getProcedures(null, null, null).next()).isFalse();
            assertThat(metadata.getUDTs(null, null, null, null).next()).isFalse();
            assertThat(metadata.getSuperTables(null, null, null).next()).isFalse();
            assertThat(metadata.getSuperTypes(null, null, null).next()).isFalse();
            assertThat(metadata.getAttributes(null, null, null, null).next()).isFalse();
            assertThat(metadata.getPseudoColumns(null, null, null, null).next()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    public void testMemoryTablesAndUpdateCounts(Dialect dialect)
            throws SQLException
    {
        String table = "memory.default.nation_" + dialect.name().toLowerCase(Locale.ENGLISH);
        long nations = StreamSupport.stream(new NationGenerator().spliterator(), false).count();
        try (Connection connection = drivers.connect(dialect);
                Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("CREATE TABLE " + table + " AS SELECT * FROM tpch.tiny.nation")).isEqualTo(nations);
            assertThat(statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM tpch.tiny.nation WHERE n_regionkey = 0")).isEqualTo(
                    StreamSupport.stream(new NationGenerator().spliterator(), false).filter(nation -> nation.getRegionKey() == 0).count());
            try (ResultSet resultSet = statement.executeQuery("SELECT count(*) FROM " + table)) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getLong(1)).isEqualTo(nations + 5);
            }
            assertThat(column(connection.getMetaData().getColumns("memory", "default", table.substring(table.lastIndexOf('.') + 1), "n\\_%"), "COLUMN_NAME"))
                    .containsExactly("n_nationkey", "n_name", "n_regionkey", "n_comment");
            statement.executeUpdate("DROP TABLE " + table);
            assertThat(column(connection.getMetaData().getTables("memory", "default", table.substring(table.lastIndexOf('.') + 1), null), "TABLE_NAME")).isEmpty();

            try (ResultSet resultSet = statement.executeQuery("SELECT state, user FROM system.runtime.queries WHERE query LIKE 'CREATE TABLE " + table + "%'")) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString(1)).isEqualTo("FINISHED");
                assertThat(resultSet.getString(2)).isEqualTo(StockDrivers.USER);
            }
        }
    }

    private static List<String> column(ResultSet resultSet, String column)
            throws SQLException
    {
        try (resultSet) {
            List<String> values = new ArrayList<>();
            while (resultSet.next()) {
                values.add(resultSet.getString(column));
            }
            return values;
        }
    }
}
