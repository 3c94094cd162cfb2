package io.strata.core.execution.query;

import io.strata.connector.memory.MemoryConnectorFactory;
import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.connector.system.RuntimeNodes;
import io.strata.core.connector.system.RuntimeQueries;
import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskState;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.node.InternalNode;
import io.strata.core.node.NodeManager;
import io.strata.core.node.NodeState;
import io.strata.core.node.NodeStatus;
import io.strata.protocol.ErrorCode;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;
import io.strata.spi.connector.ConnectorMetadata;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplitManager;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.ConnectorTableMetadata;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.connector.TupleDomain;
import io.trino.tpch.LineItemColumn;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code system.jdbc.*}, {@code information_schema} and {@code system.runtime.queries}, {@code nodes} and {@code tasks} through SQL, with the
 * driver's own filter spellings, and proof that filters keep listings narrow.
 */
class TestSystemTables
{
    /** What the recording tpch catalog was asked: "listTables:schema" and "getTableMetadata:schema.table". */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private TestingSqlEngine engine;

    @BeforeEach
    void setUp()
    {
        ConnectorFactory recording = new RecordingFactory(new TpchConnectorFactory(), calls);
        engine = new TestingSqlEngine(List.of(recording, new MemoryConnectorFactory()), Map.of(
                "tpch", Map.of("connector.name", "recording-tpch"),
                "memory", Map.of("connector.name", "memory")));
    }

    @AfterEach
    void tearDown()
    {
        engine.close();
    }

    @Test
    void testCatalogsAndSchemas()
    {
        assertThat(engine.run("SELECT table_cat FROM system.jdbc.catalogs ORDER BY table_cat").rows())
                .containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
        List<List<Object>> expected = new ArrayList<>();
        for (String schema : List.of("information_schema", "sf1", "sf100", "sf1000", "sf10000", "sf100000", "sf300", "sf3000", "sf30000", "tiny")) {
            expected.add(List.of(schema, "tpch"));
        }
        List<List<Object>> schemas = engine.run("SELECT table_schem, table_catalog FROM system.jdbc.schemas WHERE table_catalog = 'tpch' ORDER BY table_schem").rows();
        assertThat(schemas).containsAll(expected.subList(0, 1)).contains(List.of("tiny", "tpch"), List.of("sf1", "tpch"));
        assertThat(engine.run("SELECT table_schem FROM system.jdbc.schemas WHERE table_catalog = 'memory' ORDER BY table_schem").rows())
                .containsExactly(List.of("default"), List.of("information_schema"));
        assertThat(engine.run("SELECT table_type FROM system.jdbc.table_types ORDER BY table_type").rows())
                .containsExactly(List.of("TABLE"), List.of("VIEW"));
        assertThat(engine.run("SHOW CATALOGS").rows()).containsExactly(List.of("memory"), List.of("system"), List.of("tpch"));
        assertThat(engine.run("SHOW SCHEMAS FROM system").rows()).containsExactly(List.of("information_schema"), List.of("jdbc"), List.of("runtime"));
    }

    @Test
    void testTablesWithDriverPatterns()
    {
        // the spelling of trino-jdbc's getTables(catalog, schemaPattern, tableNamePattern, types)
        MaterializedResult tables = engine.run("SELECT TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE FROM system.jdbc.tables "
                + "WHERE TABLE_CAT = 'tpch' AND TABLE_SCHEM LIKE 'tiny' ESCAPE '\\' AND TABLE_NAME LIKE 'line%' ESCAPE '\\' AND TABLE_TYPE IN ('TABLE', 'VIEW') "
                + "ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME");
        assertThat(tables.rows()).containsExactly(List.of("tpch", "tiny", "lineitem", "TABLE"));
        assertThat(calls).containsExactly("listTables:tiny");

        List<List<Object>> expected = new ArrayList<>();
        for (TpchTable<?> table : TpchTable.getTables()) {
            expected.add(List.of(table.getTableName()));
        }
        assertThat(engine.run("SELECT table_name FROM system.jdbc.tables WHERE table_cat = 'tpch' AND table_schem = 'sf1'").rows())
                .containsExactlyInAnyOrderElementsOf(expected);
        // an escaped underscore is a literal: no table of tiny has one in its name
        assertThat(engine.run("SELECT table_name FROM system.jdbc.tables WHERE table_cat = 'tpch' AND table_schem = 'tiny' AND table_name LIKE '%\\_%' ESCAPE '\\'").rows())
                .isEmpty();
    }

    @Test
    void testColumnsOfLineitem()
    {
        calls.clear();
        MaterializedResult columns = engine.run("SELECT COLUMN_NAME, DATA_TYPE, TYPE_NAME, COLUMN_SIZE, DECIMAL_DIGITS, NUM_PREC_RADIX, NULLABLE, ORDINAL_POSITION, IS_NULLABLE "
                + "FROM system.jdbc.columns WHERE TABLE_CAT = 'tpch' AND TABLE_SCHEM LIKE 'tiny' ESCAPE '\\' AND TABLE_NAME LIKE 'lineitem' ESCAPE '\\' "
                + "ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION");
        List<LineItemColumn> generatorColumns = Arrays.asList(LineItemColumn.values());
        assertThat(columns.rows()).hasSize(generatorColumns.size());
        for (int i = 0; i < generatorColumns.size(); i++) {
            List<Object> row = columns.rows().get(i);
            assertThat(row.get(0)).isEqualTo(generatorColumns.get(i).getColumnName());
            assertThat(row.get(7)).isEqualTo((long) i + 1);
            // the tpch connector declares its columns NOT NULL
            assertThat(row.get(6)).isEqualTo(0L);
            assertThat(row.get(8)).isEqualTo("NO");
        }
        assertThat(columns.rows().get(0)).isEqualTo(Arrays.asList("l_orderkey", (long) Types.BIGINT, "bigint", 19L, null, 10L, 0L, 1L, "NO"));
        assertThat(columns.rows().get(4)).isEqualTo(Arrays.asList("l_quantity", (long) Types.DECIMAL, "decimal(12,2)", 12L, 2L, 10L, 0L, 5L, "NO"));
        assertThat(columns.rows().get(10)).isEqualTo(Arrays.asList("l_shipdate", (long) Types.DATE, "date", 14L, null, null, 0L, 11L, "NO"));
        assertThat(columns.rows().get(15)).isEqualTo(Arrays.asList("l_comment", (long) Types.VARCHAR, "varchar(44)", 44L, null, null, 0L, 16L, "NO"));
        // only the one table was looked at: no listing of tiny, nothing of the other scale factors
        assertThat(calls).containsExactly("getTableMetadata:tiny.lineitem");
    }

    @Test
    void testLikeDomainsPushedIntoTpchAreExact()
    {
        // LIKE with a literal prefix becomes a range the tpch connector enforces; the counts must not change
        long promo = 0;
        long forest = 0;
        long exact = 0;
        for (Part part : new PartGenerator(0.01, 1, 1)) {
            promo += part.getType().startsWith("PROMO") ? 1 : 0;
            forest += part.getName().startsWith("forest") ? 1 : 0;
            exact += part.getType().equals("PROMO BURNISHED COPPER") ? 1 : 0;
        }
        assertThat(engine.run("SELECT count(*) FROM tpch.tiny.part WHERE p_type LIKE 'PROMO%'").rows()).containsExactly(List.of(promo));
        assertThat(engine.run("SELECT count(*) FROM tpch.tiny.part WHERE p_name LIKE 'forest%'").rows()).containsExactly(List.of(forest));
        assertThat(engine.run("SELECT count(*) FROM tpch.tiny.part WHERE p_type LIKE 'PROMO BURNISHED COPPER'").rows()).containsExactly(List.of(exact));
        assertThat(engine.run("SELECT count(*) FROM tpch.tiny.part WHERE p_type LIKE 'PROMO!%' ESCAPE '!'").rows()).containsExactly(List.of(0L));
    }

    @Test
    void testTypes()
    {
        List<List<Object>> types = engine.run("SELECT TYPE_NAME, DATA_TYPE FROM system.jdbc.types ORDER BY DATA_TYPE").rows();
        assertThat(types).contains(
                List.of("bigint", (long) Types.BIGINT),
                List.of("varchar", (long) Types.VARCHAR),
                List.of("decimal", (long) Types.DECIMAL),
                List.of("date", (long) Types.DATE));
        for (String empty : List.of("procedures", "procedure_columns", "pseudo_columns", "super_tables", "super_types", "udts", "attributes")) {
            assertThat(engine.run("SELECT * FROM system.jdbc." + empty).rows()).isEmpty();
        }
    }

    @Test
    void testInformationSchema()
    {
        engine.run("CREATE TABLE memory.default.t (id bigint, name varchar(10))");
        assertThat(engine.run("SELECT table_schema, table_name, table_type FROM memory.information_schema.tables WHERE table_schema = 'default'").rows())
                .containsExactly(List.of("default", "t", "BASE TABLE"));
        assertThat(engine.run("SELECT column_name, ordinal_position, is_nullable, data_type FROM memory.information_schema.columns WHERE table_name = 't' ORDER BY ordinal_position").rows())
                .containsExactly(List.of("id", 1L, "YES", "bigint"), List.of("name", 2L, "YES", "varchar(10)"));
        assertThat(engine.run("SELECT schema_name FROM tpch.information_schema.schemata WHERE schema_name LIKE 'ti%'").rows())
                .containsExactly(List.of("tiny"));
        assertThat(engine.run("SELECT * FROM tpch.information_schema.views").rows()).isEmpty();
        assertThat(engine.run("SHOW TABLES FROM tpch.information_schema").rows())
                .containsExactly(List.of("columns"), List.of("schemata"), List.of("tables"), List.of("views"));
        engine.assertError("CREATE TABLE memory.information_schema.x (a bigint)", ErrorCode.NOT_SUPPORTED, "does not support creating tables");
        engine.assertError("INSERT INTO system.jdbc.catalogs VALUES 'x'", ErrorCode.NOT_SUPPORTED, "does not support inserts");
    }

    @Test
    void testRuntimeQueries()
    {
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        engine.catalogManager().setRuntimeQueries(() -> List.of(
                new RuntimeQueries.QueryInfo("q1", "FINISHED", "alice", Optional.of("cli"), "SELECT 1", created, Optional.of(created), Optional.of(created),
                        Optional.empty(), Optional.empty()),
                new RuntimeQueries.QueryInfo("q2", "FAILED", "bob", Optional.empty(), "SELECT x", created.plusSeconds(1), Optional.empty(), Optional.of(created),
                        Optional.of("USER_ERROR"), Optional.of("COLUMN_NOT_FOUND"))));
        assertThat(engine.run("SELECT query_id, state, user, source, query, error_code FROM system.runtime.queries ORDER BY query_id").rows()).containsExactly(
                Arrays.asList("q1", "FINISHED", "alice", "cli", "SELECT 1", null),
                Arrays.asList("q2", "FAILED", "bob", null, "SELECT x", "COLUMN_NOT_FOUND"));
        assertThat(engine.run("SELECT created FROM system.runtime.queries WHERE query_id = 'q1'").rows()).containsExactly(List.of("2025-01-01T00:00:00Z"));
    }

    @Test
    void testRuntimeNodes()
    {
        InternalNode coordinator = new InternalNode("c1", URI.create("http://127.0.0.1:8080"), true);
        InternalNode worker = new InternalNode("w1", URI.create("http://127.0.0.1:9001"), false);
        InternalNode lost = new InternalNode("w2", URI.create("http://127.0.0.1:9002"), false);
        List<NodeStatus> nodes = List.of(
                new NodeStatus(coordinator, NodeState.ACTIVE, Optional.empty()),
                new NodeStatus(worker, NodeState.ACTIVE, Optional.empty()),
                new NodeStatus(lost, NodeState.UNREACHABLE, Optional.empty()));
        engine.catalogManager().setRuntimeNodes(RuntimeNodes.of(new FixedNodeManager(nodes), "1.2.3"));
        // Presto's node states: active, inactive
        assertThat(engine.run("SELECT * FROM system.runtime.nodes ORDER BY node_id").rows()).containsExactly(
                List.of("c1", "http://127.0.0.1:8080", "1.2.3", true, "active"),
                List.of("w1", "http://127.0.0.1:9001", "1.2.3", false, "active"),
                List.of("w2", "http://127.0.0.1:9002", "1.2.3", false, "inactive"));
        assertThat(engine.run("SELECT node_id FROM system.runtime.nodes WHERE state = 'inactive' OR node_id = 'c1' ORDER BY 1").rows())
                .containsExactly(List.of("c1"), List.of("w2"));
        assertThat(engine.run("SELECT count(*) FROM system.runtime.nodes WHERE NOT coordinator").rows()).containsExactly(List.of(2L));
    }

    @Test
    void testRuntimeNodesWithoutNodeManager()
    {
        assertThat(engine.run("SELECT * FROM system.runtime.nodes").rows()).isEmpty();
    }

    @Test
    void testRuntimeTasks()
    {
        InternalNode worker = new InternalNode("w1", URI.create("http://127.0.0.1:9001"), false);
        InternalNode coordinator = new InternalNode("c1", URI.create("http://127.0.0.1:8080"), true);
        QueryScheduler.TaskSnapshot scan = new QueryScheduler.TaskSnapshot(worker, new TaskStatus(new TaskId("q1", 1, 0), "i", 5, TaskState.FINISHED, List.of(),
                new TaskStatistics(1, 2, 3, 7_000_000, 9_000_000, 100, 2000, 4, 64, 0, 128)));
        QueryScheduler.TaskSnapshot root = new QueryScheduler.TaskSnapshot(coordinator, new TaskStatus(new TaskId("q1", 0, 0), "i", 2, TaskState.RUNNING, List.of(),
                TaskStatistics.EMPTY));
        QueryScheduler.TaskSnapshot other = new QueryScheduler.TaskSnapshot(worker, new TaskStatus(new TaskId("q2", 1, 3), "i", 1, TaskState.ABORTED, List.of(),
                TaskStatistics.EMPTY));
        engine.catalogManager().setRuntimeQueries(new RuntimeQueries()
        {
            @Override
            public List<RuntimeQueries.QueryInfo> queries()
            {
                return List.of();
            }

            @Override
            public List<QueryScheduler.TaskSnapshot> tasks()
            {
                return List.of(scan, root, other);
            }
        });
        assertThat(engine.run("SELECT node_id, task_id, stage_id, query_id, state, splits, queued_splits, running_splits, completed_splits, "
                + "split_scheduled_time_ms, split_cpu_time_ms, split_blocked_time_ms, raw_input_bytes, raw_input_rows, processed_input_bytes, "
                + "processed_input_rows, output_bytes, output_rows, physical_written_bytes FROM system.runtime.tasks WHERE query_id = 'q1' ORDER BY task_id").rows())
                .containsExactly(
                        List.of("c1", "q1.0.0", "q1.0", "q1", "RUNNING", 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                        List.of("w1", "q1.1.0", "q1.1", "q1", "FINISHED", 6L, 1L, 2L, 3L, 9L, 7L, 0L, 2000L, 100L, 2000L, 100L, 64L, 4L, 0L));
        // the task's times are not measured
        assertThat(engine.run("SELECT count(*) FROM system.runtime.tasks WHERE created IS NULL AND start IS NULL AND last_heartbeat IS NULL AND \"end\" IS NULL").rows())
                .containsExactly(List.of(3L));
        assertThat(engine.run("SELECT task_id FROM system.runtime.tasks WHERE node_id = 'w1' ORDER BY 1").rows())
                .containsExactly(List.of("q1.1.0"), List.of("q2.1.3"));
    }

    /** Lists fixed nodes; places nothing. */
    private record FixedNodeManager(List<NodeStatus> nodes)
            implements NodeManager
    {
        @Override
        public InternalNode currentNode()
        {
            return nodes.get(0).node();
        }

        @Override
        public List<InternalNode> schedulableNodes()
        {
            return List.of();
        }

        @Override
        public List<NodeStatus> allNodes()
        {
            return nodes;
        }

        @Override
        public void reportUnreachable(InternalNode node) {}
    }

    /** The tpch connector under another name, recording the metadata calls that list or describe tables. */
    private record RecordingFactory(ConnectorFactory delegate, List<String> calls)
            implements ConnectorFactory
    {
        @Override
        public String name()
        {
            return "recording-tpch";
        }

        @Override
        public Connector create(String catalogName, Map<String, String> properties)
        {
            Connector connector = delegate.create(catalogName, properties);
            ConnectorMetadata metadata = connector.metadata();
            ConnectorMetadata recording = new ConnectorMetadata()
            {
                @Override
                public List<String> listSchemaNames(ConnectorSession session)
                {
                    return metadata.listSchemaNames(session);
                }

                @Override
                public List<SchemaTableName> listTables(ConnectorSession session, Optional<String> schemaName)
                {
                    calls.add("listTables:" + schemaName.orElse("*"));
                    return metadata.listTables(session, schemaName);
                }

                @Override
                public Optional<ConnectorTableHandle> getTableHandle(ConnectorSession session, SchemaTableName table)
                {
                    return metadata.getTableHandle(session, table);
                }

                @Override
                public ConnectorTableMetadata getTableMetadata(ConnectorSession session, ConnectorTableHandle table)
                {
                    ConnectorTableMetadata result = metadata.getTableMetadata(session, table);
                    calls.add("getTableMetadata:" + result.table());
                    return result;
                }

                @Override
                public List<ColumnHandle> getColumnHandles(ConnectorSession session, ConnectorTableHandle table)
                {
                    return metadata.getColumnHandles(session, table);
                }

                @Override
                public Optional<ConstraintApplicationResult> applyFilter(ConnectorSession session, ConnectorTableHandle table, TupleDomain constraint)
                {
                    return metadata.applyFilter(session, table, constraint);
                }
            };
            return new Connector()
            {
                @Override
                public ConnectorMetadata metadata()
                {
                    return recording;
                }

                @Override
                public ConnectorSplitManager splitManager()
                {
                    return connector.splitManager();
                }

                @Override
                public ConnectorPageSourceProvider pageSourceProvider()
                {
                    return connector.pageSourceProvider();
                }
            };
        }
    }
}
