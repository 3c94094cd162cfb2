package io.strata.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airlift.slice.Slices;
import io.strata.connector.memory.MemoryColumnHandle;
import io.strata.connector.memory.MemorySplit;
import io.strata.connector.memory.MemoryTableHandle;
import io.strata.connector.tpch.TpchSplit;
import io.strata.core.connector.system.SystemColumnHandle;
import io.strata.core.connector.system.SystemSplit;
import io.strata.core.connector.system.SystemTableHandle;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.expression.RowExpression;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.metadata.TableHandle;
import io.strata.core.planner.TestingPlanner;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Int128;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import static io.strata.core.planner.TestingPlanner.tpchSession;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.UnknownType.UNKNOWN;
import static io.strata.spi.type.VarbinaryType.VARBINARY;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a task update carries besides the plan: the session, split assignments with each connector's splits, output
 * buffers, connector handles and constraints; and what reading bad JSON does (fail, naming the problem).
 */
class TestTaskUpdateJson
{
    private static final ObjectMapper TREES = new ObjectMapper();

    private final TestingPlanner planner = new TestingPlanner();

    @Test
    void taskUpdateWithSplitsOfEveryConnectorRoundTrips()
            throws IOException
    {
        Session session = new Session("20261206_000001_00001_abcde", "alice", Optional.of("cli"), Optional.of("tpch"), Optional.of("tiny"),
                ZoneId.of("America/New_York"), Optional.of("en-US"), List.of("tag1", "tag2"), Optional.empty(), Optional.of("trace"),
                Map.of("optimizer_disabled_passes", "fold-constants", "query_max_memory", "1GB"), Map.of("tpch", Map.of("splits_per_node", "4")),
                Map.of("q1", "SELECT 1"), Optional.of("tx-1"), Instant.parse("2026-12-06T20:00:00.123456Z"));
        PlanFragment fragment = new PlanFragmenter().fragment(planner.plan(tpchSession(), TestPlanJson.tpchQuery("q03")).plan().orElseThrow()).fragment();
        List<SplitAssignment> assignments = List.of(
                new SplitAssignment(fragment.partitionedSources().get(0), List.of(
                        new ScheduledSplit(0, new Split("tpch", new TpchSplit("customer", 0.01, 1, 2))),
                        new ScheduledSplit(1, new Split("tpch", new TpchSplit("customer", 0.01, 2, 2)))), true),
                new SplitAssignment(new PlanNodeId("memory_scan"), List.of(new ScheduledSplit(7, new Split("memory", new MemorySplit(42, 0, 3)))), false),
                new SplitAssignment(new PlanNodeId("system_scan"), List.of(new ScheduledSplit(8, new Split("system", new SystemSplit("runtime", "queries")))), true));
        TaskUpdateRequest request = new TaskUpdateRequest(session, Optional.of(fragment), assignments, new OutputBuffers(3));

        String json = PlanJson.toJson(request);
        TaskUpdateRequest read = PlanJson.fromJson(json, TaskUpdateRequest.class);
        assertThat(read).isEqualTo(request);
        assertThat(read.session().timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(read.splitAssignments().get(1).splits().get(0).split().connectorSplit()).isEqualTo(new MemorySplit(42, 0, 3));
        assertThat(PlanJson.toJson(read)).isEqualTo(json);

        // an update with splits only, as the coordinator sends after the first
        TaskUpdateRequest splitsOnly = new TaskUpdateRequest(Session.simple("q", "bob", Optional.empty(), Optional.empty()), Optional.empty(), assignments,
                OutputBuffers.SINGLE);
        assertThat(PlanJson.fromJson(PlanJson.toJson(splitsOnly), TaskUpdateRequest.class)).isEqualTo(splitsOnly);
    }

    @Test
    void scansOfMemoryAndSystemTablesWithConstraintsRoundTrip()
    {
        Symbol name = new Symbol("table_name", VarcharType.createVarcharType(20));
        Symbol amount = new Symbol("amount", new DecimalType(25, 2));
        SystemColumnHandle nameColumn = new SystemColumnHandle("table_name", name.type(), 2);
        SystemColumnHandle amountColumn = new SystemColumnHandle("amount", amount.type(), 3);
        Map<ColumnHandle, Domain> domains = new LinkedHashMap<>();
        domains.put(nameColumn, new Domain(name.type(), List.of(Range.equal(Slices.utf8Slice("orders")), Range.greaterThan(Slices.utf8Slice("x"))), true));
        domains.put(amountColumn, new Domain(amount.type(), List.of(Range.between(Int128.valueOf(-5), Int128.valueOf(new BigInteger("123456789012345678901234")))),
                false));
        TupleDomain constraint = TupleDomain.withColumnDomains(domains);
        SystemTableHandle systemTable = new SystemTableHandle("information_schema", "tables", constraint);
        TableScanNode systemScan = new TableScanNode(new PlanNodeId("1"), "system", systemTable, List.of(name, amount), List.of(nameColumn, amountColumn),
                constraint, TableStatistics.UNKNOWN);
        assertRoundTrip(systemScan, PlanNode.class);

        Symbol x = new Symbol("x", DOUBLE);
        MemoryColumnHandle memoryColumn = new MemoryColumnHandle("x", DOUBLE, 0);
        TupleDomain doubles = TupleDomain.withColumnDomains(Map.of(memoryColumn,
                new Domain(DOUBLE, List.of(Range.lessThan(-0.0), Range.greaterThanOrEqual(Double.POSITIVE_INFINITY)), false)));
        TableScanNode memoryScan = new TableScanNode(new PlanNodeId("2"), "memory", new MemoryTableHandle("default", "t", 17), List.of(x), List.of(memoryColumn),
                doubles, new TableStatistics(OptionalDouble.of(12.5)));
        assertRoundTrip(memoryScan, PlanNode.class);

        for (TupleDomain domain : List.of(TupleDomain.all(), TupleDomain.none())) {
            assertRoundTrip(new SystemTableHandle("runtime", "queries", domain), SystemTableHandle.class);
        }
        assertRoundTrip(new TableHandle("memory", new MemoryTableHandle("s", "t", 3)), TableHandle.class);
    }

    @Test
    void typesRoundTripAsSignatures()
    {
        List<Type> types = List.of(BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, VARBINARY, UNKNOWN, INTERVAL_DAY_TIME,
                INTERVAL_YEAR_MONTH, VARCHAR, VarcharType.createVarcharType(0), VarcharType.createVarcharType(65536), new CharType(1), new DecimalType(38, 38),
                new DecimalType(1, 0), new TimeType(0), new TimestampType(6), new TimestampWithTimeZoneType(3), new TimestampWithTimeZoneType(0),
                new ArrayType(new ArrayType(BIGINT)), new MapType(VARCHAR, new MapType(DATE, new DecimalType(20, 4))),
                RowType.anonymous(List.of(BIGINT, new ArrayType(new TimestampWithTimeZoneType(2)))),
                new RowType(List.of(new RowType.Field(Optional.of("a b,c)\"d"), BIGINT), new RowType.Field(Optional.empty(), VARCHAR),
                        new RowType.Field(Optional.of("nested"), new RowType(List.of(new RowType.Field(Optional.of("x"), new MapType(BIGINT, REAL))))))));
        for (Type type : types) {
            assertThat(TypeSignatures.parse(TypeSignatures.signature(type))).as(type.displayName()).isEqualTo(type);
            assertThat(PlanJson.fromJson(PlanJson.toJson(new Symbol("s", type)), Symbol.class)).isEqualTo(new Symbol("s", type));
        }
        assertThat(TypeSignatures.signature(new TimestampWithTimeZoneType(3))).isEqualTo("timestamp(3) with time zone");
        for (String bad : List.of("", "foo", "decimal(40,2)", "decimal(10)", "varchar(1,2)", "array(bigint", "map(bigint)", "row()", "bigint x",
                "timestamp(3) with zone", "char(99999999999999999999)", "BIGINT")) {
            assertThatThrownBy(() -> TypeSignatures.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a type signature");
        }
    }

    @Test
    void badJsonFailsClearly()
            throws IOException
    {
        PlanFragment fragment = new PlanFragmenter().fragment(planner.plan(tpchSession(), "SELECT n_name FROM nation WHERE n_name LIKE 'A%'").plan().orElseThrow())
                .fragment();
        String json = PlanJson.toJson(fragment);

        // an unknown node type
        assertBad(json, root -> ((ObjectNode) root.get("root").get("source")).put("@type", "TeleportNode"), "TeleportNode");
        // a node with no type id
        assertBad(json, root -> ((ObjectNode) root.get("root").get("source")).remove("@type"), "@type");
        // a missing field, a missing primitive, a null where a value is required, an unknown field
        assertBad(json, root -> ((ObjectNode) root.get("root")).remove("columnNames"), "columnNames");
        assertBad(json, root -> ((ObjectNode) root.get("id")).remove("id"), "id");
        assertBad(json, root -> ((ObjectNode) root.get("root")).putNull("source"), "source is null");
        assertBad(json, root -> ((ObjectNode) root.get("root")).put("colour", "red"), "colour");
        // an unknown enum constant, a bad type signature, a bad constant value
        assertBad(json, root -> ((ObjectNode) root).put("partitioning", "EVERYWHERE"), "EVERYWHERE");
        assertBad(json, root -> ((ObjectNode) root.get("outputLayout").get(0)).put("type", "varchar(x)"), "not a type signature");
        assertBad("{\"@type\":\"Constant\",\"type\":\"bigint\",\"value\":{\"pointer\":1}}", "pointer", RowExpression.class);
        assertBad("{\"@type\":\"Constant\",\"type\":\"bigint\"}", "value", RowExpression.class);
        // a handle class outside the engine's packages, or one that is no handle of that kind
        assertBad("{\"@type\":\"java.util.ArrayList\"}", "java.util.ArrayList", ConnectorSplit.class);
        assertBad("{\"@type\":\"io.strata.connector.tpch.TpchColumnHandle\",\"columnName\":\"x\",\"type\":\"bigint\"}", "TpchColumnHandle",
                ConnectorSplit.class);
        // values a constructor refuses
        assertBad("{\"@type\":\"io.strata.connector.tpch.TpchSplit\",\"tableName\":\"orders\",\"scaleFactor\":0.01,\"partNumber\":3,\"totalParts\":2}",
                "part 3 of 2", ConnectorSplit.class);
        assertBad("not json", "invalid", PlanFragment.class);
    }

    private static void assertBad(String json, Consumer<JsonNode> change, String messagePart)
            throws IOException
    {
        JsonNode root = TREES.readTree(json);
        change.accept(root);
        assertBad(TREES.writeValueAsString(root), messagePart, PlanFragment.class);
    }

    private static void assertBad(String json, String messagePart, Class<?> type)
    {
        assertThatThrownBy(() -> PlanJson.fromJson(json, type))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid " + type.getSimpleName() + " JSON")
                .hasMessageContaining(messagePart);
    }

    private static <T> void assertRoundTrip(T value, Class<? super T> type)
    {
        String json = PlanJson.toJson(value);
        assertThat(PlanJson.fromJson(json, type)).isEqualTo(value);
        assertThat(PlanJson.toJson(PlanJson.fromJson(json, type))).isEqualTo(json);
    }
}
