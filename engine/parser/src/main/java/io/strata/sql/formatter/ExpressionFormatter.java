package io.strata.sql.formatter;

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
import io.strata.sql.tree.FrameBound;
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
import io.strata.sql.tree.Literal;
import io.strata.sql.tree.LogicalExpression;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.NotExpression;
import io.strata.sql.tree.NullIfExpression;
import io.strata.sql.tree.NullLiteral;
import io.strata.sql.tree.OrderBy;
import io.strata.sql.tree.Parameter;
import io.strata.sql.tree.QuantifiedComparison;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SearchedCaseExpression;
import io.strata.sql.tree.SimpleCaseExpression;
import io.strata.sql.tree.SortItem;
import io.strata.sql.tree.StringLiteral;
import io.strata.sql.tree.SubqueryExpression;
import io.strata.sql.tree.SubscriptExpression;
import io.strata.sql.tree.WhenClause;
import io.strata.sql.tree.WindowFrame;
import io.strata.sql.tree.WindowSpecification;

import java.util.ArrayList;
import java.util.List;

import static java.util.stream.Collectors.joining;

/**
 * Formats an expression on one line (a subquery in it spans several), with the fewest parentheses that
 * keep the tree: an operand is parenthesized only when its operator binds less tightly than the grammar
 * allows in that place.
 */
final class ExpressionFormatter
        implements AstVisitor<String, Void>
{
    // how tightly each kind of expression binds, loosest first; the levels follow SqlBase.g4
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int PREDICATE = 4;
    private static final int ADDITIVE = 6;
    private static final int MULTIPLICATIVE = 7;
    private static final int UNARY = 8;
    private static final int PRIMARY = 9;

    String format(Expression expression)
    {
        return process(expression, null);
    }

    /** {@code expression}, parenthesized unless it binds at least as tightly as {@code level}. */
    private String operand(Expression expression, int level)
    {
        String text = format(expression);
        return precedence(expression) < level ? "(" + text + ")" : text;
    }

    private static int precedence(Expression expression)
    {
        if (expression instanceof LogicalExpression logical) {
            return logical.operator() == LogicalExpression.Operator.OR ? OR : AND;
        }
        if (expression instanceof NotExpression) {
            return NOT;
        }
        if (expression instanceof ComparisonExpression
                || expression instanceof QuantifiedComparison
                || expression instanceof BetweenPredicate
                || expression instanceof InListPredicate
                || expression instanceof InSubqueryPredicate
                || expression instanceof LikePredicate
                || expression instanceof IsNullPredicate
                || expression instanceof IsNotNullPredicate) {
            return PREDICATE;
        }
        if (expression instanceof ArithmeticBinary binary) {
            return switch (binary.operator()) {
                case ADD, SUBTRACT -> ADDITIVE;
                case MULTIPLY, DIVIDE, MODULUS -> MULTIPLICATIVE;
            };
        }
        if (expression instanceof ArithmeticUnary || isNegativeNumber(expression)) {
            return UNARY;
        }
        return PRIMARY;
    }

    private static boolean isNegativeNumber(Expression expression)
    {
        return (expression instanceof LongLiteral longLiteral && longLiteral.value() < 0)
                || (expression instanceof DoubleLiteral doubleLiteral && doubleLiteral.value() < 0)
                || (expression instanceof DecimalLiteral decimalLiteral && decimalLiteral.value().startsWith("-"));
    }

    @Override
    public String visitNode(Node node, Void context)
    {
        throw new IllegalArgumentException("not an expression: " + node.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- literals

    @Override
    public String visitNullLiteral(NullLiteral node, Void context)
    {
        return "NULL";
    }

    @Override
    public String visitBooleanLiteral(BooleanLiteral node, Void context)
    {
        return node.value() ? "TRUE" : "FALSE";
    }

    @Override
    public String visitLongLiteral(LongLiteral node, Void context)
    {
        return Long.toString(node.value());
    }

    @Override
    public String visitDecimalLiteral(DecimalLiteral node, Void context)
    {
        return node.value();
    }

    @Override
    public String visitDoubleLiteral(DoubleLiteral node, Void context)
    {
        if (Double.isNaN(node.value()) || Double.isInfinite(node.value())) {
            // not writable as a literal
            return "CAST('" + node.value() + "' AS double)";
        }
        String text = Double.toString(node.value());
        // an exponent keeps it a double literal when parsed again (1000.0 alone would be a decimal)
        return text.contains("E") ? text : text + "E0";
    }

    @Override
    public String visitStringLiteral(StringLiteral node, Void context)
    {
        return SqlFormatter.formatString(node.value());
    }

    @Override
    public String visitGenericLiteral(GenericLiteral node, Void context)
    {
        return SqlFormatter.formatTypeName(node.type()) + " " + SqlFormatter.formatString(node.value());
    }

    @Override
    public String visitIntervalLiteral(IntervalLiteral node, Void context)
    {
        StringBuilder text = new StringBuilder("INTERVAL ");
        if (node.sign() == IntervalLiteral.Sign.NEGATIVE) {
            text.append("-");
        }
        text.append(SqlFormatter.formatString(node.value())).append(" ").append(node.startField());
        node.endField().ifPresent(field -> text.append(" TO ").append(field));
        return text.toString();
    }

    @Override
    public String visitParameter(Parameter node, Void context)
    {
        return "?";
    }

    // ---------------------------------------------------------------- names

    @Override
    public String visitIdentifier(Identifier node, Void context)
    {
        return SqlFormatter.formatIdentifier(node);
    }

    @Override
    public String visitDereferenceExpression(DereferenceExpression node, Void context)
    {
        return base(node.base()) + "." + SqlFormatter.formatIdentifier(node.field());
    }

    @Override
    public String visitSubscriptExpression(SubscriptExpression node, Void context)
    {
        String base = base(node.base());
        if (node.base() instanceof Identifier identifier && !identifier.delimited() && identifier.value().equals("array")) {
            // array[1] would be an array constructor
            base = "(" + base + ")";
        }
        return base + "[" + format(node.index()) + "]";
    }

    private String base(Expression base)
    {
        // a number followed by a dot would read as a decimal point
        if (base instanceof Literal) {
            return "(" + format(base) + ")";
        }
        return operand(base, PRIMARY);
    }

    // ---------------------------------------------------------------- operators

    @Override
    public String visitArithmeticBinary(ArithmeticBinary node, Void context)
    {
        int level = precedence(node);
        return operand(node.left(), level) + " " + node.operator().symbol() + " " + operand(node.right(), level + 1);
    }

    @Override
    public String visitArithmeticUnary(ArithmeticUnary node, Void context)
    {
        String value = operand(node.value(), UNARY);
        if (value.startsWith("-") || value.startsWith("+")) {
            // "--" starts a comment
            value = "(" + value + ")";
        }
        return (node.sign() == ArithmeticUnary.Sign.MINUS ? "-" : "+") + value;
    }

    @Override
    public String visitComparisonExpression(ComparisonExpression node, Void context)
    {
        return operand(node.left(), ADDITIVE) + " " + node.operator().symbol() + " " + operand(node.right(), ADDITIVE);
    }

    @Override
    public String visitLogicalExpression(LogicalExpression node, Void context)
    {
        int level = precedence(node);
        return node.terms().stream()
                .map(term -> operand(term, level + 1))
                .collect(joining(" " + node.operator() + " "));
    }

    @Override
    public String visitNotExpression(NotExpression node, Void context)
    {
        return "NOT " + operand(node.value(), NOT);
    }

    @Override
    public String visitIsNullPredicate(IsNullPredicate node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " IS NULL";
    }

    @Override
    public String visitIsNotNullPredicate(IsNotNullPredicate node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " IS NOT NULL";
    }

    @Override
    public String visitBetweenPredicate(BetweenPredicate node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " BETWEEN " + operand(node.min(), ADDITIVE) + " AND " + operand(node.max(), ADDITIVE);
    }

    @Override
    public String visitInListPredicate(InListPredicate node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " IN (" + list(node.valueList()) + ")";
    }

    @Override
    public String visitInSubqueryPredicate(InSubqueryPredicate node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " IN " + subquery(node.subquery());
    }

    @Override
    public String visitLikePredicate(LikePredicate node, Void context)
    {
        String text = operand(node.value(), ADDITIVE) + " LIKE " + operand(node.pattern(), ADDITIVE);
        if (node.escape().isPresent()) {
            text += " ESCAPE " + operand(node.escape().get(), ADDITIVE);
        }
        return text;
    }

    @Override
    public String visitQuantifiedComparison(QuantifiedComparison node, Void context)
    {
        return operand(node.value(), ADDITIVE) + " " + node.operator().symbol() + " " + node.quantifier() + " " + subquery(node.subquery());
    }

    @Override
    public String visitExistsPredicate(ExistsPredicate node, Void context)
    {
        return "EXISTS " + subquery(node.subquery());
    }

    @Override
    public String visitSubqueryExpression(SubqueryExpression node, Void context)
    {
        return subquery(node.query());
    }

    private static String subquery(Query query)
    {
        return "(\n" + SqlFormatter.indent(SqlFormatter.formatSql(query)) + "\n)";
    }

    // ---------------------------------------------------------------- special forms

    @Override
    public String visitSimpleCaseExpression(SimpleCaseExpression node, Void context)
    {
        StringBuilder text = new StringBuilder("CASE ").append(format(node.operand()));
        appendWhenClauses(text, node.whenClauses());
        node.defaultValue().ifPresent(value -> text.append(" ELSE ").append(format(value)));
        return text.append(" END").toString();
    }

    @Override
    public String visitSearchedCaseExpression(SearchedCaseExpression node, Void context)
    {
        StringBuilder text = new StringBuilder("CASE");
        appendWhenClauses(text, node.whenClauses());
        node.defaultValue().ifPresent(value -> text.append(" ELSE ").append(format(value)));
        return text.append(" END").toString();
    }

    private void appendWhenClauses(StringBuilder text, List<WhenClause> clauses)
    {
        for (WhenClause clause : clauses) {
            text.append(" WHEN ").append(format(clause.operand())).append(" THEN ").append(format(clause.result()));
        }
    }

    @Override
    public String visitCast(Cast node, Void context)
    {
        return (node.safe() ? "TRY_CAST" : "CAST") + "(" + format(node.expression()) + " AS " + SqlFormatter.formatDataType(node.type()) + ")";
    }

    @Override
    public String visitExtract(Extract node, Void context)
    {
        return "EXTRACT(" + node.field() + " FROM " + format(node.expression()) + ")";
    }

    @Override
    public String visitCoalesceExpression(CoalesceExpression node, Void context)
    {
        return "COALESCE(" + list(node.operands()) + ")";
    }

    @Override
    public String visitNullIfExpression(NullIfExpression node, Void context)
    {
        return "NULLIF(" + format(node.first()) + ", " + format(node.second()) + ")";
    }

    @Override
    public String visitIfExpression(IfExpression node, Void context)
    {
        List<Expression> arguments = new ArrayList<>(List.of(node.condition(), node.trueValue()));
        node.falseValue().ifPresent(arguments::add);
        return "IF(" + list(arguments) + ")";
    }

    @Override
    public String visitCurrentTime(CurrentTime node, Void context)
    {
        return node.function() + node.precision().map(precision -> "(" + precision + ")").orElse("");
    }

    @Override
    public String visitArrayConstructor(ArrayConstructor node, Void context)
    {
        return "ARRAY[" + list(node.values()) + "]";
    }

    @Override
    public String visitRow(Row node, Void context)
    {
        return "ROW (" + list(node.items()) + ")";
    }

    @Override
    public String visitFunctionCall(FunctionCall node, Void context)
    {
        StringBuilder text = new StringBuilder(SqlFormatter.formatName(node.name())).append("(");
        if (node.arguments().isEmpty() && node.name().identifiers().size() == 1 && node.name().suffix().equals("count")) {
            text.append("*");
        }
        if (node.distinct()) {
            text.append("DISTINCT ");
        }
        text.append(list(node.arguments())).append(")");
        node.filter().ifPresent(filter -> text.append(" FILTER (WHERE ").append(format(filter)).append(")"));
        node.window().ifPresent(window -> text.append(" OVER (").append(formatWindow(window)).append(")"));
        return text.toString();
    }

    private String formatWindow(WindowSpecification window)
    {
        List<String> parts = new ArrayList<>();
        if (!window.partitionBy().isEmpty()) {
            parts.add("PARTITION BY " + list(window.partitionBy()));
        }
        window.orderBy().ifPresent(orderBy -> parts.add(formatOrderBy(orderBy)));
        window.frame().ifPresent(frame -> parts.add(formatFrame(frame)));
        return String.join(" ", parts);
    }

    private String formatFrame(WindowFrame frame)
    {
        if (frame.end().isEmpty()) {
            return frame.type() + " " + formatFrameBound(frame.start());
        }
        return frame.type() + " BETWEEN " + formatFrameBound(frame.start()) + " AND " + formatFrameBound(frame.end().get());
    }

    private String formatFrameBound(FrameBound bound)
    {
        return switch (bound.type()) {
            case UNBOUNDED_PRECEDING -> "UNBOUNDED PRECEDING";
            case UNBOUNDED_FOLLOWING -> "UNBOUNDED FOLLOWING";
            case CURRENT_ROW -> "CURRENT ROW";
            case PRECEDING -> format(bound.value().orElseThrow()) + " PRECEDING";
            case FOLLOWING -> format(bound.value().orElseThrow()) + " FOLLOWING";
        };
    }

    String formatOrderBy(OrderBy orderBy)
    {
        return "ORDER BY " + orderBy.sortItems().stream().map(this::formatSortItem).collect(joining(", "));
    }

    String formatSortItem(SortItem item)
    {
        StringBuilder text = new StringBuilder(format(item.sortKey()));
        if (item.ordering() == SortItem.Ordering.DESCENDING) {
            text.append(" DESC");
        }
        if (item.nullOrdering() != SortItem.NullOrdering.UNDEFINED) {
            text.append(" NULLS ").append(item.nullOrdering());
        }
        return text.toString();
    }

    /** A condition of WHERE or HAVING: each term of a top-level AND on a line of its own. */
    String formatCondition(Expression condition)
    {
        if (condition instanceof LogicalExpression logical && logical.operator() == LogicalExpression.Operator.AND) {
            return logical.terms().stream()
                    .map(term -> operand(term, AND + 1))
                    .collect(joining("\nAND "));
        }
        return format(condition);
    }

    String list(List<Expression> expressions)
    {
        return expressions.stream().map(this::format).collect(joining(", "));
    }
}
