package io.strata.core.planner;

import io.strata.core.analyzer.Analysis;
import io.strata.core.analyzer.BoundAggregate;
import io.strata.core.analyzer.BoundAggregation;
import io.strata.core.analyzer.BoundJoin;
import io.strata.core.analyzer.BoundOffset;
import io.strata.core.analyzer.BoundQuery;
import io.strata.core.analyzer.BoundQuerySpecification;
import io.strata.core.analyzer.BoundRelation;
import io.strata.core.analyzer.BoundSetOperation;
import io.strata.core.analyzer.BoundSortItem;
import io.strata.core.analyzer.BoundSubquery;
import io.strata.core.analyzer.BoundTable;
import io.strata.core.analyzer.BoundValues;
import io.strata.core.analyzer.BoundWindowFunction;
import io.strata.core.analyzer.Field;
import io.strata.core.analyzer.QueryAnalysis;
import io.strata.core.analyzer.RowsAnalysis;
import io.strata.core.expression.Constant;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.OuterReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SubqueryReference;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.TableColumn;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowFrameSpec;
import io.strata.core.planner.plan.WindowFunction;
import io.strata.core.planner.plan.WindowNode;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.TupleDomain;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Turns an analysis into a logical plan, one relation at a time, bottom-up. A query specification becomes
 * <pre>
 * Output &lt;- [Limit] &lt;- [Sort] &lt;- [Aggregate (DISTINCT)] &lt;- Project (SELECT list and hidden ORDER BY keys)
 *        &lt;- [Filter (HAVING)] &lt;- [Aggregate &lt;- Project (keys, arguments)] &lt;- [Filter (WHERE)] &lt;- source
 * </pre>
 * where a table's source is a scan of all its columns: the optimizer prunes what is not used and pushes
 * what it can of the filters into the connector. Each relation's fields become symbols; the bound
 * expressions' {@code InputReference}s become references to those symbols. Joins become {@link JoinNode}s
 * with their ON condition as filter (the optimizer extracts equi-criteria), set operations become unions or
 * {@link SetOperationNode}s, and the subqueries of a clause's expressions are joined to the clause's relation
 * by the {@link SubqueryPlanner}, which decorrelates them.
 */
public final class LogicalPlanner
{
    private final Metadata metadata;
    private final Session session;
    private final SymbolAllocator symbolAllocator;
    private final PlanNodeIdAllocator idAllocator;
    // the subqueries of the statement's expressions, by id
    private List<BoundSubquery> subqueries = List.of();
    // what correlated references of the subquery being planned resolve to: the enclosing clause's fields, innermost first
    private final Deque<List<Optional<Symbol>>> outerFields = new ArrayDeque<>();

    public LogicalPlanner(Metadata metadata, Session session, SymbolAllocator symbolAllocator, PlanNodeIdAllocator idAllocator)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.symbolAllocator = requireNonNull(symbolAllocator, "symbolAllocator is null");
        this.idAllocator = requireNonNull(idAllocator, "idAllocator is null");
    }

    /** A relation's plan: the node that produces it and the symbol of each of its fields. */
    record RelationPlan(PlanNode root, List<Symbol> fields)
    {
    }

    /** The plan of a query or of rows known at analysis time. */
    public OutputNode plan(Analysis analysis)
    {
        if (analysis instanceof QueryAnalysis query) {
            subqueries = query.subqueries();
            RelationPlan plan = planRelation(query.relation());
            return new OutputNode(idAllocator.nextId(), plan.root(), query.columnNames(), plan.fields());
        }
        if (analysis instanceof RowsAnalysis rows) {
            List<Symbol> symbols = new ArrayList<>();
            for (int i = 0; i < rows.columnNames().size(); i++) {
                symbols.add(symbolAllocator.newSymbol(rows.columnNames().get(i), rows.columnTypes().get(i)));
            }
            List<List<RowExpression>> values = new ArrayList<>();
            for (List<Object> row : rows.rows()) {
                List<RowExpression> constants = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    constants.add(new Constant(row.get(i), rows.columnTypes().get(i)));
                }
                values.add(constants);
            }
            return new OutputNode(idAllocator.nextId(), new ValuesNode(idAllocator.nextId(), symbols, values), rows.columnNames(), symbols);
        }
        throw new IllegalArgumentException("no plan for " + analysis.getClass().getSimpleName());
    }

    private RelationPlan planRelation(BoundRelation relation)
    {
        if (relation instanceof BoundTable table) {
            return planTable(table);
        }
        if (relation instanceof BoundValues values) {
            return planValues(values);
        }
        if (relation instanceof BoundQuerySpecification specification) {
            return planQuerySpecification(specification);
        }
        if (relation instanceof BoundQuery query) {
            RelationPlan body = planRelation(query.body());
            PlanNode root = sortAndLimit(body.root(), query.orderBy(), query.limit(), body.fields());
            return new RelationPlan(root, body.fields());
        }
        if (relation instanceof BoundJoin join) {
            return planJoin(join);
        }
        if (relation instanceof BoundSetOperation setOperation) {
            return planSetOperation(setOperation);
        }
        if (relation instanceof BoundOffset offset) {
            RelationPlan source = planRelation(offset.source());
            PlanNode root = new OffsetNode(idAllocator.nextId(), source.root(), offset.offset());
            if (offset.limit().isPresent()) {
                root = new LimitNode(idAllocator.nextId(), root, offset.limit().getAsLong());
            }
            return new RelationPlan(root, source.fields());
        }
        throw new IllegalArgumentException("no plan for " + relation.getClass().getSimpleName());
    }

    private SubqueryPlanner subqueryPlanner()
    {
        return new SubqueryPlanner(subqueries, symbolAllocator, idAllocator, this::planCorrelated, this::translate);
    }

    /** A subquery's relation, whose correlated references resolve to {@code outer}. */
    private RelationPlan planCorrelated(BoundRelation relation, List<Optional<Symbol>> outer)
    {
        outerFields.addFirst(outer);
        try {
            return planRelation(relation);
        }
        finally {
            outerFields.removeFirst();
        }
    }

    /**
     * What a correlated reference to field {@code i} of a grouped query's FROM means after the grouping: the
     * grouping key that is that field, if one is.
     */
    private static List<Optional<Symbol>> groupedOuterFields(int fromSize, BoundAggregation aggregation, List<Symbol> groupedFields)
    {
        List<Optional<Symbol>> result = new ArrayList<>();
        for (int i = 0; i < fromSize; i++) {
            int key = -1;
            for (int k = 0; k < aggregation.groupingKeys().size(); k++) {
                if (aggregation.groupingKeys().get(k) instanceof InputReference reference && reference.channel() == i) {
                    key = k;
                }
            }
            result.add(key < 0 ? Optional.empty() : Optional.of(groupedFields.get(key)));
        }
        return result;
    }

    /**
     * The bound expression over {@code fields}: input references become references to the fields' symbols,
     * correlated references to the symbols of the enclosing clause.
     */
    private RowExpression translate(RowExpression expression, List<Symbol> fields)
    {
        return Expressions.rewriteBottomUp(expression, node -> {
            if (node instanceof InputReference reference) {
                return new SymbolReference(fields.get(reference.channel()));
            }
            if (node instanceof OuterReference reference) {
                List<Optional<Symbol>> outer = outerFields.peekFirst();
                if (outer == null || reference.channel() >= outer.size() || outer.get(reference.channel()).isEmpty()) {
                    throw new StrataException(ErrorCode.UNSUPPORTED_SUBQUERY,
                            "A correlated reference in a grouped query must be to a grouping key");
                }
                return new SymbolReference(outer.get(reference.channel()).get());
            }
            if (node instanceof SubqueryReference) {
                throw new StrataException(ErrorCode.NOT_SUPPORTED, "Subqueries in GROUP BY, aggregate arguments and JOIN criteria are not supported yet");
            }
            return node;
        });
    }

    private RelationPlan planJoin(BoundJoin join)
    {
        RelationPlan left = planRelation(join.left());
        RelationPlan right = planRelation(join.right());
        List<Symbol> fields = new ArrayList<>(left.fields());
        fields.addAll(right.fields());
        JoinNode.Type type = switch (join.joinType()) {
            case CROSS, INNER -> JoinNode.Type.INNER;
            case LEFT -> JoinNode.Type.LEFT;
            case RIGHT -> JoinNode.Type.RIGHT;
            case FULL -> JoinNode.Type.FULL;
        };
        Optional<RowExpression> filter = join.criteria().map(criteria -> translate(criteria, fields));
        JoinNode node = new JoinNode(idAllocator.nextId(), type, left.root(), right.root(), List.of(), filter);
        return new RelationPlan(node, fields);
    }

    /**
     * {@code UNION ALL} concatenates; {@code UNION} then groups by every field; INTERSECT and EXCEPT count each
     * row's occurrences on both sides in a {@link SetOperationNode}.
     */
    private RelationPlan planSetOperation(BoundSetOperation operation)
    {
        RelationPlan left = planRelation(operation.left());
        RelationPlan right = planRelation(operation.right());
        List<Symbol> outputs = new ArrayList<>();
        for (Field field : operation.type().fields()) {
            outputs.add(symbolAllocator.newSymbol(field.name().orElse("field"), field.type()));
        }
        List<PlanNode> sources = List.of(left.root(), right.root());
        List<List<Symbol>> inputs = List.of(left.fields(), right.fields());
        if (operation.operation() == BoundSetOperation.Operation.UNION) {
            PlanNode union = new UnionNode(idAllocator.nextId(), sources, outputs, inputs);
            if (operation.distinct()) {
                union = new AggregationNode(idAllocator.nextId(), union, outputs, List.of());
            }
            return new RelationPlan(union, outputs);
        }
        SetOperationNode.Kind kind = operation.operation() == BoundSetOperation.Operation.INTERSECT ? SetOperationNode.Kind.INTERSECT : SetOperationNode.Kind.EXCEPT;
        return new RelationPlan(new SetOperationNode(idAllocator.nextId(), kind, operation.distinct(), sources, outputs, inputs), outputs);
    }

    private RelationPlan planTable(BoundTable table)
    {
        List<Symbol> symbols = new ArrayList<>();
        List<ColumnHandle> columns = new ArrayList<>();
        for (TableColumn column : table.table().columns()) {
            symbols.add(symbolAllocator.newSymbol(column.name(), column.type()));
            columns.add(column.handle());
        }
        TableScanNode scan = new TableScanNode(
                idAllocator.nextId(),
                table.table().handle().catalogName(),
                table.table().handle().connectorHandle(),
                symbols,
                columns,
                TupleDomain.all(),
                metadata.getTableStatistics(session, table.table().handle()));
        return new RelationPlan(scan, symbols);
    }

    private RelationPlan planValues(BoundValues values)
    {
        List<Symbol> symbols = new ArrayList<>();
        for (Field field : values.type().fields()) {
            symbols.add(symbolAllocator.newSymbol(field.name().orElse("field"), field.type()));
        }
        return new RelationPlan(new ValuesNode(idAllocator.nextId(), symbols, values.rows()), symbols);
    }

    private RelationPlan planQuerySpecification(BoundQuerySpecification specification)
    {
        RelationPlan source = planRelation(specification.from());
        PlanNode root = source.root();
        List<Symbol> fields = source.fields();

        List<Optional<Symbol>> fromFields = fields.stream().map(Optional::of).toList();
        if (specification.where().isPresent()) {
            SubqueryPlanner.Applied applied = subqueryPlanner().apply(root, fields, fromFields, List.of(specification.where().get()));
            root = new FilterNode(idAllocator.nextId(), applied.root(), subqueryPlanner().translate(specification.where().get(), fields, applied.values()));
        }
        List<Optional<Symbol>> clauseOuter = fromFields;
        if (specification.aggregation().isPresent()) {
            RelationPlan aggregated = planAggregation(root, fields, specification.aggregation().get());
            clauseOuter = groupedOuterFields(fields.size(), specification.aggregation().get(), aggregated.fields());
            root = aggregated.root();
            fields = aggregated.fields();
        }
        List<RowExpression> postAggregation = new ArrayList<>();
        specification.having().ifPresent(postAggregation::add);
        postAggregation.addAll(specification.projections());
        SubqueryPlanner.Applied applied = subqueryPlanner().apply(root, fields, clauseOuter, postAggregation);
        root = applied.root();
        if (specification.having().isPresent()) {
            root = new FilterNode(idAllocator.nextId(), root, subqueryPlanner().translate(specification.having().get(), fields, applied.values()));
        }
        if (!specification.windowFunctions().isEmpty()) {
            RelationPlan windowed = planWindows(root, fields, specification.windowFunctions());
            root = windowed.root();
            fields = windowed.fields();
        }

        int visible = specification.type().size();
        Projection projection = new Projection();
        List<Symbol> projected = new ArrayList<>();
        for (int i = 0; i < specification.projections().size(); i++) {
            String hint = i < visible ? specification.type().field(i).name().orElse("expr") : "expr";
            projected.add(projection.symbolFor(subqueryPlanner().translate(specification.projections().get(i), fields, applied.values()), hint));
        }
        root = projection.over(root);
        List<Symbol> outputs = projected.subList(0, visible);

        if (specification.distinct()) {
            root = new AggregationNode(idAllocator.nextId(), root, List.copyOf(new LinkedHashSet<>(outputs)), List.of());
        }
        root = sortAndLimit(root, specification.orderBy(), specification.limit(), projected);
        return new RelationPlan(root, outputs);
    }

    /**
     * {@code Aggregate <- Project}: the projection computes the keys, arguments and filters that are not plain
     * symbols yet; the grouped relation's fields are the key symbols, then the aggregates' outputs.
     */
    private RelationPlan planAggregation(PlanNode source, List<Symbol> fields, BoundAggregation aggregation)
    {
        if (!aggregation.groupingSets().isEmpty() || aggregation.aggregates().stream().anyMatch(aggregate -> aggregate.functionName().equals(BoundAggregation.GROUPING))) {
            return planGroupingSets(source, fields, aggregation);
        }
        Projection projection = new Projection();
        List<Symbol> keys = new ArrayList<>();
        for (RowExpression key : aggregation.groupingKeys()) {
            keys.add(projection.symbolFor(translate(key, fields), "expr"));
        }
        List<Aggregation> aggregations = new ArrayList<>();
        for (BoundAggregate aggregate : aggregation.aggregates()) {
            List<Symbol> arguments = new ArrayList<>();
            for (RowExpression argument : aggregate.arguments()) {
                arguments.add(projection.symbolFor(translate(argument, fields), "expr"));
            }
            Optional<Symbol> mask = aggregate.filter().map(filter -> projection.symbolFor(translate(filter, fields), "mask"));
            Symbol output = symbolAllocator.newSymbol(aggregate.functionName(), aggregate.type());
            aggregations.add(new Aggregation(output, aggregate.functionName(), arguments, aggregate.distinct(), mask));
        }
        AggregationNode node = new AggregationNode(idAllocator.nextId(), projection.over(source), keys, aggregations);
        return new RelationPlan(node, node.outputSymbols());
    }

    /**
     * {@code Aggregate <- GroupId <- Project}: GroupId repeats each row once per grouping set with the keys
     * outside the set nulled; the aggregation groups by the nulled keys and the set's id. {@code grouping(...)}
     * becomes {@code min} over its per-set constant. The grouped relation's fields are the keys, then the aggregates.
     */
    private RelationPlan planGroupingSets(PlanNode source, List<Symbol> fields, BoundAggregation aggregation)
    {
        Projection projection = new Projection();
        List<Symbol> keyInputs = new ArrayList<>();
        for (RowExpression key : aggregation.groupingKeys()) {
            keyInputs.add(projection.symbolFor(Expressions.inputsToSymbols(key, fields), "expr"));
        }
        List<Symbol> keyOutputs = keyInputs.stream().map(key -> symbolAllocator.newSymbol(key.name(), key.type())).toList();
        List<List<Integer>> sets = aggregation.groupingSets();
        if (sets.isEmpty()) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < keyInputs.size(); i++) {
                all.add(i);
            }
            sets = List.of(all);
        }
        List<GroupIdNode.GroupingColumn> groupingColumns = new ArrayList<>();
        Optional<Symbol> rowMask = sets.stream().anyMatch(List::isEmpty) ? Optional.of(symbolAllocator.newSymbol("row", BooleanType.BOOLEAN)) : Optional.empty();
        List<Aggregation> aggregations = new ArrayList<>();
        for (BoundAggregate aggregate : aggregation.aggregates()) {
            Symbol output = symbolAllocator.newSymbol(aggregate.functionName(), aggregate.type());
            if (aggregate.functionName().equals(BoundAggregation.GROUPING)) {
                Symbol column = symbolAllocator.newSymbol("grouping", aggregate.type());
                groupingColumns.add(new GroupIdNode.GroupingColumn(column, aggregate.arguments().stream().map(aggregation.groupingKeys()::indexOf).toList()));
                aggregations.add(new Aggregation(output, "min", List.of(column), false, Optional.empty()));
                continue;
            }
            List<Symbol> arguments = new ArrayList<>();
            for (RowExpression argument : aggregate.arguments()) {
                arguments.add(projection.symbolFor(Expressions.inputsToSymbols(argument, fields), "expr"));
            }
            // a FILTER mask is NULL on the grand total's padding row, so it excludes that row by itself
            Optional<Symbol> mask = aggregate.filter().map(filter -> projection.symbolFor(Expressions.inputsToSymbols(filter, fields), "mask")).or(() -> rowMask);
            aggregations.add(new Aggregation(output, aggregate.functionName(), arguments, aggregate.distinct(), mask));
        }
        Symbol groupId = symbolAllocator.newSymbol("groupid", BigintType.BIGINT);
        GroupIdNode groupIdNode = new GroupIdNode(idAllocator.nextId(), projection.over(source), keyInputs, keyOutputs, sets, groupId, groupingColumns, rowMask);
        List<Symbol> aggregationKeys = new ArrayList<>(keyOutputs);
        aggregationKeys.add(groupId);
        AggregationNode node = new AggregationNode(idAllocator.nextId(), groupIdNode, aggregationKeys, aggregations);
        List<Symbol> groupedFields = new ArrayList<>(keyOutputs);
        aggregations.forEach(value -> groupedFields.add(value.output()));
        return new RelationPlan(node, groupedFields);
    }

    /**
     * {@code Window <- ... <- Window <- Project}: the projection passes the fields through and computes the
     * functions' arguments, keys and frame offsets; one window node per distinct PARTITION BY and ORDER BY.
     * The windowed relation's fields are the source's, then one per function in the analysis' order.
     */
    private RelationPlan planWindows(PlanNode source, List<Symbol> fields, List<BoundWindowFunction> functions)
    {
        Projection projection = new Projection();
        fields.forEach(field -> projection.symbolFor(new SymbolReference(field), field.name()));
        record Specification(List<Symbol> partitionBy, List<Ordering> orderBy)
        {
        }
        Map<Specification, List<WindowFunction>> bySpecification = new LinkedHashMap<>();
        List<Symbol> outputs = new ArrayList<>();
        for (BoundWindowFunction function : functions) {
            List<Symbol> partitionBy = new ArrayList<>();
            for (RowExpression key : function.partitionBy()) {
                Symbol symbol = projection.symbolFor(Expressions.inputsToSymbols(key, fields), "partition");
                if (!partitionBy.contains(symbol)) {
                    partitionBy.add(symbol);
                }
            }
            List<Ordering> orderBy = new ArrayList<>();
            Set<Symbol> ordered = new HashSet<>();
            for (int i = 0; i < function.orderBy().size(); i++) {
                Symbol symbol = projection.symbolFor(Expressions.inputsToSymbols(function.orderBy().get(i), fields), "order");
                if (ordered.add(symbol)) {
                    orderBy.add(new Ordering(symbol, function.orderings().get(i)));
                }
            }
            List<Symbol> arguments = new ArrayList<>();
            for (RowExpression argument : function.arguments()) {
                arguments.add(projection.symbolFor(Expressions.inputsToSymbols(argument, fields), "expr"));
            }
            BoundWindowFunction.Frame frame = function.frame();
            WindowFrameSpec frameSpec = new WindowFrameSpec(frame.rows(),
                    frame.startType(), frame.startValue().map(value -> projection.symbolFor(Expressions.inputsToSymbols(value, fields), "offset")),
                    frame.endType(), frame.endValue().map(value -> projection.symbolFor(Expressions.inputsToSymbols(value, fields), "offset")));
            Symbol output = symbolAllocator.newSymbol(function.name(), function.type());
            outputs.add(output);
            bySpecification.computeIfAbsent(new Specification(partitionBy, orderBy), key -> new ArrayList<>())
                    .add(new WindowFunction(output, function.name(), arguments, frameSpec, function.aggregate()));
        }
        PlanNode root = projection.over(source);
        for (Map.Entry<Specification, List<WindowFunction>> entry : bySpecification.entrySet()) {
            root = new WindowNode(idAllocator.nextId(), root, entry.getKey().partitionBy(), entry.getKey().orderBy(), entry.getValue());
        }
        List<Symbol> windowedFields = new ArrayList<>(fields);
        windowedFields.addAll(outputs);
        return new RelationPlan(root, windowedFields);
    }

    private PlanNode sortAndLimit(PlanNode source, List<BoundSortItem> orderBy, OptionalLong limit, List<Symbol> fields)
    {
        PlanNode root = source;
        if (!orderBy.isEmpty()) {
            List<Ordering> orderings = new ArrayList<>();
            Set<Symbol> seen = new HashSet<>();
            for (BoundSortItem item : orderBy) {
                Symbol symbol = fields.get(item.field());
                if (seen.add(symbol)) {
                    orderings.add(new Ordering(symbol, item.order()));
                }
            }
            root = new SortNode(idAllocator.nextId(), root, orderings);
        }
        if (limit.isPresent()) {
            root = new LimitNode(idAllocator.nextId(), root, limit.getAsLong());
        }
        return root;
    }

    /** The assignments of one projection, each distinct expression computed once. */
    private final class Projection
    {
        private final Map<RowExpression, Symbol> assignments = new LinkedHashMap<>();

        Symbol symbolFor(RowExpression expression, String nameHint)
        {
            Symbol existing = assignments.get(expression);
            if (existing != null) {
                return existing;
            }
            Symbol symbol = expression instanceof SymbolReference reference ? reference.symbol() : symbolAllocator.newSymbol(nameHint, expression.type());
            assignments.put(expression, symbol);
            return symbol;
        }

        ProjectNode over(PlanNode source)
        {
            List<Assignment> list = new ArrayList<>();
            assignments.forEach((expression, symbol) -> list.add(new Assignment(symbol, expression)));
            return new ProjectNode(idAllocator.nextId(), source, list);
        }
    }
}
