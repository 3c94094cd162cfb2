package io.strata.core.execution.operator;

import io.strata.core.execution.expression.ExpressionCompiler;
import io.strata.core.execution.expression.PageProcessor;
import io.strata.core.execution.testing.OperatorRunner;
import io.strata.core.execution.testing.RowPagesBuilder;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.core.execution.testing.ExpressionTester.input;
import static io.strata.core.execution.testing.Values.row;
import static io.strata.core.execution.testing.Values.toRows;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TestFilterProjectAndLimit
{
    @Test
    void testFilterThenProjectOnlySelectedRows()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(BIGINT, VARCHAR)
                .row(1L, "a").row(0L, "b").row(null, "c").row(4L, "d").pageBreak()
                .row(0L, "e").pageBreak()
                .row(2L, "f")
                .build();
        // WHERE x <> 0 projecting 10 / x: the division only sees the kept rows
        PageProcessor processor = new PageProcessor(
                List.of(ExpressionCompiler.compile(new Call(FunctionNames.NOT_EQUAL, List.of(input(0, BIGINT), new Constant(0L, BIGINT)), BOOLEAN))),
                List.of(
                        ExpressionCompiler.compile(input(1, VARCHAR)),
                        ExpressionCompiler.compile(new Call(FunctionNames.DIVIDE, List.of(new Constant(10L, BIGINT), input(0, BIGINT)), BIGINT))));
        List<Page> output = OperatorRunner.run(new FilterAndProjectOperator.Factory(0, new PlanNodeId("filter"), processor), input);
        assertThat(output).hasSize(2);
        assertThat(toRows(List.of(VARCHAR, BIGINT), output)).containsExactly(row("a", 10L), row("d", 2L), row("f", 5L));
    }

    @Test
    void testProjectWithoutFilterPassesBlocksThrough()
    {
        Page page = RowPagesBuilder.rowPagesBuilder(BIGINT, VARCHAR).row(1L, "a").row(2L, "b").build().get(0);
        PageProcessor processor = new PageProcessor(List.of(), List.of(ExpressionCompiler.compile(input(1, VARCHAR))));
        assertThat(processor.process(page).getBlock(0)).isSameAs(page.getBlock(1));
    }

    @Test
    void testLimit()
    {
        List<Page> input = RowPagesBuilder.rowPagesBuilder(BIGINT)
                .row(1L).row(2L).pageBreak()
                .row(3L).row(4L).pageBreak()
                .row(5L)
                .build();
        assertThat(toRows(List.of(BIGINT), OperatorRunner.run(new LimitOperator.Factory(0, new PlanNodeId("limit"), 3), input)))
                .containsExactly(row(1L), row(2L), row(3L));
        assertThat(toRows(List.of(BIGINT), OperatorRunner.run(new LimitOperator.Factory(0, new PlanNodeId("limit"), 0), input))).isEmpty();
    }
}
