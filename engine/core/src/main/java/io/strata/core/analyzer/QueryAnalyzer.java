package io.strata.core.analyzer;

import io.strata.core.analyzer.ExpressionAnalyzer.Context;
import io.strata.core.analyzer.ExpressionAnalyzer.Grouping;
import io.strata.core.analyzer.Scope.ResolvedField;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.QualifiedObjectName;
import io.strata.core.metadata.ResolvedTable;
import io.strata.core.metadata.TableColumn;
import io.strata.core.metadata.TypeCoercion;
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

import java.util.ArrayList;
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
 * and subqueries in FROM. Joins, set operations and WITH are not supported yet.
 */
final class QueryAnalyzer
{
    private final Metadata metadata;
    private final Session session;
    private final ExpressionAnalyzer expressions;

    QueryAnalyzer(Metadata metadata, Session session, ExpressionAnalyzer expressions)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.expressions = requireNonNull(expressions, "expressions is null");
    }

    QueryAnalysis analyzeStatement(Query query)
    {
        BoundRelation relation = analyzeQuery(query);
        List<String> columnNames = new ArrayList<>();
        for (int i = 0; i < relation.type().size(); i++) {
            columnNames.add(relation.type().field(i).name().orElse("_col" + i));
        }
        return new QueryAnalysis(relation, columnNames);
    }

    BoundRelation analyzeQuery(Query query)
    {
        if (query.with().isPresent()) {
            throw notSupported(query.with().get(), "WITH is");
        }
        if (query.queryBody() instanceof QuerySpecification specification) {
            return analyzeQuerySpecification(specification);
        }
        BoundRelation body = analyzeQueryBody(query.queryBody());
        query.offset().ifPresent(offset -> {
            throw notSupported(offset, "OFFSET is");
        });
        if (query.orderBy().isEmpty() && query.limit().isEmpty()) {
            return body;
        }
        List<BoundSortItem> orderBy = query.orderBy().map(order -> analyzeFieldOrderBy(order, body.type())).orElse(List.of());
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
            throw notSupported(setOperation, setOperation.type() + " is");
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
            throw notSupported(join, "Joins are");
        }
        if (relation instanceof QueryBody body) {
            return analyzeQueryBody(body);
        }
        throw notSupported(relation, relation.getClass().getSimpleName() + " is");
    }

    private BoundTable analyzeTable(Table table)
    {
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

    private BoundQuerySpecification analyzeQuerySpecification(QuerySpecification specification)
    {
        BoundRelation from = specification.from().map(this::analyzeRelation).orElse(BoundValues.SINGLE_ROW);
        Scope scope = Scope.of(from.type());

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
        specification.offset().ifPresent(offset -> {
            throw notSupported(offset, "OFFSET is");
        });

        Optional<BoundAggregation> aggregation = grouping.map(group -> new BoundAggregation(group.keys(), group.aggregates(), group.sets()));
        if (windows.isEmpty()) {
            return new BoundQuerySpecification(from, where, aggregation, having, projections, distinct, orderBy, limit(specification.limit()), new RelationType(outputFields));
        }
        int windowedWidth = aggregation.map(group -> group.outputType().size()).orElse(from.type().size());
        List<RowExpression> resolved = projections.stream().map(projection -> WindowCollector.resolvePlaceholders(projection, windowedWidth)).toList();
        return new BoundQuerySpecification(from, where, aggregation, having, resolved, distinct, orderBy, limit(specification.limit()), new RelationType(outputFields),
                windows.functions());
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
