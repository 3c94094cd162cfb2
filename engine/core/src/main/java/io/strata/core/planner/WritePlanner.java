package io.strata.core.planner;

import io.strata.core.analyzer.WriteAnalysis;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapes the rows of an INSERT or CREATE TABLE AS query into the target table's columns:
 * <pre>
 * - Output[a, b]                          - Output[id, name, price]
 *     - (query)              =&gt;              - Project[id := CAST(a AS bigint), name := b, price := null]
 *                                                 - (query)
 * </pre>
 * each table column gets its query column coerced to the column's type, or a typed null when the statement's
 * column list leaves it out.
 */
final class WritePlanner
{
    private WritePlanner() {}

    static OutputNode shapeToTable(OutputNode query, WriteAnalysis write, SymbolAllocator symbolAllocator, PlanNodeIdAllocator idAllocator)
    {
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < write.columnNames().size(); i++) {
            Type type = write.columnTypes().get(i);
            int channel = write.sourceChannels().get(i);
            RowExpression value;
            if (channel < 0) {
                value = Constant.nullConstant(type);
            }
            else {
                Symbol source = query.outputs().get(channel);
                value = source.type().equals(type)
                        ? new SymbolReference(source)
                        : new SpecialForm(SpecialForm.Form.CAST, List.of(new SymbolReference(source)), type);
            }
            assignments.add(new Assignment(symbolAllocator.newSymbol(write.columnNames().get(i), type), value));
        }
        ProjectNode project = new ProjectNode(idAllocator.nextId(), query.source(), assignments);
        return new OutputNode(idAllocator.nextId(), project, write.columnNames(), project.outputSymbols());
    }
}
