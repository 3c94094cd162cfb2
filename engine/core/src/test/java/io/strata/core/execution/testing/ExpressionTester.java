package io.strata.core.execution.testing;

import io.strata.core.execution.expression.BlockEvaluator;
import io.strata.core.execution.expression.EvaluationContext;
import io.strata.core.execution.expression.ExpressionCompiler;
import io.strata.core.execution.expression.SelectedPositions;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates compiled expressions over rows given in test form.
 */
public final class ExpressionTester
{
    private ExpressionTester() {}

    public static InputReference input(int channel, Type type)
    {
        return new InputReference(channel, type);
    }

    /** The expression over all rows at once (one page), as test values. */
    public static List<Object> evaluate(RowExpression expression, List<Type> inputTypes, List<List<Object>> rows)
    {
        RowPagesBuilder builder = RowPagesBuilder.rowPagesBuilder(inputTypes);
        for (List<Object> row : rows) {
            builder.row(row.toArray());
        }
        List<Page> pages = builder.build();
        Page page = pages.isEmpty() ? new Page(0, emptyBlocks(inputTypes)) : pages.get(0);
        BlockEvaluator evaluator = ExpressionCompiler.compile(expression);
        Block block = evaluator.evaluate(new EvaluationContext(page), SelectedPositions.positionsRange(0, page.positionCount()));
        List<Object> values = new ArrayList<>();
        for (int position = 0; position < block.positionCount(); position++) {
            values.add(Values.toTestValue(expression.type(), block, position));
        }
        return values;
    }

    /** The expression over one row. */
    public static Object evaluateRow(RowExpression expression, List<Type> inputTypes, List<Object> row)
    {
        return evaluate(expression, inputTypes, List.of(row)).get(0);
    }

    /** An expression without inputs. */
    public static Object evaluate(RowExpression expression)
    {
        BlockEvaluator evaluator = ExpressionCompiler.compile(expression);
        Block block = evaluator.evaluate(new EvaluationContext(new Page(1)), SelectedPositions.positionsRange(0, 1));
        return Values.toTestValue(expression.type(), block, 0);
    }

    private static Block[] emptyBlocks(List<Type> types)
    {
        Block[] blocks = new Block[types.size()];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = types.get(i).createBlockBuilder(0).build();
        }
        return blocks;
    }
}
