package io.strata.core.optimizer;

import io.strata.core.expression.FunctionNames;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.core.optimizer.PlanBuilder.call;
import static io.strata.core.optimizer.PlanBuilder.comparison;
import static io.strata.core.optimizer.PlanBuilder.constant;
import static io.strata.spi.type.BigintType.BIGINT;

class TestPruneUnreferencedColumns
{
    private final RuleTester tester = new RuleTester();

    @Test
    void narrowsScanToColumnsUsedAbove()
    {
        tester.assertThat(new PruneUnreferencedColumns())
                .on(p -> {
                    p.symbol("total", BIGINT);
                    p.symbol("unused", BIGINT);
                    return p.output(
                            p.project(
                                    p.filter(comparison(FunctionNames.GREATER_THAN, p.reference("custkey"), constant(5L, BIGINT)),
                                            p.tableScan("orders", "orderkey", "custkey", "status", "priority")),
                                    p.assign("total", call(FunctionNames.ADD, BIGINT, p.reference("orderkey"), constant(1L, BIGINT))),
                                    p.assign("unused", p.reference("custkey"))),
                            "total");
                })
                .matches("""
                        - Output[total] => [total:bigint]
                            - Project => [total:bigint]
                                    total := orderkey + 1
                                - Filter[custkey > 5] => [orderkey:bigint, custkey:bigint]
                                    - TableScan[testing.sales.orders] => [orderkey:bigint, custkey:bigint]
                                            estimated rows: 1500
                        """);
    }

    @Test
    void dropsUnusedAggregatesButKeepsKeys()
    {
        tester.assertThat(new PruneUnreferencedColumns())
                .on(p -> {
                    p.symbol("count", BIGINT);
                    p.symbol("max", BIGINT);
                    return p.output(
                            p.aggregation(p.tableScan("orders", "orderkey", "custkey", "status"), List.of("status"),
                                    p.aggregate("count", "count"),
                                    p.aggregate("max", "max", "custkey")),
                            "count");
                })
                .matches("""
                        - Output[count] => [count:bigint]
                            - Aggregate[SINGLE, keys = [status]] => [status:varchar(1), count:bigint]
                                    count := count(*)
                                - TableScan[testing.sales.orders] => [status:varchar(1)]
                                        estimated rows: 1500
                        """);
    }

    @Test
    void keepsSortKeys()
    {
        tester.assertThat(new PruneUnreferencedColumns())
                .on(p -> p.output(p.sort(p.tableScan("orders", "orderkey", "custkey", "status"), p.descending("custkey")), "orderkey"))
                .matches("""
                        - Output[orderkey] => [orderkey:bigint]
                            - Sort[custkey DESC NULLS LAST] => [orderkey:bigint, custkey:bigint]
                                - TableScan[testing.sales.orders] => [orderkey:bigint, custkey:bigint]
                                        estimated rows: 1500
                        """);
    }

    @Test
    void doesNotFireWhenEverythingIsUsed()
    {
        tester.assertThat(new PruneUnreferencedColumns())
                .on(p -> p.output(p.tableScan("orders", "orderkey"), "orderkey"))
                .doesNotFire();
    }
}
