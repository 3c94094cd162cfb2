package io.strata.core.optimizer;

import io.airlift.slice.Slices;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm.Form;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.strata.core.optimizer.PlanBuilder.call;
import static io.strata.core.optimizer.PlanBuilder.comparison;
import static io.strata.core.optimizer.PlanBuilder.constant;
import static io.strata.core.optimizer.PlanBuilder.specialForm;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.createDecimalType;
import static io.strata.spi.type.VarcharType.createVarcharType;

class TestPushPredicateIntoTableScan
{
    private final RuleTester tester = new RuleTester();

    private static RowExpression date(String text)
    {
        return constant((int) LocalDate.parse(text).toEpochDay(), DATE);
    }

    private static RowExpression varchar(String text)
    {
        return constant(Slices.utf8Slice(text), createVarcharType(text.length()));
    }

    @Test
    void pushesDomainsAndKeepsTheRest()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.GREATER_THAN_OR_EQUAL, p.reference("orderdate"), date("1994-01-01")),
                                call(FunctionNames.LIKE, BOOLEAN, p.reference("status"), varchar("%F")),
                                comparison(FunctionNames.LESS_THAN, p.reference("orderdate"), date("1995-01-01")),
                                specialForm(Form.BETWEEN, BOOLEAN, p.reference("discount"), constant(5L, createDecimalType(12, 2)), constant(7L, createDecimalType(12, 2)))),
                        p.tableScan("orders", "orderdate", "status", "discount")))
                .matches("""
                        - Filter[status LIKE '%F'] => [orderdate:date, status:varchar(1), discount:decimal(12,2)]
                            - TableScan[testing.sales.orders] => [orderdate:date, status:varchar(1), discount:decimal(12,2)]
                                    constraint on orderdate: [DATE '1994-01-01', DATE '1995-01-01')
                                    constraint on discount: [0.05, 0.07]
                                    estimated rows: 100
                        """);
    }

    @Test
    void removesFilterTakenWhole()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.GREATER_THAN, constant(10L, BIGINT), p.reference("orderkey")),
                                specialForm(Form.IN, BOOLEAN, p.reference("status"), varchar("O"), varchar("F"), varchar("O")),
                                call(FunctionNames.NOT, BOOLEAN, specialForm(Form.IS_NULL, BOOLEAN, p.reference("custkey")))),
                        p.tableScan("orders", "orderkey", "status", "custkey")))
                .matches("""
                        - TableScan[testing.sales.orders] => [orderkey:bigint, status:varchar(1), custkey:bigint]
                                constraint on orderkey: (-inf, 10)
                                constraint on status: ['F'] OR ['O']
                                constraint on custkey: NOT NULL
                                estimated rows: 100
                        """);
    }

    @Test
    void keepsConjunctsOnColumnsTheConnectorHandsBack()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.EQUAL, p.reference("comment"), varchar("x")),
                                specialForm(Form.IS_NULL, BOOLEAN, p.reference("custkey"))),
                        p.tableScan("orders", "comment", "custkey")))
                .matches("""
                        - Filter[comment = 'x'] => [comment:varchar(79), custkey:bigint]
                            - TableScan[testing.sales.orders] => [comment:varchar(79), custkey:bigint]
                                    constraint on custkey: NULL
                                    estimated rows: 100
                        """);
    }

    @Test
    void pushesDisjunctionsOverOneColumn()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                specialForm(Form.OR, BOOLEAN,
                                        comparison(FunctionNames.EQUAL, p.reference("status"), varchar("F")),
                                        comparison(FunctionNames.EQUAL, p.reference("status"), varchar("O"))),
                                specialForm(Form.OR, BOOLEAN,
                                        comparison(FunctionNames.EQUAL, p.reference("status"), varchar("F")),
                                        comparison(FunctionNames.GREATER_THAN, p.reference("orderkey"), constant(5L, BIGINT)))),
                        p.tableScan("orders", "orderkey", "status")))
                .matches("""
                        - Filter[(status = 'F') OR (orderkey > 5)] => [orderkey:bigint, status:varchar(1)]
                            - TableScan[testing.sales.orders] => [orderkey:bigint, status:varchar(1)]
                                    constraint on status: ['F'] OR ['O']
                                    estimated rows: 100
                        """);
    }

    @Test
    void doesNotFireWhenTheConnectorTakesNothing()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        comparison(FunctionNames.EQUAL, p.reference("comment"), varchar("x")),
                        p.tableScan("orders", "comment")))
                .doesNotFire();
    }

    @Test
    void doesNotPushComparisonsOverCastColumns()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        comparison(FunctionNames.EQUAL, specialForm(Form.CAST, BIGINT, p.reference("priority")), constant(3L, BIGINT)),
                        p.tableScan("orders", "priority")))
                .doesNotFire();
    }

    @Test
    void contradictionBecomesEmptyValues()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        specialForm(Form.AND, BOOLEAN,
                                comparison(FunctionNames.EQUAL, p.reference("orderkey"), constant(1L, BIGINT)),
                                comparison(FunctionNames.EQUAL, p.reference("orderkey"), constant(2L, BIGINT))),
                        p.tableScan("orders", "orderkey")))
                .matches("""
                        - Values[0 rows] => [orderkey:bigint]
                        """);
    }

    @Test
    void doesNotFireOverOtherNodes()
    {
        tester.assertThat(new PushPredicateIntoTableScan())
                .on(p -> p.filter(
                        comparison(FunctionNames.EQUAL, p.reference("orderkey"), constant(1L, BIGINT)),
                        p.limit(5, p.tableScan("orders", "orderkey"))))
                .doesNotFire();
    }
}
