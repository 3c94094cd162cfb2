package io.strata.core.planner;

import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.TableColumn;
import io.strata.core.metadata.TableHandle;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.PlanVisitor;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.RemoteSourceNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowFunction;
import io.strata.core.planner.plan.WindowNode;
import io.strata.core.session.Session;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.Range;
import io.strata.spi.connector.TupleDomain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The text form of a plan that {@code EXPLAIN} shows: one line per node, children indented by four spaces,
 * each node's details (assignments, aggregates, the connector's constraint) below it, and the node's
 * output layout after {@code =>}. Deterministic: the same plan always prints the same text.
 *
 * <pre>
 * - Output[revenue] =&gt; [sum:decimal(38,4)]
 *         revenue := sum
 *     - Aggregate[SINGLE] =&gt; [sum:decimal(38,4)]
 *             sum := sum(expr)
 *         - Project =&gt; [expr:decimal(24,4)]
 *                 expr := l_extendedprice * l_discount
 *             - TableScan[tpch.tiny.lineitem] =&gt; [l_extendedprice:decimal(12,2), l_discount:decimal(12,2)]
 *                     constraint on l_discount: [0.05, 0.07]
 * </pre>
 */
public final class PlanPrinter
{
    private static final int MAX_VALUES_ROWS = 10;
    private static final String INDENT = "    ";

    private final Metadata metadata;
    private final Session session;
    private final Function<PlanNodeId, List<String>> annotations;

    private PlanPrinter(Metadata metadata, Session session, Function<PlanNodeId, List<String>> annotations)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.annotations = requireNonNull(annotations, "annotations is null");
    }

    /** The plan as text, one line per node or detail, ending with a newline. */
    public static String textPlan(PlanNode plan, Metadata metadata, Session session)
    {
        return textPlan(plan, metadata, session, id -> List.of());
    }

    /** The plan as text, with the given lines printed under each node's line (before its details). */
    public static String textPlan(PlanNode plan, Metadata metadata, Session session, Function<PlanNodeId, List<String>> annotations)
    {
        StringBuilder output = new StringBuilder();
        plan.accept(new PlanPrinter(metadata, session, annotations).new Printer(output), 0);
        return output.toString();
    }

    private final class Printer
            implements PlanVisitor<Void, Integer>
    {
        private final StringBuilder output;

        Printer(StringBuilder output)
        {
            this.output = output;
        }

        @Override
        public Void visitOutput(OutputNode node, Integer depth)
        {
            print(depth, "Output[" + String.join(", ", node.columnNames()) + "]", node);
            for (int i = 0; i < node.columnNames().size(); i++) {
                if (!node.columnNames().get(i).equals(node.outputs().get(i).name())) {
                    detail(depth, node.columnNames().get(i) + " := " + node.outputs().get(i).name());
                }
            }
            return visitSources(node, depth);
        }

        @Override
        public Void visitTableScan(TableScanNode node, Integer depth)
        {
            TableHandle table = new TableHandle(node.catalogName(), node.table());
            Map<ColumnHandle, String> columnNames = columnNames(table);
            print(depth, "TableScan[" + tableName(table) + "]", node);
            for (int i = 0; i < node.outputs().size(); i++) {
                String columnName = columnNames.getOrDefault(node.columns().get(i), node.columns().get(i).toString());
                if (!columnName.equals(node.outputs().get(i).name())) {
                    detail(depth, node.outputs().get(i).name() + " := " + columnName);
                }
            }
            TupleDomain constraint = node.enforcedConstraint();
            if (constraint.isNone()) {
                detail(depth, "constraint: NONE");
            }
            else {
                for (Map.Entry<ColumnHandle, Domain> entry : constraint.domains().orElseThrow().entrySet()) {
                    detail(depth, "constraint on " + columnNames.getOrDefault(entry.getKey(), entry.getKey().toString()) + ": " + formatDomain(entry.getValue()));
                }
            }
            node.statistics().rowCount().ifPresent(rows -> detail(depth, "estimated rows: " + Math.round(rows)));
            return null;
        }

        @Override
        public Void visitValues(ValuesNode node, Integer depth)
        {
            print(depth, "Values[" + node.rows().size() + (node.rows().size() == 1 ? " row" : " rows") + "]", node);
            for (List<RowExpression> row : node.rows().subList(0, Math.min(MAX_VALUES_ROWS, node.rows().size()))) {
                detail(depth, "(" + row.stream().map(ExpressionFormatter::format).collect(Collectors.joining(", ")) + ")");
            }
            if (node.rows().size() > MAX_VALUES_ROWS) {
                detail(depth, "... " + (node.rows().size() - MAX_VALUES_ROWS) + " more rows");
            }
            return null;
        }

        @Override
        public Void visitFilter(FilterNode node, Integer depth)
        {
            print(depth, "Filter[" + ExpressionFormatter.format(node.predicate()) + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitProject(ProjectNode node, Integer depth)
        {
            print(depth, "Project", node);
            for (Assignment assignment : node.assignments()) {
                if (!assignment.expression().equals(new SymbolReference(assignment.symbol()))) {
                    detail(depth, assignment.symbol().name() + " := " + ExpressionFormatter.format(assignment.expression()));
                }
            }
            return visitSources(node, depth);
        }

        @Override
        public Void visitExchange(ExchangeNode node, Integer depth)
        {
            String keys = node.partitionKeys().isEmpty() ? "" : ", keys = [" + symbolList(node.partitionKeys()) + "]";
            print(depth, "RemoteExchange[" + node.type() + keys + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitRemoteSource(RemoteSourceNode node, Integer depth)
        {
            print(depth, "RemoteSource[" + node.exchangeType() + ", fragments = " + node.sourceFragmentIds() + "]", node);
            return null;
        }

        @Override
        public Void visitAggregation(AggregationNode node, Integer depth)
        {
            String keys = node.groupingKeys().isEmpty() ? "" : ", keys = [" + symbolList(node.groupingKeys()) + "]";
            print(depth, "Aggregate[" + node.step() + keys + "]", node);
            if (!node.intermediates().isEmpty()) {
                detail(depth, "intermediates: " + symbolList(node.intermediates()));
            }
            for (Aggregation aggregation : node.aggregations()) {
                String arguments = aggregation.arguments().isEmpty() ? "*" : symbolList(aggregation.arguments());
                detail(depth, aggregation.output().name() + " := " + aggregation.functionName() + "(" + (aggregation.distinct() ? "DISTINCT " : "") + arguments + ")"
                        + aggregation.mask().map(mask -> " FILTER (WHERE " + mask.name() + ")").orElse(""));
            }
            return visitSources(node, depth);
        }

        @Override
        public Void visitSort(SortNode node, Integer depth)
        {
            print(depth, "Sort[" + orderings(node.orderBy()) + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitTopN(TopNNode node, Integer depth)
        {
            print(depth, "TopN[" + node.count() + ", " + orderings(node.orderBy()) + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitLimit(LimitNode node, Integer depth)
        {
            print(depth, "Limit[" + node.count() + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitJoin(JoinNode node, Integer depth)
        {
            String criteria = node.criteria().stream().map(Object::toString).collect(Collectors.joining(" AND "));
            print(depth, node.type().label() + "[" + criteria + "]", node);
            node.filter().ifPresent(filter -> detail(depth, "filter: " + ExpressionFormatter.format(filter)));
            if (node.singleMatch()) {
                detail(depth, "at most one match per left row");
            }
            return visitSources(node, depth);
        }

        @Override
        public Void visitGroupId(GroupIdNode node, Integer depth)
        {
            List<String> sets = new ArrayList<>();
            for (List<Integer> set : node.groupingSets()) {
                sets.add("(" + set.stream().map(index -> node.keyInputs().get(index).name()).collect(Collectors.joining(", ")) + ")");
            }
            print(depth, "GroupId[" + String.join(", ", sets) + "]", node);
            for (GroupIdNode.GroupingColumn column : node.groupingColumns()) {
                detail(depth, column.output().name() + " := grouping(" + column.keyIndexes().stream().map(index -> node.keyInputs().get(index).name()).collect(Collectors.joining(", ")) + ")");
            }
            return visitSources(node, depth);
        }

        @Override
        public Void visitSemiJoin(SemiJoinNode node, Integer depth)
        {
            String criteria = node.criteria().stream().map(Object::toString).collect(Collectors.joining(" AND "));
            print(depth, "SemiJoin[" + criteria + "]", node);
            detail(depth, node.output().name() + (node.nullAware() ? " := IN (null-aware)" : " := EXISTS"));
            node.filter().ifPresent(filter -> detail(depth, "filter: " + ExpressionFormatter.format(filter)));
            return visitSources(node, depth);
        }

        @Override
        public Void visitEnforceSingleRow(EnforceSingleRowNode node, Integer depth)
        {
            print(depth, "EnforceSingleRow", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitUnion(UnionNode node, Integer depth)
        {
            print(depth, "Union", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitSetOperation(SetOperationNode node, Integer depth)
        {
            print(depth, node.kind() + (node.distinct() ? "[DISTINCT]" : "[ALL]"), node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitOffset(OffsetNode node, Integer depth)
        {
            print(depth, "Offset[" + node.count() + "]", node);
            return visitSources(node, depth);
        }

        @Override
        public Void visitWindow(WindowNode node, Integer depth)
        {
            String partition = node.partitionBy().isEmpty() ? "" : "partitionBy = [" + symbolList(node.partitionBy()) + "]";
            String order = node.orderBy().isEmpty() ? "" : "orderBy = [" + orderings(node.orderBy()) + "]";
            print(depth, "Window[" + partition + (!partition.isEmpty() && !order.isEmpty() ? ", " : "") + order + "]", node);
            for (WindowFunction function : node.functions()) {
                detail(depth, function.output().name() + " := " + function.name() + "(" + symbolList(function.arguments()) + ") " + function.frame());
            }
            return visitSources(node, depth);
        }

        private Void visitSources(PlanNode node, int depth)
        {
            node.sources().forEach(source -> source.accept(this, depth + 1));
            return null;
        }

        private void print(int depth, String text, PlanNode node)
        {
            output.append(INDENT.repeat(depth)).append("- ").append(text).append(" => [")
                    .append(node.outputSymbols().stream().map(symbol -> symbol.name() + ":" + symbol.type().displayName()).collect(Collectors.joining(", ")))
                    .append("]\n");
            for (String line : annotations.apply(node.id())) {
                detail(depth, line);
            }
        }

        private void detail(int depth, String text)
        {
            output.append(INDENT.repeat(depth)).append(INDENT).append(INDENT).append(text).append('\n');
        }
    }

    private String tableName(TableHandle table)
    {
        try {
            return metadata.getTableName(session, table).toString();
        }
        catch (StrataException | UnsupportedOperationException e) {
            return table.catalogName() + ":" + table.connectorHandle();
        }
    }

    private Map<ColumnHandle, String> columnNames(TableHandle table)
    {
        Map<ColumnHandle, String> names = new HashMap<>();
        try {
            for (TableColumn column : metadata.getColumns(session, table)) {
                names.put(column.handle(), column.name());
            }
        }
        catch (StrataException | UnsupportedOperationException e) {
            // the column handles' own text then
        }
        return names;
    }

    private static String symbolList(List<Symbol> symbols)
    {
        return symbols.stream().map(Symbol::name).collect(Collectors.joining(", "));
    }

    private static String orderings(List<Ordering> orderings)
    {
        return orderings.stream()
                .map(ordering -> ordering.symbol().name() + " " + (ordering.sortOrder().isAscending() ? "ASC" : "DESC") + " NULLS " + (ordering.sortOrder().isNullsFirst() ? "FIRST" : "LAST"))
                .collect(Collectors.joining(", "));
    }

    /** A domain as ranges in interval notation: {@code [0.05, 0.07]}, {@code (-inf, DATE '1998-09-02']}, {@code NULL}, {@code NOT NULL}. */
    static String formatDomain(Domain domain)
    {
        if (!domain.nullAllowed() && domain.ranges().size() == 1 && domain.ranges().get(0).low().isEmpty() && domain.ranges().get(0).high().isEmpty()) {
            return "NOT NULL";
        }
        List<String> parts = new ArrayList<>();
        for (Range range : domain.ranges()) {
            Optional<String> low = range.low().map(value -> ExpressionFormatter.formatValue(value, domain.type()));
            Optional<String> high = range.high().map(value -> ExpressionFormatter.formatValue(value, domain.type()));
            if (low.isPresent() && high.isPresent() && range.lowInclusive() && range.highInclusive() && low.get().equals(high.get())) {
                parts.add("[" + low.get() + "]");
                continue;
            }
            parts.add((range.lowInclusive() ? "[" : "(") + low.orElse("-inf") + ", " + high.orElse("+inf") + (range.highInclusive() ? "]" : ")"));
        }
        if (domain.nullAllowed()) {
            parts.add("NULL");
        }
        return parts.isEmpty() ? "NONE" : String.join(" OR ", parts);
    }
}
