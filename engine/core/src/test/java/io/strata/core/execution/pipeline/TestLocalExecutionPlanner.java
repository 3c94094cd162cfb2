package io.strata.core.execution.pipeline;

import io.strata.core.execution.buffer.PartitionedOutputBuffer;
import io.strata.core.execution.driver.DriverFactory;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.exchange.LocalExchangeSinkOperator;
import io.strata.core.execution.exchange.LocalExchangeSourceOperator;
import io.strata.core.execution.operator.FilterAndProjectOperator;
import io.strata.core.execution.operator.LimitOperator;
import io.strata.core.execution.operator.TableScanOperator;
import io.strata.core.execution.operator.TaskOutputOperator;
import io.strata.core.execution.operator.aggregation.HashAggregationOperator;
import io.strata.core.execution.operator.sort.OrderByOperator;
import io.strata.core.execution.testing.PlanBuilder;
import io.strata.core.execution.testing.TestingNumbersConnector;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.fragmenter.FragmentPartitioning;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.fragmenter.SubPlan;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.strata.core.execution.testing.PlanBuilder.aggregate;
import static io.strata.core.execution.testing.PlanBuilder.ascending;
import static io.strata.core.execution.testing.PlanBuilder.reference;
import static io.strata.core.execution.testing.PlanBuilder.symbol;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestLocalExecutionPlanner
{
    private static final Symbol N = symbol("n", BIGINT);
    private static final Symbol S = symbol("s", VARCHAR);

    @Test
    void testAggregationSplitsIntoPartialAndFinalAroundALocalExchange()
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol count = symbol("count", BIGINT);
        PlanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(10), List.of(N, S), List.of(TestingNumbersConnector.N, TestingNumbersConnector.S));
        PlanNode filter = plan.filter(scan, new Call(FunctionNames.GREATER_THAN, List.of(reference(N), new Constant(1L, BIGINT)), BOOLEAN));
        PlanNode aggregation = plan.aggregation(filter, List.of(S), aggregate(count, "count"));
        OutputNode root = plan.output(plan.sort(aggregation, ascending(S)), List.of(S, count));

        SubPlan subPlan = new PlanFragmenter().fragment(root);
        PlanFragment fragment = subPlan.fragment();
        assertThat(subPlan.children()).isEmpty();
        assertThat(fragment.partitioning()).isEqualTo(FragmentPartitioning.SOURCE);
        assertThat(fragment.partitionedSources()).containsExactly(scan.id());
        assertThat(fragment.outputLayout()).containsExactly(S, count);

        List<DriverFactory> pipelines = plan(fragment).driverFactories();
        assertThat(pipelines).hasSize(2);
        // one driver per split: scan, filter, partial aggregation, into the exchange
        assertThat(pipelines.get(0).sourceId()).contains(scan.id());
        assertThat(classes(pipelines.get(0))).containsExactly(TableScanOperator.Factory.class, FilterAndProjectOperator.Factory.class,
                HashAggregationOperator.Factory.class, LocalExchangeSinkOperator.Factory.class);
        // one driver: final aggregation, sort, output
        assertThat(pipelines.get(1).driverInstances()).isEqualTo(OptionalInt.of(1));
        assertThat(classes(pipelines.get(1))).containsExactly(LocalExchangeSourceOperator.Factory.class, HashAggregationOperator.Factory.class,
                OrderByOperator.Factory.class, TaskOutputOperator.Factory.class);
    }

    @Test
    void testLimitRunsPerSplitAndOnceMore()
    {
        PlanBuilder plan = new PlanBuilder();
        PlanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(10), List.of(N), List.of(TestingNumbersConnector.N));
        PlanFragment fragment = new PlanFragmenter().fragment(plan.output(plan.limit(scan, 3), List.of(N))).fragment();
        List<DriverFactory> pipelines = plan(fragment).driverFactories();
        assertThat(classes(pipelines.get(0))).containsExactly(TableScanOperator.Factory.class, LimitOperator.Factory.class, LocalExchangeSinkOperator.Factory.class);
        assertThat(classes(pipelines.get(1))).containsExactly(LocalExchangeSourceOperator.Factory.class, LimitOperator.Factory.class, TaskOutputOperator.Factory.class);
    }

    @Test
    void testScanWithoutGlobalStateOutputsFromEachDriver()
    {
        PlanBuilder plan = new PlanBuilder();
        PlanNode scan = plan.tableScan("numbers", TestingNumbersConnector.table(10), List.of(N, S), List.of(TestingNumbersConnector.N, TestingNumbersConnector.S));
        // a projection that only renames and drops columns needs no operator
        PlanNode project = plan.project(scan, List.of(S));
        PlanFragment fragment = new PlanFragmenter().fragment(plan.output(project, List.of(S))).fragment();
        List<DriverFactory> pipelines = plan(fragment).driverFactories();
        assertThat(pipelines).hasSize(1);
        assertThat(classes(pipelines.get(0))).containsExactly(TableScanOperator.Factory.class, TaskOutputOperator.Factory.class);
    }

    private static LocalExecutionPlan plan(PlanFragment fragment)
    {
        CatalogManager catalogManager = new CatalogManager(List.of(TestingNumbersConnector.factory()));
        catalogManager.createCatalog("numbers", Map.of("connector.name", "numbers"));
        LocalExecutionPlanner planner = new LocalExecutionPlanner(catalogManager, 1 << 20, 1 << 20, () -> {
            throw new UnsupportedOperationException("no remote sources here");
        });
        return planner.plan(Session.simple("query", "test", Optional.empty(), Optional.empty()), fragment, new PartitionedOutputBuffer("task", 1, 1 << 20));
    }

    private static List<Class<?>> classes(DriverFactory factory)
    {
        return factory.operatorFactories().stream().<Class<?>>map(OperatorFactory::getClass).toList();
    }
}
