package io.strata.core.optimizer;

import io.strata.core.expression.FunctionNames;
import org.junit.jupiter.api.Test;

import static io.strata.core.optimizer.PlanBuilder.call;
import static io.strata.core.optimizer.PlanBuilder.comparison;
import static io.strata.core.optimizer.PlanBuilder.constant;
import static io.strata.spi.type.BigintType.BIGINT;

class TestRemoveRedundantIdentityProjections
{
    private final RuleTester tester = new RuleTester();

    @Test
    void removesIdentityProjection()
    {
        tester.assertThat(new RemoveRedundantIdentityProjections())
                .on(p -> p.output(
                        p.project(
                                p.filter(comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)), p.tableScan("orders", "orderkey", "custkey")),
                                p.identity("orderkey"),
                                p.identity("custkey")),
                        "custkey"))
                .matches("""
                        - Output[custkey] => [custkey:bigint]
                            - Filter[orderkey > 5] => [orderkey:bigint, custkey:bigint]
                                - TableScan[testing.sales.orders] => [orderkey:bigint, custkey:bigint]
                                        estimated rows: 1500
                        """);
    }

    @Test
    void reordersScanInsteadOfProjecting()
    {
        tester.assertThat(new RemoveRedundantIdentityProjections())
                .on(p -> p.output(p.project(p.tableScan("orders", "orderkey", "custkey"), p.identity("custkey"), p.identity("orderkey")), "orderkey"))
                .matches("""
                        - Output[orderkey] => [orderkey:bigint]
                            - TableScan[testing.sales.orders] => [custkey:bigint, orderkey:bigint]
                                    estimated rows: 1500
                        """);
    }

    @Test
    void keepsProjectionThatComputes()
    {
        tester.assertThat(new RemoveRedundantIdentityProjections())
                .on(p -> {
                    p.symbol("x", BIGINT);
                    return p.project(p.tableScan("orders", "orderkey"), p.assign("x", call(FunctionNames.NEGATE, BIGINT, p.reference("orderkey"))));
                })
                .doesNotFire();
    }

    @Test
    void keepsProjectionThatNarrows()
    {
        tester.assertThat(new RemoveRedundantIdentityProjections())
                .on(p -> p.project(p.tableScan("orders", "orderkey", "custkey"), p.identity("orderkey")))
                .doesNotFire();
    }
}
