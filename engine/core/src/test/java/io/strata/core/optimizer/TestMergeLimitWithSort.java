package io.strata.core.optimizer;

import org.junit.jupiter.api.Test;

import static io.strata.spi.type.BigintType.BIGINT;

class TestMergeLimitWithSort
{
    private final RuleTester tester = new RuleTester();

    @Test
    void mergesLimitOverSortIntoTopN()
    {
        tester.assertThat(new MergeLimitWithSort())
                .on(p -> {
                    p.symbol("a", BIGINT);
                    return p.output(p.limit(10, p.sort(p.values("a"), p.descending("a"))), "a");
                })
                .matches("""
                        - Output[a] => [a:bigint]
                            - TopN[10, a DESC NULLS LAST] => [a:bigint]
                                - Values[0 rows] => [a:bigint]
                        """);
    }

    @Test
    void doesNotFireOnLimitAlone()
    {
        tester.assertThat(new MergeLimitWithSort())
                .on(p -> {
                    p.symbol("a", BIGINT);
                    return p.limit(10, p.values("a"));
                })
                .doesNotFire();
    }

    @Test
    void doesNotFireOnSortAboveLimit()
    {
        tester.assertThat(new MergeLimitWithSort())
                .on(p -> {
                    p.symbol("a", BIGINT);
                    return p.sort(p.limit(10, p.values("a")), p.ascending("a"));
                })
                .doesNotFire();
    }
}
