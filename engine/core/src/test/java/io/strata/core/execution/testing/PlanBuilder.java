package io.strata.core.execution.testing;

import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.TableStatistics;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-built plans for tests, as the front end would produce them.
 */
public final class PlanBuilder
{
    private int nextId;

    private PlanNodeId id()
    {
        return new PlanNodeId(Integer.toString(nextId++));
    }

    public static Symbol symbol(String name, Type type)
    {
        return new Symbol(name, type);
    }

    public static SymbolReference reference(Symbol symbol)
    {
        return new SymbolReference(symbol);
    }

    public TableScanNode tableScan(String catalog, ConnectorTableHandle table, List<Symbol> outputs, List<ColumnHandle> columns)
    {
        return new TableScanNode(id(), catalog, table, outputs, columns, TupleDomain.all(), TableStatistics.UNKNOWN);
    }

    public ValuesNode values(List<Symbol> outputs, List<List<RowExpression>> rows)
    {
        return new ValuesNode(id(), outputs, rows);
    }

    public FilterNode filter(PlanNode source, RowExpression predicate)
    {
        return new FilterNode(id(), source, predicate);
    }

    /** Projects the given symbols through, then the given assignments. */
    public ProjectNode project(PlanNode source, List<Symbol> passThrough, Assignment... assignments)
    {
        List<Assignment> all = new ArrayList<>();
        for (Symbol symbol : passThrough) {
            all.add(new Assignment(symbol, reference(symbol)));
        }
        all.addAll(List.of(assignments));
        return new ProjectNode(id(), source, all);
    }

    public static Assignment assign(Symbol symbol, RowExpression expression)
    {
        return new Assignment(symbol, expression);
    }

    public AggregationNode aggregation(PlanNode source, List<Symbol> keys, Aggregation... aggregations)
    {
        return new AggregationNode(id(), source, keys, List.of(aggregations));
    }

    public static Aggregation aggregate(Symbol output, String function, Symbol... arguments)
    {
        return new Aggregation(output, function, List.of(arguments), false, Optional.empty());
    }

    public SortNode sort(PlanNode source, Ordering... orderings)
    {
        return new SortNode(id(), source, List.of(orderings));
    }

    public TopNNode topN(PlanNode source, long count, Ordering... orderings)
    {
        return new TopNNode(id(), source, count, List.of(orderings));
    }

    public LimitNode limit(PlanNode source, long count)
    {
        return new LimitNode(id(), source, count);
    }

    public static Ordering ascending(Symbol symbol)
    {
        return new Ordering(symbol, SortOrder.ASC_NULLS_LAST);
    }

    public static Ordering descending(Symbol symbol)
    {
        return new Ordering(symbol, SortOrder.DESC_NULLS_LAST);
    }

    /** The root, each output column named after its symbol. */
    public OutputNode output(PlanNode source, List<Symbol> outputs)
    {
        return new OutputNode(id(), source, outputs.stream().map(Symbol::name).toList(), outputs);
    }
}
