package io.strata.core.connector.system;

import io.strata.core.execution.scheduler.QueryScheduler;
import io.strata.core.execution.task.TaskStatistics;
import io.strata.core.execution.task.TaskStatus;
import io.strata.core.node.NodeState;
import io.strata.core.node.NodeStatus;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.SchemaTableName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.strata.core.connector.system.JdbcTables.row;
import static io.strata.core.connector.system.JdbcTables.utf8;
import static io.strata.core.connector.system.JdbcTables.varchars;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.TimestampType.TIMESTAMP;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * {@code system.runtime.queries}: the queries the coordinator tracks. Times are ISO-8601 instants in text
 * until the engine has a timestamp with time zone type.
 * <p>
 * {@code system.runtime.nodes}: the nodes of the coordinator's node manager, with Presto's columns and states
 * ({@code active}, {@code inactive}).
 * <p>
 * {@code system.runtime.tasks}: every task of those queries as the coordinator's scheduler last saw it, with
 * Presto's columns; what tasks do not measure is a constant (blocked time and physically written bytes 0) or null
 * (the task's times).
 */
final class RuntimeTables
{
    static final String SCHEMA = "runtime";

    private RuntimeTables() {}

    static List<SystemTable> create(Supplier<RuntimeQueries> queries, Supplier<RuntimeNodes> nodes)
    {
        return List.of(queriesTable(queries), nodesTable(nodes), tasksTable(queries));
    }

    private static SystemTable queriesTable(Supplier<RuntimeQueries> queries)
    {
        return new ComputedTable(new SchemaTableName(SCHEMA, "queries"),
                varchars("query_id", "state", "user", "source", "query", "created", "started", "end", "error_type", "error_code"),
                (session, filter) -> {
                    List<RuntimeQueries.QueryInfo> infos = new ArrayList<>(queries.get().queries());
                    infos.sort(Comparator.comparing(RuntimeQueries.QueryInfo::created).thenComparing(RuntimeQueries.QueryInfo::queryId));
                    List<List<Object>> rows = new ArrayList<>();
                    for (RuntimeQueries.QueryInfo info : infos) {
                        if (!filter.allows("query_id", info.queryId())) {
                            continue;
                        }
                        rows.add(row(
                                utf8(info.queryId()),
                                utf8(info.state()),
                                utf8(info.user()),
                                info.source().map(JdbcTables::utf8).orElse(null),
                                utf8(info.query()),
                                utf8(info.created().toString()),
                                text(info.started()),
                                text(info.end()),
                                info.errorType().map(JdbcTables::utf8).orElse(null),
                                info.errorCode().map(JdbcTables::utf8).orElse(null)));
                    }
                    return rows;
                });
    }

    private static SystemTable nodesTable(Supplier<RuntimeNodes> nodes)
    {
        List<ColumnMetadata> columns = List.of(
                new ColumnMetadata("node_id", VARCHAR),
                new ColumnMetadata("http_uri", VARCHAR),
                new ColumnMetadata("node_version", VARCHAR),
                new ColumnMetadata("coordinator", BOOLEAN),
                new ColumnMetadata("state", VARCHAR));
        return new ComputedTable(new SchemaTableName(SCHEMA, "nodes"), columns, (session, filter) -> {
            RuntimeNodes runtimeNodes = nodes.get();
            List<List<Object>> rows = new ArrayList<>();
            for (NodeStatus node : runtimeNodes.nodes()) {
                if (!filter.allows("node_id", node.node().nodeId())) {
                    continue;
                }
                rows.add(row(
                        utf8(node.node().nodeId()),
                        utf8(node.node().uri().toString()),
                        utf8(runtimeNodes.nodeVersion(node)),
                        node.node().coordinator(),
                        utf8(node.state() == NodeState.ACTIVE ? "active" : "inactive")));
            }
            return rows;
        });
    }

    private static SystemTable tasksTable(Supplier<RuntimeQueries> queries)
    {
        List<ColumnMetadata> columns = new ArrayList<>(varchars("node_id", "task_id", "stage_id", "query_id", "state"));
        for (String name : List.of("splits", "queued_splits", "running_splits", "completed_splits", "split_scheduled_time_ms", "split_cpu_time_ms",
                "split_blocked_time_ms", "raw_input_bytes", "raw_input_rows", "processed_input_bytes", "processed_input_rows", "output_bytes", "output_rows",
                "physical_written_bytes")) {
            columns.add(new ColumnMetadata(name, BIGINT));
        }
        for (String name : List.of("created", "start", "last_heartbeat", "end")) {
            columns.add(new ColumnMetadata(name, TIMESTAMP));
        }
        return new ComputedTable(new SchemaTableName(SCHEMA, "tasks"), columns, (session, filter) -> {
            List<List<Object>> rows = new ArrayList<>();
            for (QueryScheduler.TaskSnapshot task : queries.get().tasks()) {
                TaskStatus status = task.latestStatus();
                if (!filter.allows("query_id", status.taskId().queryId()) || !filter.allows("node_id", task.node().nodeId())) {
                    continue;
                }
                TaskStatistics statistics = status.statistics();
                rows.add(row(
                        utf8(task.node().nodeId()),
                        utf8(status.taskId().toString()),
                        // Presto's stage id: queryId.stageId
                        utf8(status.taskId().queryId() + "." + status.taskId().stageId()),
                        utf8(status.taskId().queryId()),
                        utf8(status.state().name()),
                        (long) (statistics.queuedSplits() + statistics.runningSplits() + statistics.completedSplits()),
                        (long) statistics.queuedSplits(),
                        (long) statistics.runningSplits(),
                        (long) statistics.completedSplits(),
                        TimeUnit.NANOSECONDS.toMillis(statistics.scheduledNanos()),
                        TimeUnit.NANOSECONDS.toMillis(statistics.cpuNanos()),
                        // tasks do not measure the time their drivers were blocked
                        0L,
                        // Strata reads its input without a separate raw form: raw and processed input are the same counters
                        statistics.processedInputBytes(),
                        statistics.processedInputRows(),
                        statistics.processedInputBytes(),
                        statistics.processedInputRows(),
                        statistics.outputBytes(),
                        statistics.outputRows(),
                        // no task writes to storage: the memory connector keeps written pages in memory
                        0L,
                        null,
                        null,
                        null,
                        null));
            }
            return rows;
        });
    }

    private static Object text(Optional<Instant> instant)
    {
        return instant.map(value -> (Object) utf8(value.toString())).orElse(null);
    }
}
