package io.strata.sql.formatter;

import io.strata.sql.parser.SqlKeywords;
import io.strata.sql.tree.AliasedRelation;
import io.strata.sql.tree.AllColumns;
import io.strata.sql.tree.AstVisitor;
import io.strata.sql.tree.ColumnDefinition;
import io.strata.sql.tree.Commit;
import io.strata.sql.tree.CreateSchema;
import io.strata.sql.tree.CreateTable;
import io.strata.sql.tree.CreateTableAsSelect;
import io.strata.sql.tree.Cube;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.Deallocate;
import io.strata.sql.tree.DescribeInput;
import io.strata.sql.tree.DescribeOutput;
import io.strata.sql.tree.DropTable;
import io.strata.sql.tree.Execute;
import io.strata.sql.tree.Explain;
import io.strata.sql.tree.ExplainFormat;
import io.strata.sql.tree.ExplainOption;
import io.strata.sql.tree.ExplainType;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.GroupingElement;
import io.strata.sql.tree.GroupingSets;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.Insert;
import io.strata.sql.tree.Isolation;
import io.strata.sql.tree.Join;
import io.strata.sql.tree.JoinCriteria;
import io.strata.sql.tree.JoinOn;
import io.strata.sql.tree.JoinUsing;
import io.strata.sql.tree.Limit;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.Offset;
import io.strata.sql.tree.OrderBy;
import io.strata.sql.tree.Prepare;
import io.strata.sql.tree.Property;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.QueryBody;
import io.strata.sql.tree.QuerySpecification;
import io.strata.sql.tree.Relation;
import io.strata.sql.tree.ResetSession;
import io.strata.sql.tree.Rollback;
import io.strata.sql.tree.Rollup;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SelectItem;
import io.strata.sql.tree.SetOperation;
import io.strata.sql.tree.SetSession;
import io.strata.sql.tree.ShowCatalogs;
import io.strata.sql.tree.ShowColumns;
import io.strata.sql.tree.ShowFunctions;
import io.strata.sql.tree.ShowSchemas;
import io.strata.sql.tree.ShowSession;
import io.strata.sql.tree.ShowTables;
import io.strata.sql.tree.SimpleGroupBy;
import io.strata.sql.tree.SingleColumn;
import io.strata.sql.tree.StartTransaction;
import io.strata.sql.tree.Table;
import io.strata.sql.tree.TableSubquery;
import io.strata.sql.tree.TransactionAccessMode;
import io.strata.sql.tree.TransactionMode;
import io.strata.sql.tree.Use;
import io.strata.sql.tree.Values;
import io.strata.sql.tree.With;
import io.strata.sql.tree.WithQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Locale.ENGLISH;
import static java.util.stream.Collectors.joining;

/**
 * Turns an AST back into SQL text that parses to an equal AST (locations aside): for EXPLAIN, views and
 * prepared statements. Clauses start on lines of their own and nested queries are indented.
 */
public final class SqlFormatter
{
    private static final String INDENT = "  ";
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private SqlFormatter() {}

    /** Formats a statement, or any other node: a query, a relation, an expression, a type. */
    public static String formatSql(Node node)
    {
        if (node instanceof Expression expression) {
            return formatExpression(expression);
        }
        if (node instanceof DataType type) {
            return formatDataType(type);
        }
        return new Formatter().process(node, null);
    }

    /** Formats an expression on one line (its subqueries aside). */
    public static String formatExpression(Expression expression)
    {
        return new ExpressionFormatter().format(expression);
    }

    /** Formats a type: {@code decimal(12, 2)}, {@code row(a bigint, b varchar)}, {@code timestamp(3) with time zone}. */
    public static String formatDataType(DataType type)
    {
        if (type.name().endsWith(" with time zone") && !type.parameters().isEmpty()) {
            String base = type.name().substring(0, type.name().length() - " with time zone".length());
            return base + "(" + formatTypeParameters(type.parameters()) + ") with time zone";
        }
        String name = type.name().startsWith("interval ") || type.name().endsWith(" with time zone") ? type.name() : formatName(type.name());
        if (type.parameters().isEmpty()) {
            return name;
        }
        return name + "(" + formatTypeParameters(type.parameters()) + ")";
    }

    private static String formatTypeParameters(List<DataType.Parameter> parameters)
    {
        List<String> texts = new ArrayList<>();
        for (DataType.Parameter parameter : parameters) {
            if (parameter instanceof DataType.NumericParameter numeric) {
                texts.add(Long.toString(numeric.value()));
            }
            else if (parameter instanceof DataType.TypeParameter typeParameter) {
                texts.add(formatDataType(typeParameter.type()));
            }
            else if (parameter instanceof DataType.RowField field) {
                texts.add(field.name().map(name -> formatIdentifier(name) + " ").orElse("") + formatDataType(field.type()));
            }
        }
        return String.join(", ", texts);
    }

    /** An identifier as SQL: quoted when it was quoted, or when it would not read back as the same name. */
    public static String formatIdentifier(Identifier identifier)
    {
        if (identifier.delimited()) {
            return quote(identifier.value());
        }
        return formatName(identifier.value());
    }

    /** A qualified name as SQL, each part quoted as needed. */
    public static String formatName(QualifiedName name)
    {
        return name.identifiers().stream().map(SqlFormatter::formatIdentifier).collect(joining("."));
    }

    static String formatName(String name)
    {
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !SqlKeywords.isReserved(name)) {
            return name;
        }
        return quote(name);
    }

    private static String quote(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A string literal: {@code 'it''s'}. */
    public static String formatString(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    static String indent(String text)
    {
        return INDENT + text.replace("\n", "\n" + INDENT);
    }

    private static final class Formatter
            implements AstVisitor<String, Void>
    {
        private final ExpressionFormatter expressions = new ExpressionFormatter();

        @Override
        public String visitNode(Node node, Void context)
        {
            throw new IllegalArgumentException("cannot format " + node.getClass().getSimpleName() + " on its own");
        }

        @Override
        public String visitExpression(Expression node, Void context)
        {
            return expressions.format(node);
        }

        // ---------------------------------------------------------------- queries

        @Override
        public String visitQuery(Query node, Void context)
        {
            List<String> lines = new ArrayList<>();
            node.with().ifPresent(with -> lines.add(formatWith(with)));
            lines.add(process(node.queryBody(), null));
            appendOrderOffsetLimit(lines, node.orderBy(), node.offset(), node.limit());
            return String.join("\n", lines);
        }

        private String formatWith(With with)
        {
            List<String> queries = new ArrayList<>();
            for (WithQuery query : with.queries()) {
                queries.add(indent(formatIdentifier(query.name()) + columnList(query.columnNames()) + " AS (\n" + indent(process(query.query(), null)) + "\n)"));
            }
            return "WITH\n" + String.join(",\n", queries);
        }

        private void appendOrderOffsetLimit(
                List<String> lines,
                Optional<OrderBy> orderBy,
                Optional<Offset> offset,
                Optional<Limit> limit)
        {
            orderBy.ifPresent(clause -> lines.add("ORDER BY\n" + indent(clause.sortItems().stream().map(expressions::formatSortItem).collect(joining(",\n")))));
            offset.ifPresent(clause -> lines.add("OFFSET " + clause.rowCount() + " ROWS"));
            limit.ifPresent(clause -> lines.add("LIMIT " + clause.rowCount()));
        }

        @Override
        public String visitQuerySpecification(QuerySpecification node, Void context)
        {
            List<String> lines = new ArrayList<>();
            List<String> items = new ArrayList<>();
            for (SelectItem item : node.select().selectItems()) {
                items.add(formatSelectItem(item));
            }
            lines.add((node.select().distinct() ? "SELECT DISTINCT\n" : "SELECT\n") + indent(String.join(",\n", items)));
            node.from().ifPresent(from -> lines.add("FROM\n" + indent(formatRelation(from))));
            node.where().ifPresent(where -> lines.add("WHERE\n" + indent(expressions.formatCondition(where))));
            node.groupBy().ifPresent(groupBy -> lines.add("GROUP BY\n" + indent(groupBy.groupingElements().stream()
                    .map(this::formatGroupingElement)
                    .collect(joining(",\n")))));
            node.having().ifPresent(having -> lines.add("HAVING\n" + indent(expressions.formatCondition(having))));
            appendOrderOffsetLimit(lines, node.orderBy(), node.offset(), node.limit());
            return String.join("\n", lines);
        }

        private String formatSelectItem(SelectItem item)
        {
            if (item instanceof AllColumns all) {
                return all.prefix().map(prefix -> formatName(prefix) + ".*").orElse("*");
            }
            SingleColumn column = (SingleColumn) item;
            return expressions.format(column.expression()) + column.alias().map(alias -> " AS " + formatIdentifier(alias)).orElse("");
        }

        private String formatGroupingElement(GroupingElement element)
        {
            if (element instanceof SimpleGroupBy simple) {
                return expressions.format(simple.expression());
            }
            if (element instanceof Rollup rollup) {
                return "ROLLUP (" + expressions.list(rollup.expressions()) + ")";
            }
            if (element instanceof Cube cube) {
                return "CUBE (" + expressions.list(cube.expressions()) + ")";
            }
            GroupingSets sets = (GroupingSets) element;
            return "GROUPING SETS (" + sets.sets().stream().map(set -> "(" + expressions.list(set) + ")").collect(joining(", ")) + ")";
        }

        @Override
        public String visitSetOperation(SetOperation node, Void context)
        {
            String left = setOperand(node.left(), node, false);
            String right = setOperand(node.right(), node, true);
            return left + "\n" + node.type() + (node.distinct() ? "" : " ALL") + "\n" + right;
        }

        /** An operand of a set operation, parenthesized when the grammar would group it differently. */
        private String setOperand(QueryBody operand, SetOperation parent, boolean right)
        {
            String text = process(operand, null);
            if (operand instanceof SetOperation child) {
                int childLevel = setPrecedence(child);
                int parentLevel = setPrecedence(parent);
                if (childLevel < parentLevel || (right && childLevel == parentLevel)) {
                    return "(\n" + indent(text) + "\n)";
                }
            }
            return text;
        }

        private static int setPrecedence(SetOperation operation)
        {
            return operation.type() == SetOperation.Type.INTERSECT ? 2 : 1;
        }

        @Override
        public String visitValues(Values node, Void context)
        {
            List<String> rows = new ArrayList<>();
            for (Expression row : node.rows()) {
                if (row instanceof Row columns && columns.items().size() > 1) {
                    rows.add("(" + expressions.list(columns.items()) + ")");
                }
                else {
                    rows.add(expressions.format(row));
                }
            }
            return "VALUES\n" + indent(String.join(",\n", rows));
        }

        @Override
        public String visitTableSubquery(TableSubquery node, Void context)
        {
            return "(\n" + indent(process(node.query(), null)) + "\n)";
        }

        // ---------------------------------------------------------------- relations

        @Override
        public String visitRelation(Relation node, Void context)
        {
            return formatRelation(node);
        }

        private String formatRelation(Relation relation)
        {
            if (relation instanceof Table table) {
                return formatName(table.name());
            }
            if (relation instanceof AliasedRelation aliased) {
                String inner = aliased.relation() instanceof Join join ? parenthesized(join) : formatRelation(aliased.relation());
                return inner + " AS " + formatIdentifier(aliased.alias()) + columnList(aliased.columnNames());
            }
            if (relation instanceof Join join) {
                return formatJoin(join, false);
            }
            return process(relation, null);
        }

        /**
         * A join as the operand of another join. The grammar has no parenthesized comma list, so an implicit
         * join in parentheses (which only code builds) is written as the CROSS JOIN it means.
         */
        private String parenthesized(Join join)
        {
            return "(\n" + indent(formatJoin(join, true)) + "\n)";
        }

        private String formatJoin(Join join, boolean parenthesized)
        {
            Join.Type type = join.type() == Join.Type.IMPLICIT && parenthesized ? Join.Type.CROSS : join.type();
            String left;
            if (join.left() instanceof Join leftJoin) {
                // a chain of comma joins continues on the left; anything else nests
                boolean commaChain = type == Join.Type.IMPLICIT || leftJoin.type() != Join.Type.IMPLICIT;
                left = commaChain ? formatJoin(leftJoin, parenthesized) : parenthesized(leftJoin);
            }
            else {
                left = formatRelation(join.left());
            }
            String right = join.right() instanceof Join rightJoin ? parenthesized(rightJoin) : formatRelation(join.right());
            return switch (type) {
                case IMPLICIT -> left + ",\n" + right;
                case CROSS -> left + "\nCROSS JOIN " + right;
                case INNER, LEFT, RIGHT, FULL -> left + "\n" + type + " JOIN " + right + formatCriteria(join.criteria().orElseThrow());
            };
        }

        private String formatCriteria(JoinCriteria criteria)
        {
            if (criteria instanceof JoinOn on) {
                return " ON " + expressions.format(on.expression());
            }
            return " USING" + columnList(((JoinUsing) criteria).columns());
        }

        // ---------------------------------------------------------------- statements

        @Override
        public String visitExplain(Explain node, Void context)
        {
            StringBuilder text = new StringBuilder("EXPLAIN ");
            if (node.analyze()) {
                text.append("ANALYZE ");
            }
            if (!node.options().isEmpty()) {
                List<String> options = new ArrayList<>();
                for (ExplainOption option : node.options()) {
                    if (option instanceof ExplainType type) {
                        options.add("TYPE " + type.type());
                    }
                    else {
                        options.add("FORMAT " + ((ExplainFormat) option).type());
                    }
                }
                text.append("(").append(String.join(", ", options)).append(") ");
            }
            return text.append(process(node.statement(), null)).toString();
        }

        @Override
        public String visitShowCatalogs(ShowCatalogs node, Void context)
        {
            return "SHOW CATALOGS" + like(node.likePattern(), node.escape());
        }

        @Override
        public String visitShowSchemas(ShowSchemas node, Void context)
        {
            return "SHOW SCHEMAS" + node.catalog().map(catalog -> " FROM " + formatIdentifier(catalog)).orElse("") + like(node.likePattern(), node.escape());
        }

        @Override
        public String visitShowTables(ShowTables node, Void context)
        {
            return "SHOW TABLES" + node.schema().map(schema -> " FROM " + formatName(schema)).orElse("") + like(node.likePattern(), node.escape());
        }

        @Override
        public String visitShowColumns(ShowColumns node, Void context)
        {
            return "SHOW COLUMNS FROM " + formatName(node.table());
        }

        @Override
        public String visitShowSession(ShowSession node, Void context)
        {
            return "SHOW SESSION" + like(node.likePattern(), node.escape());
        }

        @Override
        public String visitShowFunctions(ShowFunctions node, Void context)
        {
            return "SHOW FUNCTIONS" + like(node.likePattern(), node.escape());
        }

        private static String like(Optional<String> pattern, Optional<String> escape)
        {
            return pattern.map(value -> " LIKE " + formatString(value)).orElse("")
                    + escape.map(value -> " ESCAPE " + formatString(value)).orElse("");
        }

        @Override
        public String visitUse(Use node, Void context)
        {
            return "USE " + node.catalog().map(catalog -> formatIdentifier(catalog) + ".").orElse("") + formatIdentifier(node.schema());
        }

        @Override
        public String visitSetSession(SetSession node, Void context)
        {
            return "SET SESSION " + formatName(node.name()) + " = " + expressions.format(node.value());
        }

        @Override
        public String visitResetSession(ResetSession node, Void context)
        {
            return "RESET SESSION " + formatName(node.name());
        }

        @Override
        public String visitPrepare(Prepare node, Void context)
        {
            return "PREPARE " + formatIdentifier(node.name()) + " FROM\n" + process(node.statement(), null);
        }

        @Override
        public String visitExecute(Execute node, Void context)
        {
            String text = "EXECUTE " + formatIdentifier(node.name());
            if (!node.parameters().isEmpty()) {
                text += " USING " + expressions.list(node.parameters());
            }
            return text;
        }

        @Override
        public String visitDeallocate(Deallocate node, Void context)
        {
            return "DEALLOCATE PREPARE " + formatIdentifier(node.name());
        }

        @Override
        public String visitDescribeInput(DescribeInput node, Void context)
        {
            return "DESCRIBE INPUT " + formatIdentifier(node.name());
        }

        @Override
        public String visitDescribeOutput(DescribeOutput node, Void context)
        {
            return "DESCRIBE OUTPUT " + formatIdentifier(node.name());
        }

        @Override
        public String visitStartTransaction(StartTransaction node, Void context)
        {
            List<String> modes = new ArrayList<>();
            for (TransactionMode mode : node.transactionModes()) {
                if (mode instanceof Isolation isolation) {
                    modes.add("ISOLATION LEVEL " + isolation.level().text());
                }
                else {
                    modes.add(((TransactionAccessMode) mode).readOnly() ? "READ ONLY" : "READ WRITE");
                }
            }
            return "START TRANSACTION" + (modes.isEmpty() ? "" : " " + String.join(", ", modes));
        }

        @Override
        public String visitCommit(Commit node, Void context)
        {
            return "COMMIT";
        }

        @Override
        public String visitRollback(Rollback node, Void context)
        {
            return "ROLLBACK";
        }

        @Override
        public String visitCreateSchema(CreateSchema node, Void context)
        {
            return "CREATE SCHEMA " + (node.notExists() ? "IF NOT EXISTS " : "") + formatName(node.schemaName()) + properties(node.properties());
        }

        @Override
        public String visitCreateTable(CreateTable node, Void context)
        {
            List<String> columns = new ArrayList<>();
            for (ColumnDefinition column : node.columns()) {
                columns.add(formatIdentifier(column.name()) + " " + formatDataType(column.type())
                        + (column.nullable() ? "" : " NOT NULL")
                        + column.comment().map(comment -> " COMMENT " + formatString(comment)).orElse(""));
            }
            return "CREATE TABLE " + (node.notExists() ? "IF NOT EXISTS " : "") + formatName(node.name()) + " (\n"
                    + indent(String.join(",\n", columns)) + "\n)" + properties(node.properties());
        }

        @Override
        public String visitCreateTableAsSelect(CreateTableAsSelect node, Void context)
        {
            return "CREATE TABLE " + (node.notExists() ? "IF NOT EXISTS " : "") + formatName(node.name()) + columnList(node.columnAliases())
                    + properties(node.properties()) + " AS\n" + process(node.query(), null) + (node.withData() ? "" : "\nWITH NO DATA");
        }

        @Override
        public String visitInsert(Insert node, Void context)
        {
            return "INSERT INTO " + formatName(node.target()) + columnList(node.columns()) + "\n" + process(node.query(), null);
        }

        @Override
        public String visitDropTable(DropTable node, Void context)
        {
            return "DROP TABLE " + (node.exists() ? "IF EXISTS " : "") + formatName(node.tableName());
        }

        private String properties(List<Property> properties)
        {
            if (properties.isEmpty()) {
                return "";
            }
            return " WITH (" + properties.stream()
                    .map(property -> formatIdentifier(property.name()) + " = " + expressions.format(property.value()))
                    .collect(joining(", ")) + ")";
        }

        private static String columnList(List<Identifier> columns)
        {
            if (columns.isEmpty()) {
                return "";
            }
            return " (" + columns.stream().map(SqlFormatter::formatIdentifier).collect(joining(", ")) + ")";
        }
    }

    /** A type name before a literal: uppercase, like the keywords around it, unless it must be quoted. */
    static String formatTypeName(String name)
    {
        String formatted = formatName(name);
        return formatted.startsWith("\"") ? formatted : formatted.toUpperCase(ENGLISH);
    }
}
