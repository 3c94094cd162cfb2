package io.strata.core.analyzer;

import io.strata.core.analyzer.ExpressionAnalyzer.Context;
import io.strata.core.analyzer.ExpressionAnalyzer.Grouping;
import io.strata.core.analyzer.Scope.ResolvedField;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.OperatorType;
import io.strata.core.metadata.QualifiedObjectName;
import io.strata.core.metadata.ResolvedTable;
import io.strata.core.metadata.TableColumn;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import io.strata.sql.tree.AliasedRelation;
import io.strata.sql.tree.AllColumns;
import io.strata.sql.tree.DereferenceExpression;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.GroupingElement;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.Join;
import io.strata.sql.tree.JoinCriteria;
import io.strata.sql.tree.JoinOn;
import io.strata.sql.tree.JoinUsing;
import io.strata.sql.tree.Limit;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.OrderBy;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.QueryBody;
import io.strata.sql.tree.QuerySpecification;
import io.strata.sql.tree.Relation;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SelectItem;
import io.strata.sql.tree.SetOperation;
import io.strata.sql.tree.SimpleGroupBy;
import io.strata.sql.tree.SingleColumn;
import io.strata.sql.tree.SortItem;
import io.strata.sql.tree.Table;
import io.strata.sql.tree.TableSubquery;
import io.strata.sql.tree.Values;
import io.strata.sql.tree.WithQuery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Binds queries and the relations they read: tables, VALUES, query specifications with their grouping,
 * joins, set operations, WITH queries, subqueries in FROM and (through {@link SubqueryAnalyzer}) in expressions.
 */
final class QueryAnalyzer
{
    private final Metadata metadata;
    private final Session session;
    private final ExpressionAnalyzer expressions;
    private final SubqueryAnalyzer subqueries = new SubqueryAnalyzer(this);
    // the scope around the subquery being analyzed: the fields its correlated references may name
    private Optional<Scope> outerScope = Optional.empty();
    // the WITH queries in scope, innermost first
    private final Deque<Map<String, BoundRelation>> withQueries = new ArrayDeque<>();

    QueryAnalyzer(Metadata metadata, Session session, ExpressionAnalyzer expressions)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.expressions = requireNonNull(expressions, "expressions is null");
    }

    QueryAnalysis analyzeStatement(Query query)
    {
        expressions.useSubqueryAnalyzer(subqueries);
        BoundRelation relation = analyzeQuery(query);
        List<String> columnNames = new ArrayList<>();
        for (int i = 0; i < relation.type().size(); i++) {
            columnNames.add(relation.type().field(i).name().orElse("_col" + i));
        }
        return new QueryAnalysis(relation, columnNames, subqueries.subqueries());
    }

    /** A subquery of an expression, whose correlated references may name fields of {@code outer}. */
    BoundRelation analyzeSubquery(Query query, Scope outer)
    {
        Optional<Scope> saved = outerScope;
        outerScope = Optional.of(outer);
        try {
            return unqualified(analyzeQuery(query));
        }
        finally {
            outerScope = saved;
        }
    }

    BoundRelation analyzeQuery(Query query)
    {
        if (query.with().isEmpty()) {
            return analyzeQueryWithoutWith(query);
        }
        Map<String, BoundRelation> named = new LinkedHashMap<>();
        withQueries.addFirst(named);
        try {
            for (WithQuery withQuery : query.with().get().queries()) {
                String name = withQuery.name().value().toLowerCase(Locale.ENGLISH);
                if (named.containsKey(name)) {
                    throw error(ErrorCode.SYNTAX_ERROR, withQuery, "WITH query name '" + withQuery.name().value() + "' specified more than once");
                }
                BoundRelation relation = unqualified(analyzeQuery(withQuery.query()));
                if (!withQuery.columnNames().isEmpty()) {
                    List<String> columnNames = withQuery.columnNames().stream().map(identifier -> identifier.value().toLowerCase(Locale.ENGLISH)).toList();
                    if (columnNames.size() != relation.type().size()) {
                        throw error(ErrorCode.SYNTAX_ERROR, withQuery, "WITH column alias list has " + columnNames.size() + " entries but WITH query '"
                                + withQuery.name().value() + "' has " + relation.type().size() + " columns");
                    }
                    relation = unqualified(retype(relation, relation.type().withAlias(name, columnNames)));
                }
                named.put(name, relation);
            }
            return analyzeQueryWithoutWith(query);
        }
        finally {
            withQueries.removeFirst();
        }
    }

    private BoundRelation analyzeQueryWithoutWith(Query query)
    {
        if (query.queryBody() instanceof QuerySpecification specification) {
            return analyzeQuerySpecification(specification);
        }
        BoundRelation body = analyzeQueryBody(query.queryBody());
        if (query.orderBy().isEmpty() && query.limit().isEmpty() && query.offset().isEmpty()) {
            return body;
        }
        List<BoundSortItem> orderBy = query.orderBy().map(order -> analyzeFieldOrderBy(order, body.type())).orElse(List.of());
        if (query.offset().isPresent()) {
            return new BoundOffset(new BoundQuery(body, orderBy, OptionalLong.empty()), query.offset().get().rowCount(), limit(query.limit()));
        }
        return new BoundQuery(body, orderBy, limit(query.limit()));
    }

    private BoundRelation analyzeQueryBody(QueryBody body)
    {
        if (body instanceof QuerySpecification specification) {
            return analyzeQuerySpecification(specification);
        }
        if (body instanceof Values values) {
            return analyzeValues(values);
        }
        if (body instanceof TableSubquery subquery) {
            return unqualified(analyzeQuery(subquery.query()));
        }
        if (body instanceof SetOperation setOperation) {
            return analyzeSetOperation(setOperation);
        }
        throw notSupported(body, body.getClass().getSimpleName() + " is");
    }

    /** A subquery's fields keep their names but lose their qualification, as they leave their FROM. */
    private static BoundRelation unqualified(BoundRelation relation)
    {
        boolean qualified = relation.type().fields().stream().anyMatch(field -> field.relationName().isPresent());
        if (!qualified) {
            return relation;
        }
        RelationType type = new RelationType(relation.type().fields().stream().map(field -> field.withRelationName(Optional.empty(), field.name())).toList());
        return retype(relation, type);
    }

    private static BoundRelation retype(BoundRelation relation, RelationType type)
    {
        if (relation instanceof BoundQuerySpecification specification) {
            return new BoundQuerySpecification(specification.from(), specification.where(), specification.aggregation(), specification.having(),
                    specification.projections(), specification.distinct(), specification.orderBy(), specification.limit(), type, specification.windowFunctions());
        }
        if (relation instanceof BoundValues values) {
            return new BoundValues(values.rows(), type);
        }
        if (relation instanceof BoundQuery query) {
            return new BoundQuery(retype(query.body(), type), query.orderBy(), query.limit());
        }
        if (relation instanceof BoundTable table) {
            return new BoundTable(table.table(), type);
        }
        if (relation instanceof BoundJoin join) {
            return new BoundJoin(join.joinType(), join.left(), join.right(), join.criteria(), type);
        }
        if (relation instanceof BoundSetOperation setOperation) {
            return new BoundSetOperation(setOperation.operation(), setOperation.distinct(), setOperation.left(), setOperation.right(), type);
        }
        if (relation instanceof BoundOffset offset) {
            return new BoundOffset(retype(offset.source(), type), offset.offset(), offset.limit());
        }
        throw new IllegalArgumentException("unknown relation " + relation);
    }

    private BoundRelation analyzeRelation(Relation relation)
    {
        if (relation instanceof Table table) {
            return analyzeTable(table);
        }
        if (relation instanceof AliasedRelation aliased) {
            BoundRelation inner = analyzeRelation(aliased.relation());
            List<String> columnNames = aliased.columnNames().stream().map(identifier -> identifier.value().toLowerCase(Locale.ENGLISH)).toList();
            if (!columnNames.isEmpty() && columnNames.size() != inner.type().size()) {
                throw error(ErrorCode.SYNTAX_ERROR, aliased, "Column alias list has " + columnNames.size() + " entries but '" + aliased.alias().value()
                        + "' has " + inner.type().size() + " columns available");
            }
            return retype(inner, inner.type().withAlias(aliased.alias().value().toLowerCase(Locale.ENGLISH), columnNames));
        }
        if (relation instanceof Join join) {
            return analyzeJoin(join);
        }
        if (relation instanceof QueryBody body) {
            return analyzeQueryBody(body);
        }
        throw notSupported(relation, relation.getClass().getSimpleName() + " is");
    }

    private BoundRelation analyzeTable(Table table)
    {
        if (table.name().parts().size() == 1) {
            String name = table.name().parts().get(0).toLowerCase(Locale.ENGLISH);
            for (Map<String, BoundRelation> named : withQueries) {
                BoundRelation withQuery = named.get(name);
                if (withQuery != null) {
                    return retype(withQuery, withQuery.type().withAlias(name, List.of()));
                }
            }
        }
        ResolvedTable resolved = metadata.resolveTable(session, table.name().parts(), table.location());
        QualifiedObjectName name = resolved.name();
        List<String> qualifiedName = List.of(name.catalogName(), name.schemaName(), name.objectName());
        List<Field> fields = new ArrayList<>();
        for (TableColumn column : resolved.columns()) {
            fields.add(new Field(Optional.of(qualifiedName), Optional.of(column.name()), column.type(), Optional.of(name), Optional.of(column.name())));
        }
        return new BoundTable(resolved, new RelationType(fields));
    }

    private BoundValues analyzeValues(Values values)
    {
        Context context = Context.plain(Scope.of(RelationType.EMPTY), "VALUES");
        List<List<RowExpression>> rows = new ArrayList<>();
        for (Expression row : values.rows()) {
            List<Expression> items = row instanceof Row rowValue ? rowValue.items() : List.of(row);
            List<RowExpression> analyzed = items.stream().map(item -> expressions.analyze(item, context)).toList();
            if (analyzed.stream().anyMatch(Expressions::containsSubquery)) {
                throw notSupported(row, "Subqueries in VALUES are");
            }
            if (!rows.isEmpty() && rows.get(0).size() != analyzed.size()) {
                throw error(ErrorCode.TYPE_MISMATCH, row, "Values rows have mismatched sizes: " + rows.get(0).size() + " and " + analyzed.size());
            }
            rows.add(analyzed);
        }
        int columns = rows.get(0).size();
        List<Field> fields = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            int index = column;
            List<Type> columnTypes = rows.stream().map(row -> row.get(index).type()).toList();
            Type type = TypeCoercion.commonSuperType(columnTypes)
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, values, "Values rows have mismatched types in column " + (index + 1) + ": "
                            + columnTypes.stream().distinct().map(Type::displayName).toList()));
            types.add(type);
            fields.add(Field.unqualified(Optional.empty(), type));
        }
        List<List<RowExpression>> coerced = rows.stream()
                .map(row -> {
                    List<RowExpression> result = new ArrayList<>();
                    for (int i = 0; i < row.size(); i++) {
                        result.add(ExpressionAnalyzer.coerce(row.get(i), types.get(i)));
                    }
                    return result;
                })
                .toList();
        return new BoundValues(coerced, new RelationType(fields));
    }

    /** ORDER BY over a relation's fields (for bodies other than a query specification): ordinals and field names. */
    private List<BoundSortItem> analyzeFieldOrderBy(OrderBy orderBy, RelationType type)
    {
        Context context = Context.plain(Scope.of(type), "ORDER BY clause");
        List<BoundSortItem> items = new ArrayList<>();
        for (SortItem item : orderBy.sortItems()) {
            int field;
            if (item.sortKey() instanceof LongLiteral ordinal) {
                field = ordinal(ordinal, type.size(), "ORDER BY");
            }
            else {
                RowExpression key = expressions.analyze(item.sortKey(), context);
                if (!(key instanceof InputReference reference)) {
                    throw notSupported(item, "ORDER BY expressions over VALUES are");
                }
                field = reference.channel();
            }
            items.add(new BoundSortItem(field, sortOrder(item)));
        }
        return items;
    }

    /** One entry of the SELECT list after expanding {@code *}: a field of FROM, or an expression. */
    private record SelectEntry(OptionalInt field, Optional<Expression> expression, Optional<String> name, Node node)
    {
    }

    private BoundRelation analyzeQuerySpecification(QuerySpecification specification)
    {
        BoundRelation from = specification.from().map(this::analyzeRelation).orElse(BoundValues.SINGLE_ROW);
        Scope scope = new Scope(from.type(), outerScope);

        Optional<RowExpression> where = specification.where()
                .map(expression -> ExpressionAnalyzer.requireBoolean(expressions.analyze(expression, Context.plain(scope, "WHERE clause")), "WHERE clause", expression.location()));

        List<SelectEntry> entries = selectEntries(specification, from.type());

        List<RowExpression> keys = new ArrayList<>();
        List<List<Integer>> groupingSets = List.of();
        if (specification.groupBy().isPresent()) {
            Context context = Context.plain(scope, "GROUP BY clause");
            GroupingSetsBuilder sets = new GroupingSetsBuilder();
            for (GroupingElement element : specification.groupBy().get().groupingElements()) {
                if (element instanceof SimpleGroupBy simple) {
                    sets.addElement(List.of(List.of(groupingKey(simple.expression(), entries, from, context))));
                    continue;
                }
                List<List<RowExpression>> elementSets = new ArrayList<>();
                for (List<Expression> set : GroupingSetsBuilder.expand(element)) {
                    elementSets.add(set.stream().map(expression -> groupingKey(expression, entries, from, context)).toList());
                }
                sets.addElement(elementSets);
            }
            keys.addAll(sets.keys());
            groupingSets = sets.isPlain() ? List.of() : sets.sets();
        }

        boolean aggregated = specification.groupBy().isPresent()
                || specification.having().isPresent()
                || entries.stream().anyMatch(entry -> entry.expression().map(expressions::containsAggregate).orElse(false))
                || specification.orderBy().map(orderBy -> orderBy.sortItems().stream().anyMatch(item -> expressions.containsAggregate(item.sortKey()))).orElse(false);
        Optional<Grouping> grouping = aggregated ? Optional.of(new Grouping(keys, groupingSets)) : Optional.empty();

        WindowCollector windows = new WindowCollector();
        List<RowExpression> projections = new ArrayList<>();
        List<Field> outputFields = new ArrayList<>();
        Context selectContext = context(scope, grouping, "SELECT clause");
        for (SelectEntry entry : entries) {
            RowExpression projection;
            Optional<Field> origin = Optional.empty();
            if (entry.field().isPresent()) {
                int index = entry.field().getAsInt();
                Field field = from.type().field(index);
                origin = Optional.of(field);
                projection = groupedField(new InputReference(index, field.type()), grouping, field, entry.node());
            }
            else {
                Expression expression = entry.expression().orElseThrow();
                projection = expressions.analyzeWithWindows(expression, selectContext, windows);
                Optional<QualifiedName> name = DereferenceExpression.toQualifiedName(expression);
                if (name.isPresent()) {
                    origin = scope.tryResolve(name.get().parts(), expression.location()).map(ResolvedField::field);
                }
            }
            projections.add(projection);
            outputFields.add(new Field(Optional.empty(), entry.name(), projection.type(),
                    origin.flatMap(Field::originTable), origin.flatMap(Field::originColumn)));
        }

        Optional<RowExpression> having = specification.having()
                .map(expression -> ExpressionAnalyzer.requireBoolean(expressions.analyze(expression, context(scope, grouping, "HAVING clause")), "HAVING clause", expression.location()));

        boolean distinct = specification.select().distinct();
        List<BoundSortItem> orderBy = specification.orderBy()
                .map(order -> analyzeOrderBy(order, scope, grouping, projections, outputFields, distinct, windows))
                .orElse(List.of());
        Optional<BoundAggregation> aggregation = grouping.map(group -> new BoundAggregation(group.keys(), group.aggregates(), group.sets()));
        List<RowExpression> outputs = projections;
        List<BoundWindowFunction> windowFunctions = List.of();
        if (!windows.isEmpty()) {
            int windowedWidth = aggregation.map(group -> group.outputType().size()).orElse(from.type().size());
            outputs = projections.stream().map(projection -> WindowCollector.resolvePlaceholders(projection, windowedWidth)).toList();
            windowFunctions = windows.functions();
        }
        if (specification.offset().isPresent()) {
            BoundQuerySpecification unlimited = new BoundQuerySpecification(from, where, aggregation, having, outputs, distinct, orderBy, OptionalLong.empty(),
                    new RelationType(outputFields), windowFunctions);
            return new BoundOffset(unlimited, specification.offset().get().rowCount(), limit(specification.limit()));
        }
        return new BoundQuerySpecification(from, where, aggregation, having, outputs, distinct, orderBy, limit(specification.limit()), new RelationType(outputFields),
                windowFunctions);
    }

    private RowExpression groupingKey(Expression expression, List<SelectEntry> entries, BoundRelation from, Context context)
    {
        if (expression instanceof LongLiteral ordinal) {
            SelectEntry entry = entries.get(ordinal(ordinal, entries.size(), "GROUP BY"));
            return entry.field().isPresent()
                    ? new InputReference(entry.field().getAsInt(), from.type().field(entry.field().getAsInt()).type())
                    : expressions.analyze(entry.expression().orElseThrow(), context);
        }
        return expressions.analyze(expression, context);
    }

    private BoundRelation analyzeJoin(Join join)
    {
        BoundRelation left = analyzeRelation(join.left());
        BoundRelation right = analyzeRelation(join.right());
        List<Field> fields = new ArrayList<>(left.type().fields());
        fields.addAll(right.type().fields());
        RelationType type = new RelationType(fields);
        if (join.type() == Join.Type.CROSS || join.type() == Join.Type.IMPLICIT) {
            return new BoundJoin(BoundJoin.Type.CROSS, left, right, Optional.empty(), type);
        }
        BoundJoin.Type joinType = switch (join.type()) {
            case INNER -> BoundJoin.Type.INNER;
            case LEFT -> BoundJoin.Type.LEFT;
            case RIGHT -> BoundJoin.Type.RIGHT;
            case FULL -> BoundJoin.Type.FULL;
            default -> throw new IllegalArgumentException("unknown join type " + join.type());
        };
        if (join.criteria().isEmpty()) {
            throw error(ErrorCode.SYNTAX_ERROR, join, join.type() + " JOIN needs ON or USING");
        }
        JoinCriteria criteria = join.criteria().get();
        if (criteria instanceof JoinOn on) {
            Context context = Context.plain(new Scope(type, outerScope), "JOIN criteria");
            RowExpression condition = ExpressionAnalyzer.requireBoolean(expressions.analyze(on.expression(), context), "JOIN ON clause", on.expression().location());
            if (Expressions.containsSubquery(condition)) {
                throw notSupported(on.expression(), "Subqueries in JOIN ON criteria are");
            }
            return new BoundJoin(joinType, left, right, Optional.of(condition), type);
        }
        return analyzeJoinUsing(join, joinType, left, right, type, (JoinUsing) criteria);
    }

    /**
     * {@code USING (k, ...)}: an ON join on the columns' equality, under a projection of the join columns (one
     * each, the non-null side's for a full join), then the left's other fields, then the right's.
     */
    private BoundRelation analyzeJoinUsing(Join join, BoundJoin.Type joinType, BoundRelation left, BoundRelation right, RelationType type, JoinUsing using)
    {
        List<RowExpression> conditions = new ArrayList<>();
        List<RowExpression> projections = new ArrayList<>();
        List<Field> outputFields = new ArrayList<>();
        Set<Integer> leftUsed = new HashSet<>();
        Set<Integer> rightUsed = new HashSet<>();
        int leftSize = left.type().size();
        for (Identifier column : using.columns()) {
            String name = column.value().toLowerCase(Locale.ENGLISH);
            int leftField = usingField(left.type(), name, column, "left");
            int rightField = usingField(right.type(), name, column, "right");
            leftUsed.add(leftField);
            rightUsed.add(rightField);
            RowExpression leftValue = new InputReference(leftField, left.type().field(leftField).type());
            RowExpression rightValue = new InputReference(leftSize + rightField, right.type().field(rightField).type());
            RowExpression condition = expressions.comparison(OperatorType.EQUAL, leftValue, rightValue, column);
            conditions.add(condition);
            Type common = TypeCoercion.commonSuperType(leftValue.type(), rightValue.type()).orElseThrow();
            RowExpression value = switch (joinType) {
                case RIGHT -> ExpressionAnalyzer.coerce(rightValue, common);
                case FULL -> new SpecialForm(SpecialForm.Form.COALESCE,
                        List.of(ExpressionAnalyzer.coerce(leftValue, common), ExpressionAnalyzer.coerce(rightValue, common)), common);
                default -> ExpressionAnalyzer.coerce(leftValue, common);
            };
            projections.add(value);
            outputFields.add(Field.unqualified(Optional.of(name), common));
        }
        for (int i = 0; i < leftSize; i++) {
            if (!leftUsed.contains(i)) {
                projections.add(new InputReference(i, left.type().field(i).type()));
                outputFields.add(left.type().field(i));
            }
        }
        for (int i = 0; i < right.type().size(); i++) {
            if (!rightUsed.contains(i)) {
                projections.add(new InputReference(leftSize + i, right.type().field(i).type()));
                outputFields.add(right.type().field(i));
            }
        }
        BoundJoin bound = new BoundJoin(joinType, left, right, Optional.of(Expressions.and(conditions)), type);
        return new BoundQuerySpecification(bound, Optional.empty(), Optional.empty(), Optional.empty(), projections, false, List.of(), OptionalLong.empty(),
                new RelationType(outputFields));
    }

    private static int usingField(RelationType type, String name, Node node, String side)
    {
        List<Integer> matches = type.resolve(List.of(), name);
        if (matches.isEmpty()) {
            throw error(ErrorCode.COLUMN_NOT_FOUND, node, "Column '" + name + "' is missing from " + side + " side of join");
        }
        if (matches.size() > 1) {
            throw error(ErrorCode.AMBIGUOUS_NAME, node, "Column '" + name + "' is ambiguous on the " + side + " side of join");
        }
        return matches.get(0);
    }

    private BoundRelation analyzeSetOperation(SetOperation operation)
    {
        BoundRelation left = analyzeQueryBody(operation.left());
        BoundRelation right = analyzeQueryBody(operation.right());
        String name = operation.type().toString();
        if (left.type().size() != right.type().size()) {
            throw error(ErrorCode.SYNTAX_ERROR, operation, name + " query has different number of fields: " + left.type().size() + ", " + right.type().size());
        }
        List<Type> types = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < left.type().size(); i++) {
            Type leftType = left.type().field(i).type();
            Type rightType = right.type().field(i).type();
            int column = i;
            Type common = TypeCoercion.commonSuperType(leftType, rightType)
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, operation, "column " + (column + 1) + " in " + name + " query has incompatible types: "
                            + leftType.displayName() + ", " + rightType.displayName()));
            types.add(common);
            fields.add(Field.unqualified(left.type().field(i).name(), common));
        }
        BoundSetOperation.Operation kind = switch (operation.type()) {
            case UNION -> BoundSetOperation.Operation.UNION;
            case INTERSECT -> BoundSetOperation.Operation.INTERSECT;
            case EXCEPT -> BoundSetOperation.Operation.EXCEPT;
        };
        return new BoundSetOperation(kind, operation.distinct(), coerceFields(left, types), coerceFields(right, types), new RelationType(fields));
    }

    /** The relation with its fields cast to {@code types}: itself when they have them already. */
    private static BoundRelation coerceFields(BoundRelation relation, List<Type> types)
    {
        if (relation.type().types().equals(types)) {
            return relation;
        }
        List<RowExpression> projections = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            Field field = relation.type().field(i);
            projections.add(ExpressionAnalyzer.coerce(new InputReference(i, field.type()), types.get(i)));
            fields.add(Field.unqualified(field.name(), types.get(i)));
        }
        return new BoundQuerySpecification(relation, Optional.empty(), Optional.empty(), Optional.empty(), projections, false, List.of(), OptionalLong.empty(),
                new RelationType(fields));
    }

    private static Context context(Scope scope, Optional<Grouping> grouping, String clause)
    {
        return grouping.map(group -> Context.grouped(scope, group, clause)).orElse(Context.plain(scope, clause));
    }

    /** A field of FROM in the SELECT list of a grouped query must be a grouping key. */
    private static RowExpression groupedField(InputReference reference, Optional<Grouping> grouping, Field field, Node node)
    {
        if (grouping.isEmpty()) {
            return reference;
        }
        int key = grouping.get().keys().indexOf(reference);
        if (key < 0) {
            throw error(ErrorCode.SYNTAX_ERROR, node, "'" + field.name().orElse("*") + "' must be an aggregate expression or appear in GROUP BY clause");
        }
        return new InputReference(key, reference.type());
    }

    private List<SelectEntry> selectEntries(QuerySpecification specification, RelationType fromType)
    {
        List<SelectEntry> entries = new ArrayList<>();
        for (SelectItem item : specification.select().selectItems()) {
            if (item instanceof AllColumns allColumns) {
                if (specification.from().isEmpty()) {
                    throw error(ErrorCode.SYNTAX_ERROR, item, "SELECT * not allowed in queries without FROM clause");
                }
                List<Integer> fields;
                if (allColumns.prefix().isPresent()) {
                    fields = fromType.fieldsOf(allColumns.prefix().get().parts());
                    if (fields.isEmpty()) {
                        throw error(ErrorCode.TABLE_NOT_FOUND, item, "Unable to resolve reference " + allColumns.prefix().get() + ".*");
                    }
                }
                else {
                    fields = new ArrayList<>();
                    for (int i = 0; i < fromType.size(); i++) {
                        fields.add(i);
                    }
                }
                for (int field : fields) {
                    entries.add(new SelectEntry(OptionalInt.of(field), Optional.empty(), fromType.field(field).name(), item));
                }
            }
            else {
                SingleColumn column = (SingleColumn) item;
                Optional<String> name = column.alias().map(Identifier::value)
                        .or(() -> DereferenceExpression.toQualifiedName(column.expression()).map(QualifiedName::suffix));
                entries.add(new SelectEntry(OptionalInt.empty(), Optional.of(column.expression()), name, item));
            }
        }
        return entries;
    }

    private List<BoundSortItem> analyzeOrderBy(OrderBy orderBy, Scope scope, Optional<Grouping> grouping, List<RowExpression> projections, List<Field> outputFields, boolean distinct,
            WindowCollector windows)
    {
        int visible = outputFields.size();
        Map<String, RowExpression> aliases = new LinkedHashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Map<String, Integer> aliasFields = new HashMap<>();
        for (int i = 0; i < visible; i++) {
            Optional<String> name = outputFields.get(i).name().map(value -> value.toLowerCase(Locale.ENGLISH));
            if (name.isEmpty()) {
                continue;
            }
            RowExpression existing = aliases.putIfAbsent(name.get(), projections.get(i));
            if (existing == null) {
                aliasFields.put(name.get(), i);
            }
            else if (!existing.equals(projections.get(i))) {
                ambiguous.add(name.get());
            }
        }
        Context context = context(scope, grouping, "ORDER BY clause").withAliases(aliases);
        List<BoundSortItem> items = new ArrayList<>();
        for (SortItem item : orderBy.sortItems()) {
            Expression key = item.sortKey();
            int field;
            if (key instanceof LongLiteral ordinal) {
                field = ordinal(ordinal, visible, "ORDER BY");
            }
            else {
                if (key instanceof Identifier identifier && ambiguous.contains(identifier.value().toLowerCase(Locale.ENGLISH))) {
                    throw error(ErrorCode.AMBIGUOUS_NAME, key, "Column '" + identifier.value() + "' is ambiguous");
                }
                RowExpression expression = expressions.analyzeWithWindows(key, context, windows);
                if (key instanceof Identifier identifier && aliasFields.containsKey(identifier.value().toLowerCase(Locale.ENGLISH))) {
                    field = aliasFields.get(identifier.value().toLowerCase(Locale.ENGLISH));
                }
                else {
                    field = projections.indexOf(expression);
                }
                if (field < 0 || (distinct && field >= visible)) {
                    if (distinct) {
                        throw error(ErrorCode.SYNTAX_ERROR, key, "For SELECT DISTINCT, ORDER BY expressions must appear in select list");
                    }
                    projections.add(expression);
                    field = projections.size() - 1;
                }
            }
            items.add(new BoundSortItem(field, sortOrder(item)));
        }
        return items;
    }

    private static SortOrder sortOrder(SortItem item)
    {
        boolean ascending = item.ordering() == SortItem.Ordering.ASCENDING;
        // Presto puts nulls last unless told otherwise, in both directions
        boolean nullsFirst = item.nullOrdering() == SortItem.NullOrdering.FIRST;
        if (ascending) {
            return nullsFirst ? SortOrder.ASC_NULLS_FIRST : SortOrder.ASC_NULLS_LAST;
        }
        return nullsFirst ? SortOrder.DESC_NULLS_FIRST : SortOrder.DESC_NULLS_LAST;
    }

    /** The 0-based field of a 1-based ordinal, or an error naming the clause. */
    private static int ordinal(LongLiteral ordinal, int fieldCount, String clause)
    {
        if (ordinal.value() < 1 || ordinal.value() > fieldCount) {
            throw error(ErrorCode.SYNTAX_ERROR, ordinal, clause + " position " + ordinal.value() + " is not in select list");
        }
        return (int) ordinal.value() - 1;
    }

    private static OptionalLong limit(Optional<Limit> limit)
    {
        return limit.map(value -> OptionalLong.of(value.rowCount())).orElse(OptionalLong.empty());
    }

    private static StrataException error(ErrorCode code, Node node, String message)
    {
        return new StrataException(code, node.location(), message, null);
    }

    private static StrataException notSupported(Node node, String what)
    {
        return error(ErrorCode.NOT_SUPPORTED, node, what + " not supported yet");
    }
}
