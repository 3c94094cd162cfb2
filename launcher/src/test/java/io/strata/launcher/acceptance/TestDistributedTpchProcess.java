package io.strata.launcher.acceptance;

import com.facebook.presto.jdbc.PrestoResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

/**
 * The 22 TPC-H queries at {@code tiny} (SF0.01) on a coordinator and two worker processes
 * ({@code bin/strata cluster start --workers 2}, started once for the class), through the unmodified presto-jdbc
 * driver, give the reference answers ({@link TpchAnswers}) with every join partitioned (over
 * {@code hash_partition_count=3} tasks, so repartitioning spreads rows over several tasks on both workers) and
 * with every join broadcast; and each query's tasks really ran on both workers.
 */
@Tag("process")
@TestInstance(PER_CLASS)
@Timeout(value = 180, unit = SECONDS, threadMode = SEPARATE_THREAD)
class TestDistributedTpchProcess
{
    private static final int HASH_PARTITION_COUNT = 3;
    private static final List<String> DISTRIBUTIONS = List.of("PARTITIONED", "BROADCAST");

    @TempDir
    static Path directory;

    private final TpchAnswers answers = TpchAnswers.forScale("sf0.01");
    private WorkerProcessCluster cluster;

    @BeforeAll
    void startCluster()
    {
        cluster = WorkerProcessCluster.start(directory, 2);
    }

    @AfterAll
    void stopCluster()
            throws Exception
    {
        if (cluster != null) {
            cluster.close();
        }
    }

    static List<Arguments> queries()
    {
        List<Arguments> arguments = new ArrayList<>();
        for (String distribution : DISTRIBUTIONS) {
            for (int query = 1; query <= 22; query++) {
                arguments.add(Arguments.of(distribution, query));
            }
        }
        return arguments;
    }

    @Test
    void testSessionPropertiesReachTheCoordinator()
            throws SQLException
    {
        for (String distribution : DISTRIBUTIONS) {
            Map<String, String> values = new HashMap<>();
            try (Connection connection = cluster.connect(session(distribution));
                    Statement statement = connection.createStatement();
                    ResultSet resultSet = statement.executeQuery("SHOW SESSION")) {
                while (resultSet.next()) {
                    values.put(resultSet.getString("Name"), resultSet.getString("Value"));
                }
            }
            assertThat(values)
                    .containsEntry("join_distribution_type", distribution)
                    .containsEntry("hash_partition_count", String.valueOf(HASH_PARTITION_COUNT));
        }
    }

    @ParameterizedTest(name = "q{1} with join_distribution_type={0}")
    @MethodSource("queries")
    void testReferenceAnswerOnWorkers(String distribution, int query)
            throws SQLException
    {
        String queryId;
        int nodes;
        try (Connection connection = cluster.connect(session(distribution));
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(answers.query(query))) {
            answers.assertResult(query, resultSet);
            PrestoResultSet prestoResultSet = resultSet.unwrap(PrestoResultSet.class);
            queryId = prestoResultSet.getQueryId();
            nodes = prestoResultSet.getStats().getNodes();
        }
        // the root task on the coordinator, table scans on both workers
        assertThat(nodes).as("nodes that ran tasks of " + queryId).isEqualTo(3);
        List<String> firstWorkerTasks = cluster.workerTasks(0, queryId);
        List<String> secondWorkerTasks = cluster.workerTasks(1, queryId);
        assertThat(firstWorkerTasks).as("tasks of " + queryId + " on worker-1").isNotEmpty();
        assertThat(secondWorkerTasks).as("tasks of " + queryId + " on worker-2").isNotEmpty();
        if (query != 1 && query != 6) {
            assertJoinsDistributed(distribution, query);
        }
        if (distribution.equals("PARTITIONED") && query != 1 && query != 6) {
            // every query but q1 and q6 joins: some stage ran as hash_partition_count tasks, spread over both workers
            List<String> allTasks = new ArrayList<>(firstWorkerTasks);
            allTasks.addAll(secondWorkerTasks);
            assertThat(partitionsPerStage(allTasks).values()).as("tasks per stage of " + queryId + ": " + allTasks).contains(HASH_PARTITION_COUNT);
        }
    }

    /**
     * The distributed plan under the session: with BROADCAST every join reads its build side replicated; with
     * PARTITIONED some join reads both sides repartitioned. Every query but q1 and q6 joins.
     */
    private void assertJoinsDistributed(String distribution, int query)
            throws SQLException
    {
        String plan;
        try (Connection connection = cluster.connect(session(distribution));
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("EXPLAIN (TYPE DISTRIBUTED) " + answers.query(query))) {
            assertThat(resultSet.next()).isTrue();
            plan = resultSet.getString(1);
        }
        List<List<String>> joinInputs = joinInputs(plan);
        assertThat(joinInputs).as("joins of q%s in%n%s", query, plan).isNotEmpty();
        if (distribution.equals("BROADCAST")) {
            assertThat(joinInputs).as("inputs of every join of q%s in%n%s", query, plan)
                    .allSatisfy(inputs -> assertThat(inputs).anySatisfy(input -> assertThat(input).startsWith("- RemoteSource[REPLICATE")));
        }
        else {
            assertThat(joinInputs).as("inputs of the joins of q%s in%n%s", query, plan)
                    .anySatisfy(inputs -> assertThat(inputs).hasSize(2).allSatisfy(input -> assertThat(input).startsWith("- RemoteSource[REPARTITION")));
        }
    }

    /** For each join of an {@code EXPLAIN} plan, its input lines (the nodes one level below it), stripped. */
    private static List<List<String>> joinInputs(String plan)
    {
        List<String> lines = plan.lines().toList();
        List<List<String>> joins = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (!line.strip().startsWith("- ") || !line.contains("Join[")) {
                continue;
            }
            int indent = indent(line);
            List<String> inputs = new ArrayList<>();
            for (int child = index + 1; child < lines.size() && !lines.get(child).isBlank() && indent(lines.get(child)) > indent; child++) {
                String childLine = lines.get(child);
                if (indent(childLine) == indent + 4 && childLine.strip().startsWith("- ")) {
                    inputs.add(childLine.strip());
                }
            }
            joins.add(inputs);
        }
        return joins;
    }

    private static int indent(String line)
    {
        return line.length() - line.stripLeading().length();
    }

    private static Map<String, String> session(String distribution)
    {
        Map<String, String> session = new LinkedHashMap<>();
        session.put("join_distribution_type", distribution);
        session.put("hash_partition_count", String.valueOf(HASH_PARTITION_COUNT));
        return session;
    }

    /** Stage id to its number of tasks, from task ids {@code queryId.stage.partition}. */
    private static Map<String, Integer> partitionsPerStage(List<String> taskIds)
    {
        Map<String, Integer> tasks = new HashMap<>();
        for (String taskId : taskIds) {
            String[] parts = taskId.split("\\.");
            tasks.merge(parts[1], 1, Integer::sum);
        }
        return tasks;
    }
}
