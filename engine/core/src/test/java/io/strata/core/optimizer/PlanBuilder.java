package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.ResolvedTable;
import io.strata.core.metadata.TableColumn;
import io.strata.core.planner.PlanNodeIdAllocator;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.session.Session;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.spi.type.BooleanType.BOOLEAN;

/**
 * Builds small plans for optimizer tests: {@code p.limit(10, p.sort(p.values("a"), p.asc("a")))}. Symbols
 * are named once with their type ({@link #symbol}, or by scanning a table) and then referred to by name.
 */
public final class PlanBuilder
{
    private final Metadata metadata;
    private final Session session;
    private final PlanNodeIdAllocator idAllocator = new PlanNodeIdAllocator();
    private final Map<String, Symbol> symbols = new HashMap<>();

    public PlanBuilder(Metadata metadata, Session session)
    {
        this.metadata = metadata;
        this.session = session;
    }

    public Symbol symbol(String name, Type type)
    {
        Symbol symbol = new Symbol(name, type);
        symbols.put(name, symbol);
        return symbol;
    }

    /**
     * The symbol of that name: one made before, or else one for the column of that name of table
     * {@code orders} (so that a filter can name the columns of the scan it is built over).
     */
    public Symbol symbol(String name)
    {
        Symbol symbol = symbols.get(name);
        if (symbol != null) {
            return symbol;
        }
        ResolvedTable orders = metadata.resolveTable(session, List.of("orders"), Optional.empty());
        Type type = orders.columns().stream()
                .filter(column -> column.name().equals(name))
                .map(TableColumn::type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no symbol " + name + " yet"));
        return symbol(name, type);
    }

    public SymbolReference reference(String name)
    {
        return new SymbolReference(symbol(name));
    }

    public static Constant constant(Object value, Type type)
    {
        return new Constant(value, type);
    }

    public static Call call(String functionName, Type type, RowExpression... arguments)
    {
        return new Call(functionName, List.of(arguments), type);
    }

    public static Call comparison(String functionName, RowExpression left, RowExpression right)
    {
        return new Call(functionName, List.of(left, right), BOOLEAN);
    }

    public static SpecialForm specialForm(SpecialForm.Form form, Type type, RowExpression... arguments)
    {
        return new SpecialForm(form, List.of(arguments), type);
    }

    /** A scan of {@code testing.sales.table} reading the named columns, each into a symbol of its name. */
    public TableScanNode tableScan(String table, String... columnNames)
    {
        ResolvedTable resolved = metadata.resolveTable(session, List.of(table), Optional.empty());
        List<Symbol> outputs = new ArrayList<>();
        List<ColumnHandle> columns = new ArrayList<>();
        for (String columnName : columnNames) {
            TableColumn column = resolved.columns().stream()
                    .filter(candidate -> candidate.name().equals(columnName))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column " + columnName));
            outputs.add(symbol(columnName, column.type()));
            columns.add(column.handle());
        }
        return new TableScanNode(idAllocator.nextId(), resolved.handle().catalogName(), resolved.handle().connectorHandle(), outputs, columns,
                TupleDomain.all(), metadata.getTableStatistics(session, resolved.handle()));
    }

    /** VALUES with the named (already typed) symbols and the given rows. */
    public ValuesNode values(List<String> outputs, List<List<RowExpression>> rows)
    {
        return new ValuesNode(idAllocator.nextId(), outputs.stream().map(this::symbol).toList(), rows);
    }

    public ValuesNode values(String... outputs)
    {
        return values(Arrays.asList(outputs), List.of());
    }

    public FilterNode filter(RowExpression predicate, PlanNode source)
    {
        return new FilterNode(idAllocator.nextId(), source, predicate);
    }

    /** A projection; each assignment is a symbol name (made with {@link #symbol}) and its expression. */
    public ProjectNode project(PlanNode source, Assignment... assignments)
    {
        return new ProjectNode(idAllocator.nextId(), source, List.of(assignments));
    }

    public Assignment assign(String symbol, RowExpression expression)
    {
        return new Assignment(symbol(symbol), expression);
    }

    public Assignment identity(String symbol)
    {
        return new Assignment(symbol(symbol), reference(symbol));
    }

    public AggregationNode aggregation(PlanNode source, List<String> keys, Aggregation... aggregations)
    {
        return new AggregationNode(idAllocator.nextId(), source, keys.stream().map(this::symbol).toList(), List.of(aggregations));
    }

    public Aggregation aggregate(String output, String function, String... arguments)
    {
        return new Aggregation(symbol(output), function, Arrays.stream(arguments).map(this::symbol).toList(), false, Optional.empty());
    }

    public SortNode sort(PlanNode source, Ordering... orderings)
    {
        return new SortNode(idAllocator.nextId(), source, List.of(orderings));
    }

    public Ordering ascending(String symbol)
    {
        return new Ordering(symbol(symbol), SortOrder.ASC_NULLS_LAST);
    }

    public Ordering descending(String symbol)
    {
        return new Ordering(symbol(symbol), SortOrder.DESC_NULLS_LAST);
    }

    public LimitNode limit(long count, PlanNode source)
    {
        return new LimitNode(idAllocator.nextId(), source, count);
    }

    /** The root, with column names equal to the symbols' names. */
    public OutputNode output(PlanNode source, String... symbols)
    {
        return new OutputNode(idAllocator.nextId(), source, List.of(symbols), Arrays.stream(symbols).map(this::symbol).toList());
    }
}
