package io.strata.core.optimizer;

import io.airlift.slice.Slices;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.SpecialForm.Form;
import org.junit.jupiter.api.Test;

import static io.strata.core.optimizer.PlanBuilder.call;
import static io.strata.core.optimizer.PlanBuilder.comparison;
import static io.strata.core.optimizer.PlanBuilder.constant;
import static io.strata.core.optimizer.PlanBuilder.specialForm;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.createVarcharType;

class TestFoldConstants
{
    private final RuleTester tester = new RuleTester();

    @Test
    void foldsCastOfLiteralToConstant()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        comparison(FunctionNames.LESS_THAN_OR_EQUAL, p.reference("orderdate"), specialForm(Form.CAST, DATE, constant(Slices.utf8Slice("1998-09-02"), createVarcharType(10)))),
                        p.tableScan("orders", "orderdate")))
                .matches("""
                        - Filter[orderdate <= DATE '1998-09-02'] => [orderdate:date]
                            - TableScan[testing.sales.orders] => [orderdate:date]
                                    estimated rows: 1500
                        """);
    }

    @Test
    void foldsNestedArithmetic()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> {
                    p.symbol("x", BIGINT);
                    return p.project(p.tableScan("orders", "orderkey"),
                            p.assign("x", call(FunctionNames.ADD, BIGINT, p.reference("orderkey"),
                                    call(FunctionNames.MULTIPLY, BIGINT, constant(2L, BIGINT), constant(3L, BIGINT)))));
                })
                .matches("""
                        - Project => [x:bigint]
                                x := orderkey + 6
                            - TableScan[testing.sales.orders] => [orderkey:bigint]
                                    estimated rows: 1500
                        """);
    }

    @Test
    void removesFilterThatIsTrue()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        specialForm(Form.OR, BOOLEAN, comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)), constant(true, BOOLEAN)),
                        p.tableScan("orders", "orderkey")))
                .matches("""
                        - TableScan[testing.sales.orders] => [orderkey:bigint]
                                estimated rows: 1500
                        """);
    }

    @Test
    void filterThatIsFalseBecomesEmptyValues()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)),
                                comparison(FunctionNames.EQUAL, constant(1, INTEGER), constant(0, INTEGER))),
                        p.tableScan("orders", "orderkey")))
                .matches("""
                        - Values[0 rows] => [orderkey:bigint]
                        """);
    }

    @Test
    void dropsTrueTermsOfConjunction()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.EQUAL, constant(1, INTEGER), constant(1, INTEGER)),
                                comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)),
                                comparison(FunctionNames.LESS_THAN, p.reference("orderkey"), constant(9L, BIGINT))),
                        p.tableScan("orders", "orderkey")))
                .matches("""
                        - Filter[(orderkey > 5) AND (orderkey < 9)] => [orderkey:bigint]
                            - TableScan[testing.sales.orders] => [orderkey:bigint]
                                    estimated rows: 1500
                        """);
    }

    @Test
    void leavesFailingExpressionForRunTime()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> {
                    p.symbol("x", BIGINT);
                    return p.project(p.tableScan("orders", "orderkey"),
                            p.assign("x", call(FunctionNames.DIVIDE, BIGINT, constant(1L, BIGINT), constant(0L, BIGINT))));
                })
                .doesNotFire();
    }

    @Test
    void leavesBadCastForRunTime()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        comparison(FunctionNames.EQUAL, p.reference("orderdate"), specialForm(Form.CAST, DATE, constant(Slices.utf8Slice("yesterday"), createVarcharType(9)))),
                        p.tableScan("orders", "orderdate")))
                .doesNotFire();
    }

    @Test
    void leavesExpressionsOverColumns()
    {
        tester.assertThat(new FoldConstants())
                .on(p -> p.filter(
                        comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)),
                        p.tableScan("orders", "orderkey")))
                .doesNotFire();
    }
}
