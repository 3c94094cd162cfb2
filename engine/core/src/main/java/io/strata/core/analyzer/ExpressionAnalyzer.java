package io.strata.core.analyzer;

import io.strata.core.analyzer.Scope.ResolvedField;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.OuterReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SpecialForm.Form;
import io.strata.core.metadata.FunctionResolver;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.OperatorType;
import io.strata.core.metadata.ResolvedFunction;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.planner.Expressions;
import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;
import io.strata.sql.formatter.SqlFormatter;
import io.strata.sql.tree.ArithmeticBinary;
import io.strata.sql.tree.ArithmeticUnary;
import io.strata.sql.tree.ArrayConstructor;
import io.strata.sql.tree.AstVisitor;
import io.strata.sql.tree.BetweenPredicate;
import io.strata.sql.tree.BooleanLiteral;
import io.strata.sql.tree.Cast;
import io.strata.sql.tree.CoalesceExpression;
import io.strata.sql.tree.ComparisonExpression;
import io.strata.sql.tree.CurrentTime;
import io.strata.sql.tree.DecimalLiteral;
import io.strata.sql.tree.DereferenceExpression;
import io.strata.sql.tree.DoubleLiteral;
import io.strata.sql.tree.ExistsPredicate;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.Extract;
import io.strata.sql.tree.FunctionCall;
import io.strata.sql.tree.GenericLiteral;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.IfExpression;
import io.strata.sql.tree.InListPredicate;
import io.strata.sql.tree.InSubqueryPredicate;
import io.strata.sql.tree.IntervalLiteral;
import io.strata.sql.tree.IsNotNullPredicate;
import io.strata.sql.tree.IsNullPredicate;
import io.strata.sql.tree.LikePredicate;
import io.strata.sql.tree.LogicalExpression;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.NotExpression;
import io.strata.sql.tree.NullIfExpression;
import io.strata.sql.tree.NullLiteral;
import io.strata.sql.tree.Parameter;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.QuantifiedComparison;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SearchedCaseExpression;
import io.strata.sql.tree.SimpleCaseExpression;
import io.strata.sql.tree.StringLiteral;
import io.strata.sql.tree.SubqueryExpression;
import io.strata.sql.tree.SubscriptExpression;
import io.strata.sql.tree.WhenClause;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static java.util.Objects.requireNonNull;

/**
 * Binds AST expressions to IR: resolves column references to fields of the scope ({@link InputReference}s by
 * position), types literals, resolves functions and operators, and makes every implicit coercion an explicit
 * {@code CAST}.
 * <p>
 * In a grouped query (a {@link Grouping} in the context) the result is an expression over the grouped
 * relation instead: a sub-expression equal to a grouping key becomes a reference to that key, an aggregate
 * call is registered with the grouping and becomes a reference to its result, and any other column reference
 * is an error ("'x' must be an aggregate expression or appear in GROUP BY clause").
 */
final class ExpressionAnalyzer
{
    private final Session session;
    private final List<RowExpression> parameters;
    private final FunctionResolver functions;
    // set by the query analyzer of the statement, which binds the subqueries of expressions
    private SubqueryAnalyzer subqueries;
    // where window calls go while a SELECT list or ORDER BY is analyzed; empty where windows are not allowed
    private Optional<WindowCollector> windowCollector = Optional.empty();

    ExpressionAnalyzer(Metadata metadata, Session session, List<RowExpression> parameters)
    {
        requireNonNull(metadata, "metadata is null");
        this.session = requireNonNull(session, "session is null");
        this.parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
        this.functions = metadata.functions();
    }

    /**
     * The keys and aggregates of a grouped query. Aggregates are collected while the SELECT list, HAVING and
     * ORDER BY are analyzed; equal calls share one aggregate.
     */
    static final class Grouping
    {
        private final List<RowExpression> keys;
        private final List<BoundAggregate> aggregates = new ArrayList<>();
        private final List<List<Integer>> sets;

        Grouping(List<RowExpression> keys)
        {
            this(keys, List.of());
        }

        Grouping(List<RowExpression> keys, List<List<Integer>> sets)
        {
            this.keys = List.copyOf(keys);
            this.sets = List.copyOf(sets);
        }

        List<List<Integer>> sets()
        {
            return sets;
        }

        List<RowExpression> keys()
        {
            return keys;
        }

        List<BoundAggregate> aggregates()
        {
            return List.copyOf(aggregates);
        }

        /** The field of the grouped relation that holds the aggregate's result. */
        int register(BoundAggregate aggregate)
        {
            int index = aggregates.indexOf(aggregate);
            if (index < 0) {
                aggregates.add(aggregate);
                index = aggregates.size() - 1;
            }
            return keys.size() + index;
        }
    }

    /**
     * Where an expression is analyzed.
     *
     * @param scope the fields column references resolve to (of the relation before any grouping)
     * @param grouping present for the SELECT list, HAVING and ORDER BY of a grouped query
     * @param aliases ORDER BY only: output column names to the (already bound) SELECT expressions they stand for
     * @param clause what messages call the place, for aggregates where they are not allowed ("WHERE clause")
     * @param enclosingAggregate the aggregate whose arguments are being analyzed, if any
     */
    record Context(Scope scope, Optional<Grouping> grouping, Map<String, RowExpression> aliases, String clause, Optional<String> enclosingAggregate)
    {
        Context
        {
            requireNonNull(scope, "scope is null");
            requireNonNull(grouping, "grouping is null");
            aliases = Map.copyOf(requireNonNull(aliases, "aliases is null"));
            requireNonNull(clause, "clause is null");
            requireNonNull(enclosingAggregate, "enclosingAggregate is null");
        }

        /** Over the scope's fields, aggregates not allowed. */
        static Context plain(Scope scope, String clause)
        {
            return new Context(scope, Optional.empty(), Map.of(), clause, Optional.empty());
        }

        /** Over the grouped relation. */
        static Context grouped(Scope scope, Grouping grouping, String clause)
        {
            return new Context(scope, Optional.of(grouping), Map.of(), clause, Optional.empty());
        }

        Context withAliases(Map<String, RowExpression> newAliases)
        {
            return new Context(scope, grouping, newAliases, clause, enclosingAggregate);
        }

        Context ungrouped()
        {
            return new Context(scope, Optional.empty(), Map.of(), clause, enclosingAggregate);
        }

        Context insideAggregate(String aggregateName)
        {
            return new Context(scope, Optional.empty(), Map.of(), clause, Optional.of(aggregateName));
        }
    }

    RowExpression analyze(Expression expression, Context context)
    {
        return bind(expression, context);
    }

    /** {@code left operator right}, with the operator resolved and the operands coerced as in SQL. */
    RowExpression comparison(OperatorType operator, RowExpression left, RowExpression right, Node node)
    {
        ResolvedFunction function = functions.resolveOperator(operator, List.of(left.type(), right.type()), node.location());
        return call(function, List.of(left, right));
    }

    /** Who binds subqueries in expressions from now on (the statement's query analyzer). */
    void useSubqueryAnalyzer(SubqueryAnalyzer subqueryAnalyzer)
    {
        this.subqueries = requireNonNull(subqueryAnalyzer, "subqueryAnalyzer is null");
    }

    private SubqueryAnalyzer subqueries(Node node)
    {
        if (subqueries == null) {
            throw notSupported(node, "Subqueries here are");
        }
        return subqueries;
    }

    /** As {@link #analyze}, window function calls allowed and collected into {@code windows}. */
    RowExpression analyzeWithWindows(Expression expression, Context context, WindowCollector windows)
    {
        Optional<WindowCollector> previous = windowCollector;
        windowCollector = Optional.of(windows);
        try {
            return bind(expression, context);
        }
        finally {
            windowCollector = previous;
        }
    }

    private static boolean isGroupingOperation(Node node)
    {
        return node instanceof FunctionCall call && call.window().isEmpty() && call.name().parts().size() == 1
                && call.name().suffix().equalsIgnoreCase(BoundAggregation.GROUPING);
    }

    /** Whether the expression calls a window function anywhere. */
    static boolean containsWindow(Node node)
    {
        if (node instanceof FunctionCall call && call.window().isPresent()) {
            return true;
        }
        return node.children().stream().anyMatch(ExpressionAnalyzer::containsWindow);
    }

    /** Whether the expression calls an aggregate function anywhere outside its subqueries (which aggregate on their own). */
    boolean containsAggregate(Node node)
    {
        if (node instanceof SubqueryExpression || node instanceof ExistsPredicate) {
            return false;
        }
        if (node instanceof InSubqueryPredicate in) {
            return containsAggregate(in.value());
        }
        if (node instanceof QuantifiedComparison quantified) {
            return containsAggregate(quantified.value());
        }
        if (node instanceof FunctionCall call && call.window().isEmpty() && call.name().parts().size() == 1 && functions.isAggregate(call.name().suffix())) {
            return true;
        }
        if (isGroupingOperation(node)) {
            return true;
        }
        return node.children().stream().anyMatch(this::containsAggregate);
    }

    private static boolean containsSubquery(Node node)
    {
        if (node instanceof SubqueryExpression || node instanceof ExistsPredicate || node instanceof InSubqueryPredicate || node instanceof QuantifiedComparison) {
            return true;
        }
        return node.children().stream().anyMatch(ExpressionAnalyzer::containsSubquery);
    }

    private static boolean referencesAlias(Node node, Map<String, RowExpression> aliases)
    {
        if (aliases.isEmpty()) {
            return false;
        }
        if (node instanceof Identifier identifier) {
            return aliases.containsKey(canonical(identifier));
        }
        return node.children().stream().anyMatch(child -> referencesAlias(child, aliases));
    }

    private static String canonical(Identifier identifier)
    {
        return identifier.value().toLowerCase(Locale.ENGLISH);
    }

    private RowExpression bind(Expression node, Context context)
    {
        if (node instanceof Identifier identifier && context.aliases().containsKey(canonical(identifier))) {
            return context.aliases().get(canonical(identifier));
        }
        if (context.grouping().isPresent() && !containsAggregate(node) && !containsWindow(node) && !referencesAlias(node, context.aliases()) && !containsSubquery(node)) {
            Grouping grouping = context.grouping().get();
            RowExpression bound = node.accept(new Visitor(), context.ungrouped());
            int key = grouping.keys().indexOf(bound);
            if (key >= 0) {
                return new InputReference(key, bound.type());
            }
            if (Expressions.isInputFree(bound)) {
                return bound;
            }
            Optional<QualifiedName> name = DereferenceExpression.toQualifiedName(node);
            if (name.isPresent()) {
                throw new StrataException(ErrorCode.SYNTAX_ERROR, node.location(), "'" + name.get() + "' must be an aggregate expression or appear in GROUP BY clause", null);
            }
        }
        return node.accept(new Visitor(), context);
    }

    private static StrataException error(ErrorCode code, Node node, String message)
    {
        return new StrataException(code, node.location(), message, null);
    }

    private static StrataException notSupported(Node node, String what)
    {
        return error(ErrorCode.NOT_SUPPORTED, node, what + " not supported yet");
    }

    /** {@code expression} as {@code type}: itself, a typed null, or a cast. */
    static RowExpression coerce(RowExpression expression, Type type)
    {
        if (expression.type().equals(type)) {
            return expression;
        }
        if (expression instanceof Constant constant && constant.isNull()) {
            return Constant.nullConstant(type);
        }
        return new SpecialForm(Form.CAST, List.of(expression), type);
    }

    /** Like {@link #coerce}, but a varchar stays as it is where only its value matters (comparisons). */
    private static RowExpression coerceOperand(RowExpression expression, Type type)
    {
        if (expression.type() instanceof VarcharType && type instanceof VarcharType) {
            return expression;
        }
        return coerce(expression, type);
    }

    /**
     * The expression as a boolean ({@code NULL} becomes a boolean null).
     *
     * @param what the start of the message: {@code WHERE clause} gives "WHERE clause must evaluate to a boolean: actual type integer"
     */
    static RowExpression requireBoolean(RowExpression expression, String what, Optional<Location> location)
    {
        if (expression.type() instanceof BooleanType) {
            return expression;
        }
        if (expression.type() instanceof UnknownType) {
            return coerce(expression, BOOLEAN);
        }
        throw new StrataException(ErrorCode.TYPE_MISMATCH, location, what + " must evaluate to a boolean: actual type " + expression.type(), null);
    }

    private static String typeList(List<RowExpression> expressions)
    {
        return expressions.stream().map(expression -> expression.type().displayName()).collect(Collectors.joining(", "));
    }

    private List<RowExpression> coerceAll(List<RowExpression> expressions, Type type)
    {
        return expressions.stream().map(expression -> coerce(expression, type)).toList();
    }

    private RowExpression call(ResolvedFunction function, List<RowExpression> arguments)
    {
        List<RowExpression> coerced = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            coerced.add(coerceOperand(arguments.get(i), function.argumentTypes().get(i)));
        }
        return new Call(function.name(), coerced, function.returnType());
    }

    private final class Visitor
            implements AstVisitor<RowExpression, Context>
    {
        @Override
        public RowExpression visitNode(Node node, Context context)
        {
            throw notSupported(node, node.getClass().getSimpleName() + " is");
        }

        @Override
        public RowExpression visitNullLiteral(NullLiteral node, Context context)
        {
            return Constant.nullConstant(UnknownType.UNKNOWN);
        }

        @Override
        public RowExpression visitBooleanLiteral(BooleanLiteral node, Context context)
        {
            return new Constant(node.value(), BOOLEAN);
        }

        @Override
        public RowExpression visitLongLiteral(LongLiteral node, Context context)
        {
            return Literals.integerLiteral(node.value());
        }

        @Override
        public RowExpression visitDecimalLiteral(DecimalLiteral node, Context context)
        {
            return Literals.decimalLiteral(node.value(), node.location());
        }

        @Override
        public RowExpression visitDoubleLiteral(DoubleLiteral node, Context context)
        {
            return new Constant(node.value(), DOUBLE);
        }

        @Override
        public RowExpression visitStringLiteral(StringLiteral node, Context context)
        {
            return Literals.varcharLiteral(node.value());
        }

        @Override
        public RowExpression visitGenericLiteral(GenericLiteral node, Context context)
        {
            return Literals.genericLiteral(node.type(), node.value(), node.location());
        }

        @Override
        public RowExpression visitIntervalLiteral(IntervalLiteral node, Context context)
        {
            return Literals.intervalLiteral(node);
        }

        @Override
        public RowExpression visitParameter(Parameter node, Context context)
        {
            if (node.position() >= parameters.size()) {
                throw error(ErrorCode.INVALID_PARAMETER_USAGE, node, "Incorrect number of parameters: expected at least " + (node.position() + 1) + " but found " + parameters.size());
            }
            return parameters.get(node.position());
        }

        @Override
        public RowExpression visitIdentifier(Identifier node, Context context)
        {
            return resolveColumn(List.of(canonical(node)), node, context);
        }

        @Override
        public RowExpression visitDereferenceExpression(DereferenceExpression node, Context context)
        {
            Optional<QualifiedName> name = DereferenceExpression.toQualifiedName(node);
            if (name.isPresent()) {
                try {
                    return resolveColumn(name.get().parts(), node, context);
                }
                catch (StrataException columnError) {
                    // not a column: maybe a field of a row value
                    Optional<RowExpression> field = rowField(node, context);
                    if (field.isPresent()) {
                        return field.get();
                    }
                    throw columnError;
                }
            }
            return rowField(node, context).orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "Expression " + SqlFormatter.formatExpression(node.base()) + " is not of type ROW"));
        }

        private Optional<RowExpression> rowField(DereferenceExpression node, Context context)
        {
            RowExpression base;
            try {
                base = bind(node.base(), context);
            }
            catch (StrataException e) {
                return Optional.empty();
            }
            return NestedFunctionBinder.field(base, canonical(node.field()), node.location());
        }

        private RowExpression resolveColumn(List<String> parts, Expression node, Context context)
        {
            Optional<ResolvedField> local = context.scope().tryResolve(parts, node.location());
            if (local.isPresent()) {
                return new InputReference(local.get().index(), local.get().field().type());
            }
            Optional<Scope> outer = context.scope().outer();
            if (outer.isPresent()) {
                Optional<ResolvedField> outerField = outer.get().tryResolve(parts, node.location());
                if (outerField.isPresent()) {
                    return new OuterReference(outerField.get().index(), outerField.get().field().type());
                }
                for (Optional<Scope> further = outer.get().outer(); further.isPresent(); further = further.get().outer()) {
                    if (further.get().tryResolve(parts, node.location()).isPresent()) {
                        throw notSupported(node, "References to a query more than one level out of a subquery are");
                    }
                }
            }
            ResolvedField field = context.scope().resolve(parts, node.location());
            return new InputReference(field.index(), field.field().type());
        }

        @Override
        public RowExpression visitArithmeticBinary(ArithmeticBinary node, Context context)
        {
            OperatorType operator = switch (node.operator()) {
                case ADD -> OperatorType.ADD;
                case SUBTRACT -> OperatorType.SUBTRACT;
                case MULTIPLY -> OperatorType.MULTIPLY;
                case DIVIDE -> OperatorType.DIVIDE;
                case MODULUS -> OperatorType.MODULUS;
            };
            return operator(operator, List.of(bind(node.left(), context), bind(node.right(), context)), node);
        }

        @Override
        public RowExpression visitArithmeticUnary(ArithmeticUnary node, Context context)
        {
            RowExpression value = bind(node.value(), context);
            if (node.sign() == ArithmeticUnary.Sign.MINUS) {
                return operator(OperatorType.NEGATE, List.of(value), node);
            }
            Type type = value.type();
            if (TypeCoercion.isNumeric(type) || type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType || type instanceof UnknownType) {
                return value;
            }
            throw error(ErrorCode.TYPE_MISMATCH, node, "'+' cannot be applied to " + type);
        }

        private RowExpression operator(OperatorType operator, List<RowExpression> arguments, Node node)
        {
            ResolvedFunction function = functions.resolveOperator(operator, arguments.stream().map(RowExpression::type).toList(), node.location());
            return call(function, arguments);
        }

        @Override
        public RowExpression visitComparisonExpression(ComparisonExpression node, Context context)
        {
            OperatorType operator = switch (node.operator()) {
                case EQUAL -> OperatorType.EQUAL;
                case NOT_EQUAL -> OperatorType.NOT_EQUAL;
                case LESS_THAN -> OperatorType.LESS_THAN;
                case LESS_THAN_OR_EQUAL -> OperatorType.LESS_THAN_OR_EQUAL;
                case GREATER_THAN -> OperatorType.GREATER_THAN;
                case GREATER_THAN_OR_EQUAL -> OperatorType.GREATER_THAN_OR_EQUAL;
                case IS_DISTINCT_FROM -> OperatorType.IS_DISTINCT_FROM;
            };
            return operator(operator, List.of(bind(node.left(), context), bind(node.right(), context)), node);
        }

        @Override
        public RowExpression visitLogicalExpression(LogicalExpression node, Context context)
        {
            List<RowExpression> terms = new ArrayList<>();
            for (Expression term : node.terms()) {
                terms.add(requireBoolean(bind(term, context), node.operator() + " operand", term.location()));
            }
            return new SpecialForm(node.operator() == LogicalExpression.Operator.AND ? Form.AND : Form.OR, terms, BOOLEAN);
        }

        @Override
        public RowExpression visitNotExpression(NotExpression node, Context context)
        {
            RowExpression value = requireBoolean(bind(node.value(), context), "Value of logical NOT expression", node.value().location());
            return new Call(FunctionNames.NOT, List.of(value), BOOLEAN);
        }

        @Override
        public RowExpression visitIsNullPredicate(IsNullPredicate node, Context context)
        {
            return new SpecialForm(Form.IS_NULL, List.of(bind(node.value(), context)), BOOLEAN);
        }

        @Override
        public RowExpression visitIsNotNullPredicate(IsNotNullPredicate node, Context context)
        {
            RowExpression isNull = new SpecialForm(Form.IS_NULL, List.of(bind(node.value(), context)), BOOLEAN);
            return new Call(FunctionNames.NOT, List.of(isNull), BOOLEAN);
        }

        @Override
        public RowExpression visitBetweenPredicate(BetweenPredicate node, Context context)
        {
            List<RowExpression> operands = List.of(bind(node.value(), context), bind(node.min(), context), bind(node.max(), context));
            Type type = TypeCoercion.commonSuperType(operands.stream().map(RowExpression::type).toList())
                    .filter(Type::isOrderable)
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "Cannot check if " + operands.get(0).type() + " is BETWEEN " + operands.get(1).type() + " and " + operands.get(2).type()));
            return new SpecialForm(Form.BETWEEN, operands.stream().map(operand -> coerceOperand(operand, type)).toList(), BOOLEAN);
        }

        @Override
        public RowExpression visitInListPredicate(InListPredicate node, Context context)
        {
            List<RowExpression> operands = new ArrayList<>();
            operands.add(bind(node.value(), context));
            node.valueList().forEach(item -> operands.add(bind(item, context)));
            Type type = TypeCoercion.commonSuperType(operands.stream().map(RowExpression::type).toList())
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "IN value and list items must be the same type: " + typeList(operands)));
            return new SpecialForm(Form.IN, operands.stream().map(operand -> coerceOperand(operand, type)).toList(), BOOLEAN);
        }

        @Override
        public RowExpression visitLikePredicate(LikePredicate node, Context context)
        {
            List<RowExpression> arguments = new ArrayList<>();
            arguments.add(requireVarchar(bind(node.value(), context), "Left side of LIKE expression", node.value()));
            arguments.add(requireVarchar(bind(node.pattern(), context), "Pattern for LIKE expression", node.pattern()));
            node.escape().ifPresent(escape -> arguments.add(requireVarchar(bind(escape, context), "Escape for LIKE expression", escape)));
            return new Call(FunctionNames.LIKE, arguments, BOOLEAN);
        }

        private RowExpression requireVarchar(RowExpression expression, String what, Node node)
        {
            if (expression.type() instanceof VarcharType) {
                return expression;
            }
            if (expression.type() instanceof UnknownType) {
                return coerce(expression, VarcharType.VARCHAR);
            }
            throw error(ErrorCode.TYPE_MISMATCH, node, what + " must evaluate to a varchar (actual: " + expression.type() + ")");
        }

        @Override
        public RowExpression visitSimpleCaseExpression(SimpleCaseExpression node, Context context)
        {
            RowExpression operand = bind(node.operand(), context);
            List<RowExpression> conditions = new ArrayList<>();
            List<RowExpression> results = new ArrayList<>();
            for (WhenClause clause : node.whenClauses()) {
                RowExpression value = bind(clause.operand(), context);
                conditions.add(operator(OperatorType.EQUAL, List.of(operand, value), clause));
                results.add(bind(clause.result(), context));
            }
            return switchForm(node, conditions, results, node.defaultValue().map(value -> bind(value, context)));
        }

        @Override
        public RowExpression visitSearchedCaseExpression(SearchedCaseExpression node, Context context)
        {
            List<RowExpression> conditions = new ArrayList<>();
            List<RowExpression> results = new ArrayList<>();
            for (WhenClause clause : node.whenClauses()) {
                conditions.add(requireBoolean(bind(clause.operand(), context), "WHEN clause", clause.operand().location()));
                results.add(bind(clause.result(), context));
            }
            return switchForm(node, conditions, results, node.defaultValue().map(value -> bind(value, context)));
        }

        private RowExpression switchForm(Node node, List<RowExpression> conditions, List<RowExpression> results, Optional<RowExpression> defaultValue)
        {
            List<RowExpression> allResults = new ArrayList<>(results);
            defaultValue.ifPresent(allResults::add);
            Type type = TypeCoercion.commonSuperType(allResults.stream().map(RowExpression::type).toList())
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "All CASE results must be the same type: " + typeList(allResults)));
            List<RowExpression> arguments = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                arguments.add(conditions.get(i));
                arguments.add(coerce(results.get(i), type));
            }
            arguments.add(defaultValue.map(value -> coerce(value, type)).orElse(Constant.nullConstant(type)));
            return new SpecialForm(Form.SWITCH, arguments, type);
        }

        @Override
        public RowExpression visitIfExpression(IfExpression node, Context context)
        {
            RowExpression condition = requireBoolean(bind(node.condition(), context), "IF condition", node.condition().location());
            RowExpression trueValue = bind(node.trueValue(), context);
            Optional<RowExpression> falseValue = node.falseValue().map(value -> bind(value, context));
            List<RowExpression> values = new ArrayList<>();
            values.add(trueValue);
            falseValue.ifPresent(values::add);
            Type type = TypeCoercion.commonSuperType(values.stream().map(RowExpression::type).toList())
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "Result types for IF must be the same: " + typeList(values)));
            return new SpecialForm(Form.IF, List.of(condition, coerce(trueValue, type), falseValue.map(value -> coerce(value, type)).orElse(Constant.nullConstant(type))), type);
        }

        @Override
        public RowExpression visitCoalesceExpression(CoalesceExpression node, Context context)
        {
            List<RowExpression> operands = node.operands().stream().map(operand -> bind(operand, context)).toList();
            Type type = TypeCoercion.commonSuperType(operands.stream().map(RowExpression::type).toList())
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "All COALESCE operands must be the same type: " + typeList(operands)));
            return new SpecialForm(Form.COALESCE, coerceAll(operands, type), type);
        }

        @Override
        public RowExpression visitNullIfExpression(NullIfExpression node, Context context)
        {
            RowExpression first = bind(node.first(), context);
            RowExpression second = bind(node.second(), context);
            Type common = TypeCoercion.commonSuperType(first.type(), second.type())
                    .orElseThrow(() -> error(ErrorCode.TYPE_MISMATCH, node, "Types are not comparable with NULLIF: " + first.type() + " vs " + second.type()));
            if (first.type().equals(second.type()) || (first.type() instanceof VarcharType && second.type() instanceof VarcharType)) {
                return new SpecialForm(Form.NULL_IF, List.of(first, second), first.type());
            }
            // NULL_IF compares its arguments as they are; when their types differ, compare in the common type
            // and keep the first argument's type, as Presto does
            RowExpression equal = new Call(FunctionNames.EQUAL, List.of(coerce(first, common), coerce(second, common)), BOOLEAN);
            return new SpecialForm(Form.IF, List.of(equal, Constant.nullConstant(first.type()), first), first.type());
        }

        @Override
        public RowExpression visitCast(Cast node, Context context)
        {
            RowExpression value = bind(node.expression(), context);
            Type type = DataTypes.toType(node.type());
            if (!TypeCoercion.canCast(value.type(), type)) {
                throw error(ErrorCode.TYPE_MISMATCH, node, "Cannot cast " + value.type() + " to " + type);
            }
            if (value.type().equals(type)) {
                return value;
            }
            if (value instanceof Constant constant && constant.isNull()) {
                return Constant.nullConstant(type);
            }
            return new SpecialForm(node.safe() ? Form.TRY_CAST : Form.CAST, List.of(value), type);
        }

        @Override
        public RowExpression visitExtract(Extract node, Context context)
        {
            RowExpression value = bind(node.expression(), context);
            Optional<String> temporalField = ScalarLiterals.extractFunction(node.field(), value.type());
            if (temporalField.isPresent()) {
                return new Call(temporalField.get(), List.of(value), BIGINT);
            }
            String function;
            switch (node.field()) {
                case YEAR:
                    function = "year";
                    break;
                case MONTH:
                    function = "month";
                    break;
                case DAY:
                case DAY_OF_MONTH:
                    function = "day";
                    break;
                case QUARTER:
                    function = "quarter";
                    break;
                case WEEK:
                    function = "week";
                    break;
                case DAY_OF_WEEK:
                case DOW:
                    function = "day_of_week";
                    break;
                case DAY_OF_YEAR:
                case DOY:
                    function = "day_of_year";
                    break;
                case YEAR_OF_WEEK:
                case YOW:
                    function = "year_of_week";
                    break;
                case HOUR:
                case MINUTE:
                case SECOND:
                case TIMEZONE_HOUR:
                case TIMEZONE_MINUTE:
                    throw error(ErrorCode.TYPE_MISMATCH, node, "Cannot extract " + node.field() + " from " + value.type());
                default:
                    throw notSupported(node, "EXTRACT(" + node.field() + ") is");
            }
            if (!(value.type() instanceof DateType) && !(value.type() instanceof UnknownType)) {
                throw error(ErrorCode.TYPE_MISMATCH, node, "Cannot extract " + node.field() + " from " + value.type());
            }
            return new Call(function, List.of(coerce(value, DATE)), BIGINT);
        }

        @Override
        public RowExpression visitCurrentTime(CurrentTime node, Context context)
        {
            if (node.function() == CurrentTime.Function.CURRENT_DATE) {
                return new Constant((int) LocalDate.ofInstant(session.start(), session.timeZone()).toEpochDay(), DATE);
            }
            Optional<Constant> current = ScalarLiterals.currentTime(node.function(), node.precision(), session.start(), session.timeZone());
            if (current.isPresent()) {
                return current.get();
            }
            throw notSupported(node, node.function() + " is");
        }

        @Override
        public RowExpression visitFunctionCall(FunctionCall node, Context context)
        {
            if (node.window().isPresent()) {
                return window(node, context);
            }
            if (node.name().parts().size() == 1 && WindowFunctionSignatures.isWindowFunction(node.name().suffix().toLowerCase(Locale.ENGLISH))) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "Window function " + node.name().suffix().toLowerCase(Locale.ENGLISH) + " requires an OVER clause");
            }
            if (node.name().parts().size() > 1) {
                throw error(ErrorCode.FUNCTION_NOT_FOUND, node, "Function " + node.name() + " not registered");
            }
            String name = node.name().suffix();
            if (name.equalsIgnoreCase("now") && node.arguments().isEmpty()) {
                return ScalarLiterals.currentTime(CurrentTime.Function.CURRENT_TIMESTAMP, Optional.empty(), session.start(), session.timeZone()).orElseThrow();
            }
            if (isGroupingOperation(node)) {
                return grouping(node, context);
            }
            if (functions.isAggregate(name)) {
                return aggregate(node, name, context);
            }
            if (node.distinct()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "DISTINCT is not supported for non-aggregation functions");
            }
            if (node.filter().isPresent()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "Filter is only valid for aggregation functions");
            }
            List<RowExpression> arguments = node.arguments().stream().map(argument -> bind(argument, context)).toList();
            Optional<RowExpression> nested = NestedFunctionBinder.function(name, arguments, node.location());
            if (nested.isPresent()) {
                return nested.get();
            }
            ResolvedFunction function = functions.resolveFunction(name, arguments.stream().map(RowExpression::type).toList(), node.location());
            return call(function, arguments);
        }

        private RowExpression window(FunctionCall node, Context context)
        {
            if (context.enclosingAggregate().isPresent()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "Cannot nest window functions inside aggregation '" + context.enclosingAggregate().get() + "'");
            }
            if (windowCollector.isEmpty()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, context.clause() + " cannot contain aggregations or window functions");
            }
            WindowCollector collector = windowCollector.get();
            windowCollector = Optional.empty();
            try {
                return collector.register(new WindowCallBinder(functions, argument -> bind(argument, context)).bind(node));
            }
            finally {
                windowCollector = Optional.of(collector);
            }
        }

        /** {@code grouping(k1, ..., kn)}: a bigint whose bit {@code n - i} is set when {@code ki} is not in the row's grouping set. */
        private RowExpression grouping(FunctionCall node, Context context)
        {
            if (context.grouping().isEmpty() || context.enclosingAggregate().isPresent()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, context.clause() + " cannot contain grouping operations");
            }
            if (node.arguments().isEmpty() || node.arguments().size() > 62 || node.distinct() || node.filter().isPresent()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "Invalid grouping operation: " + SqlFormatter.formatExpression(node));
            }
            Grouping grouping = context.grouping().get();
            List<RowExpression> arguments = new ArrayList<>();
            for (Expression argument : node.arguments()) {
                RowExpression bound = bind(argument, context.insideAggregate(BoundAggregation.GROUPING));
                if (!grouping.keys().contains(bound)) {
                    throw error(ErrorCode.SYNTAX_ERROR, argument, "The arguments to GROUPING() must be expressions referenced by the GROUP BY at the associated query level");
                }
                arguments.add(bound);
            }
            BoundAggregate aggregate = new BoundAggregate(BoundAggregation.GROUPING, arguments, false, Optional.empty(), BIGINT);
            return new InputReference(grouping.register(aggregate), BIGINT);
        }

        private RowExpression aggregate(FunctionCall node, String name, Context context)
        {
            if (context.enclosingAggregate().isPresent()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, "Cannot nest aggregations inside aggregation '" + context.enclosingAggregate().get() + "'");
            }
            if (context.grouping().isEmpty()) {
                throw error(ErrorCode.SYNTAX_ERROR, node, context.clause() + " cannot contain aggregations or window functions");
            }
            Context argumentContext = context.insideAggregate(name);
            List<RowExpression> arguments = node.arguments().stream().map(argument -> bind(argument, argumentContext)).toList();
            Optional<RowExpression> filter = node.filter()
                    .map(expression -> requireBoolean(bind(expression, argumentContext), "FILTER clause", expression.location()));
            ResolvedFunction function = functions.resolveFunction(name, arguments.stream().map(RowExpression::type).toList(), node.location());
            List<RowExpression> coerced = new ArrayList<>();
            for (int i = 0; i < arguments.size(); i++) {
                coerced.add(coerce(arguments.get(i), function.argumentTypes().get(i)));
            }
            BoundAggregate aggregate = new BoundAggregate(function.name(), coerced, node.distinct(), filter, function.returnType());
            return new InputReference(context.grouping().get().register(aggregate), function.returnType());
        }

        @Override
        public RowExpression visitSubqueryExpression(SubqueryExpression node, Context context)
        {
            return subqueries(node).scalar(node.query(), context.scope(), node);
        }

        @Override
        public RowExpression visitInSubqueryPredicate(InSubqueryPredicate node, Context context)
        {
            RowExpression value = bind(node.value(), context);
            return subqueries(node).in(value, node.subquery(), context.scope(), BoundSubquery.Kind.IN, Optional.empty(), node);
        }

        @Override
        public RowExpression visitExistsPredicate(ExistsPredicate node, Context context)
        {
            return subqueries(node).exists(node.subquery(), context.scope());
        }

        @Override
        public RowExpression visitQuantifiedComparison(QuantifiedComparison node, Context context)
        {
            RowExpression value = bind(node.value(), context);
            OperatorType operator = switch (node.operator()) {
                case EQUAL -> OperatorType.EQUAL;
                case NOT_EQUAL -> OperatorType.NOT_EQUAL;
                case LESS_THAN -> OperatorType.LESS_THAN;
                case LESS_THAN_OR_EQUAL -> OperatorType.LESS_THAN_OR_EQUAL;
                case GREATER_THAN -> OperatorType.GREATER_THAN;
                case GREATER_THAN_OR_EQUAL -> OperatorType.GREATER_THAN_OR_EQUAL;
                case IS_DISTINCT_FROM -> throw error(ErrorCode.SYNTAX_ERROR, node, "IS DISTINCT FROM cannot be quantified");
            };
            BoundSubquery.Kind kind = node.quantifier() == QuantifiedComparison.Quantifier.ALL ? BoundSubquery.Kind.ALL : BoundSubquery.Kind.ANY;
            return subqueries(node).in(value, node.subquery(), context.scope(), kind, Optional.of(operator), node);
        }

        @Override
        public RowExpression visitArrayConstructor(ArrayConstructor node, Context context)
        {
            return NestedFunctionBinder.arrayConstructor(node.values().stream().map(value -> bind(value, context)).toList(), node.location());
        }

        @Override
        public RowExpression visitSubscriptExpression(SubscriptExpression node, Context context)
        {
            return NestedFunctionBinder.subscript(bind(node.base(), context), bind(node.index(), context), node.location());
        }

        @Override
        public RowExpression visitRow(Row node, Context context)
        {
            return NestedFunctionBinder.rowConstructor(node.items().stream().map(item -> bind(item, context)).toList());
        }
    }
}
