package io.strata.core.json;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.buffer.BufferResult;
import io.strata.core.execution.buffer.OutputBufferId;
import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.execution.split.ScheduledSplit;
import io.strata.core.execution.split.Split;
import io.strata.core.execution.split.SplitAssignment;
import io.strata.core.execution.task.OutputBuffers;
import io.strata.core.execution.task.SqlTaskManager;
import io.strata.core.execution.task.TaskId;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.task.TaskUpdateRequest;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.SqlStatementPlanner;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.session.Session;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.strata.core.execution.testing.Values.toRows;
import static io.strata.core.planner.TestingPlanner.tpchSession;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fragment read back from JSON runs on a worker's task manager, fed splits that also went through JSON, and
 * gives the rows the original fragment gives (in the same order: the queries sort, or read in split order).
 */
class TestPlanJsonExecution
{
    private static final OutputBufferId BUFFER = new OutputBufferId(0);

    private CatalogManager catalogManager;
    private SqlStatementPlanner planner;
    private SqlTaskManager taskManager;
    private int taskCount;

    @BeforeEach
    void setUp()
    {
        catalogManager = new CatalogManager(List.of(new TpchConnectorFactory()));
        catalogManager.createCatalog("tpch", Map.of("connector.name", "tpch"));
        planner = new SqlStatementPlanner(new SqlParser(), catalogManager, new KernelConstantEvaluator(), PlanOptimizers.defaultPasses());
        taskManager = new SqlTaskManager(catalogManager, TaskManagerConfig.defaults().withWorkerThreads(2));
    }

    @AfterEach
    void tearDown()
    {
        taskManager.close();
        catalogManager.shutdown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q03", "q06", "q13", "q16", "q18", "q22"})
    void tpchFragmentFromJsonRuns(String name)
            throws Exception
    {
        assertSameRows(TestPlanJson.tpchQuery(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT n_nationkey, ARRAY[n_name, n_comment], MAP(ARRAY[n_name], ARRAY[DECIMAL '12345678901234567890.5']), ROW(n_name, REAL '1.5') FROM nation ORDER BY 1",
            "SELECT TIMESTAMP '2020-01-02 03:04:05.123456', TIMESTAMP '2021-06-01 10:00:00 America/New_York', DATE '2020-02-29', X'00FF', CAST('ab' AS char(4))",
            "SELECT n_regionkey, n_name, count(*), grouping(n_regionkey, n_name) FROM nation GROUP BY ROLLUP (n_regionkey, n_name) ORDER BY 1, 2",
            "SELECT n_name, rank() OVER (PARTITION BY n_regionkey ORDER BY n_name), sum(n_nationkey) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM nation ORDER BY n_nationkey",
            "SELECT r_name FROM region r WHERE EXISTS (SELECT 1 FROM nation n WHERE n.n_regionkey = r.r_regionkey AND n.n_name > 'F') ORDER BY 1",
            "SELECT n_name FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%') ORDER BY 1",
            "SELECT n_name FROM nation UNION SELECT r_name FROM region ORDER BY 1 LIMIT 10",
            "SELECT * FROM (VALUES (1, 'a', DECIMAL '1.50'), (2, NULL, NULL), (3, 'c', DECIMAL '-2.25')) v(id, name, amount) ORDER BY id",
    })
    void queryFragmentFromJsonRuns(String sql)
            throws Exception
    {
        assertSameRows(sql);
    }

    private void assertSameRows(String sql)
            throws Exception
    {
        Session session = tpchSession();
        PlanFragment fragment = new PlanFragmenter().fragment(planner.plan(session, sql).plan().orElseThrow()).fragment();
        PlanFragment read = PlanJson.fromJson(PlanJson.toJson(fragment), PlanFragment.class);
        List<List<Object>> expected = run(session, fragment);
        List<List<Object>> actual = run(session, read);
        assertThat(actual).isNotEmpty();
        assertThat(comparable(actual)).isEqualTo(comparable(expected));
    }

    /** Rows whose varbinary values (byte arrays) compare by content. */
    private static List<Object> comparable(List<?> values)
    {
        return values.stream()
                .map(value -> value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value instanceof List<?> list ? comparable(list) : value)
                .toList();
    }

    /** Runs the fragment as one task sent its update as JSON, all splits of every scan in one assignment each. */
    private List<List<Object>> run(Session session, PlanFragment fragment)
            throws Exception
    {
        List<SplitAssignment> assignments = new ArrayList<>();
        for (TableScanNode scan : scans(fragment.root(), new ArrayList<>())) {
            List<ScheduledSplit> splits = new ArrayList<>();
            try (ConnectorSplitSource source = catalogManager.requireConnector(scan.catalogName()).splitManager()
                    .getSplits(session.toConnectorSession(), scan.table())) {
                while (!source.isFinished()) {
                    for (ConnectorSplit split : source.nextBatch(100)) {
                        splits.add(new ScheduledSplit(splits.size(), new Split(scan.catalogName(), split)));
                    }
                }
            }
            assignments.add(new SplitAssignment(scan.id(), splits, true));
        }
        TaskUpdateRequest update = new TaskUpdateRequest(session, Optional.of(fragment), assignments, OutputBuffers.SINGLE);
        TaskUpdateRequest sent = PlanJson.fromJson(PlanJson.toJson(update), TaskUpdateRequest.class);
        TaskId taskId = new TaskId(session.queryId(), 0, taskCount++);
        taskManager.updateTask(taskId, sent);

        List<Page> pages = new ArrayList<>();
        long token = 0;
        while (true) {
            BufferResult result = taskManager.getTaskResults(taskId, BUFFER, token, 1 << 20).get(60, TimeUnit.SECONDS);
            pages.addAll(result.pages());
            token = result.nextToken();
            if (result.bufferComplete()) {
                break;
            }
        }
        return toRows(fragment.outputLayout().stream().map(Symbol::type).toList(), pages);
    }

    private static List<TableScanNode> scans(PlanNode node, List<TableScanNode> scans)
    {
        if (node instanceof TableScanNode scan) {
            scans.add(scan);
        }
        node.sources().forEach(source -> scans(source, scans));
        return scans;
    }
}
