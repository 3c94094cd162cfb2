package io.strata.core.analyzer;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.core.analyzer.ExpressionAnalyzer.Context;
import io.strata.core.expression.Constant;
import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.FunctionSignature;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.QualifiedObjectName;
import io.strata.core.metadata.ResolvedTable;
import io.strata.core.metadata.SessionPropertyMetadata;
import io.strata.core.metadata.TableColumn;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.planner.ExpressionFormatter;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;
import io.strata.sql.parser.SqlParser;
import io.strata.sql.tree.AstVisitor;
import io.strata.sql.tree.Commit;
import io.strata.sql.tree.CreateSchema;
import io.strata.sql.tree.CreateTable;
import io.strata.sql.tree.CreateTableAsSelect;
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
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.Insert;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.Parameter;
import io.strata.sql.tree.Prepare;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.ResetSession;
import io.strata.sql.tree.Rollback;
import io.strata.sql.tree.SetSession;
import io.strata.sql.tree.ShowCatalogs;
import io.strata.sql.tree.ShowColumns;
import io.strata.sql.tree.ShowFunctions;
import io.strata.sql.tree.ShowSchemas;
import io.strata.sql.tree.ShowSession;
import io.strata.sql.tree.ShowTables;
import io.strata.sql.tree.StartTransaction;
import io.strata.sql.tree.Statement;
import io.strata.sql.tree.Use;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The analyzer's entry: binds a parsed statement, in a session, into an {@link Analysis}. Queries become
 * bound relations; SHOW and DESCRIBE statements are answered here, from metadata, as rows; session
 * statements become the changes they make; EXECUTE binds its parameters and analyzes the prepared statement.
 * Thread-safe: all state is per call.
 */
public final class Analyzer
{
    private final Metadata metadata;
    private final SqlParser parser;
    private final ConstantEvaluator constantEvaluator;

    public Analyzer(Metadata metadata, SqlParser parser, ConstantEvaluator constantEvaluator)
    {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.constantEvaluator = requireNonNull(constantEvaluator, "constantEvaluator is null");
    }

    /**
     * @param sql the statement's text, for statements that carry text on (PREPARE, EXPLAIN of a session statement)
     * @throws StrataException for every user error, with the location of the offending node where there is one
     */
    public Analysis analyze(Statement statement, String sql, Session session)
    {
        int parameterCount = countParameters(statement);
        if (parameterCount > 0 && !(statement instanceof Prepare)) {
            throw new StrataException(ErrorCode.INVALID_PARAMETER_USAGE, "Incorrect number of parameters: expected " + parameterCount + " but found 0");
        }
        return analyze(statement, sql, session, List.of());
    }

    private Analysis analyze(Statement statement, String sql, Session session, List<RowExpression> parameters)
    {
        return statement.accept(new StatementVisitor(session, sql, parameters), null);
    }

    private static int countParameters(Node node)
    {
        if (node instanceof Prepare) {
            return 0;
        }
        int count = node instanceof Parameter ? 1 : 0;
        for (Node child : node.children()) {
            count += countParameters(child);
        }
        return count;
    }

    private final class StatementVisitor
            implements AstVisitor<Analysis, Void>
    {
        private final Session session;
        private final String sql;
        private final List<RowExpression> parameters;
        private final ExpressionAnalyzer expressions;

        StatementVisitor(Session session, String sql, List<RowExpression> parameters)
        {
            this.session = session;
            this.sql = sql;
            this.parameters = parameters;
            this.expressions = new ExpressionAnalyzer(metadata, session, parameters);
        }

        @Override
        public Analysis visitNode(Node node, Void context)
        {
            throw notSupported(node, statementName(node) + " is");
        }

        @Override
        public Analysis visitQuery(Query node, Void context)
        {
            return new QueryAnalyzer(metadata, session, expressions).analyzeStatement(node);
        }

        @Override
        public Analysis visitExplain(Explain node, Void context)
        {
            if (node.analyze()) {
                return explainAnalyze(node);
            }
            ExplainType.Type type = ExplainType.Type.LOGICAL;
            for (ExplainOption option : node.options()) {
                if (option instanceof ExplainType explainType) {
                    type = explainType.type();
                }
                else if (option instanceof ExplainFormat format && format.type() != ExplainFormat.Type.TEXT) {
                    throw notSupported(option, "EXPLAIN (FORMAT " + format.type() + ") is");
                }
            }
            Analysis statement = node.statement().accept(this, null);
            switch (type) {
                case LOGICAL:
                    return new ExplainAnalysis(statement, Optional.of(textOf(node.statement())));
                case VALIDATE:
                    return new RowsAnalysis(List.of("Valid"), List.of(BOOLEAN), List.of(List.of(true)));
                case DISTRIBUTED:
                    return new ExplainAnalysis(statement, Optional.of(textOf(node.statement())), true);
                case IO:
                    break;
            }
            throw notSupported(node, "EXPLAIN (TYPE " + type + ") is");
        }

        private Analysis explainAnalyze(Explain node)
        {
            for (ExplainOption option : node.options()) {
                if (option instanceof ExplainType explainType) {
                    throw notSupported(option, "EXPLAIN ANALYZE (TYPE " + explainType.type() + ") is");
                }
                if (option instanceof ExplainFormat format && format.type() != ExplainFormat.Type.TEXT) {
                    throw notSupported(option, "EXPLAIN ANALYZE (FORMAT " + format.type() + ") is");
                }
            }
            Analysis statement = node.statement().accept(this, null);
            if (!(statement instanceof QueryAnalysis query)) {
                throw notSupported(node.statement(), "EXPLAIN ANALYZE of a statement other than a query is");
            }
            return new ExplainAnalyzeAnalysis(query);
        }

        @Override
        public Analysis visitShowCatalogs(ShowCatalogs node, Void context)
        {
            List<List<Object>> rows = new ArrayList<>();
            for (String catalog : filter(metadata.listCatalogs(), node.likePattern(), node.escape())) {
                rows.add(List.of(utf8(catalog)));
            }
            return new RowsAnalysis(List.of("Catalog"), List.of(VARCHAR), rows);
        }

        @Override
        public Analysis visitShowSchemas(ShowSchemas node, Void context)
        {
            String catalog = Metadata.catalogOrSessionDefault(session, node.catalog().map(Analyzer::name), node.location());
            List<List<Object>> rows = new ArrayList<>();
            for (String schema : filter(metadata.listSchemas(session, catalog, node.catalog().flatMap(Identifier::location).or(node::location)), node.likePattern(), node.escape())) {
                rows.add(List.of(utf8(schema)));
            }
            return new RowsAnalysis(List.of("Schema"), List.of(VARCHAR), rows);
        }

        @Override
        public Analysis visitShowTables(ShowTables node, Void context)
        {
            String catalog;
            String schema;
            Optional<Location> location = node.schema().flatMap(QualifiedName::location).or(node::location);
            if (node.schema().isPresent()) {
                List<String> parts = node.schema().get().parts();
                if (parts.size() > 2) {
                    throw new StrataException(ErrorCode.SYNTAX_ERROR, location, "Too many parts in schema name: " + node.schema().get(), null);
                }
                schema = parts.get(parts.size() - 1);
                catalog = Metadata.catalogOrSessionDefault(session, parts.size() == 2 ? Optional.of(parts.get(0)) : Optional.empty(), location);
            }
            else {
                catalog = Metadata.catalogOrSessionDefault(session, Optional.empty(), location);
                schema = session.schema().orElseThrow(() -> new StrataException(ErrorCode.MISSING_SCHEMA_NAME, location, "Schema must be specified when session schema is not set", null));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (String table : filter(metadata.listTables(session, catalog, schema, location), node.likePattern(), node.escape())) {
                rows.add(List.of(utf8(table)));
            }
            return new RowsAnalysis(List.of("Table"), List.of(VARCHAR), rows);
        }

        @Override
        public Analysis visitShowColumns(ShowColumns node, Void context)
        {
            ResolvedTable table = metadata.resolveTable(session, node.table().parts(), node.table().location().or(node::location));
            List<List<Object>> rows = new ArrayList<>();
            for (TableColumn column : table.columns()) {
                rows.add(List.of(utf8(column.name()), utf8(column.type().displayName()), utf8(""), utf8("")));
            }
            return new RowsAnalysis(List.of("Column", "Type", "Extra", "Comment"), List.of(VARCHAR, VARCHAR, VARCHAR, VARCHAR), rows);
        }

        @Override
        public Analysis visitShowSession(ShowSession node, Void context)
        {
            List<SessionPropertyMetadata> properties = metadata.sessionProperties().systemProperties();
            List<String> names = filter(properties.stream().map(SessionPropertyMetadata::name).toList(), node.likePattern(), node.escape());
            List<List<Object>> rows = new ArrayList<>();
            for (SessionPropertyMetadata property : properties) {
                if (names.contains(property.name())) {
                    rows.add(List.of(
                            utf8(property.name()),
                            utf8(metadata.sessionProperties().getValue(session, property.name())),
                            utf8(property.defaultValue()),
                            utf8(property.type().displayName()),
                            utf8(property.description())));
                }
            }
            return new RowsAnalysis(List.of("Name", "Value", "Default", "Type", "Description"), List.of(VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR), rows);
        }

        @Override
        public Analysis visitShowFunctions(ShowFunctions node, Void context)
        {
            List<List<String>> listed = new ArrayList<>();
            for (FunctionSignature signature : metadata.functions().listFunctions()) {
                listed.add(List.of(signature.name(), signature.returnTypeDisplay(), signature.argumentsDisplay(),
                        signature.kind().name().toLowerCase(Locale.ENGLISH), signature.description()));
            }
            for (List<String> window : WindowFunctionSignatures.LISTING) {
                listed.add(List.of(window.get(0), window.get(1), window.get(2), "window", window.get(3)));
            }
            for (List<String> nested : NestedFunctionBinder.LISTING) {
                listed.add(List.of(nested.get(0), nested.get(1), nested.get(2), "scalar", nested.get(3)));
            }
            listed.sort(Comparator.<List<String>, String>comparing(function -> function.get(0)).thenComparing(function -> function.get(2)));
            List<String> names = filter(listed.stream().map(function -> function.get(0)).distinct().toList(), node.likePattern(), node.escape());
            List<List<Object>> rows = new ArrayList<>();
            for (List<String> function : listed) {
                if (names.contains(function.get(0))) {
                    rows.add(List.of(utf8(function.get(0)), utf8(function.get(1)), utf8(function.get(2)), utf8(function.get(3)),
                            !FunctionNames.NON_DETERMINISTIC.contains(function.get(0)), utf8(function.get(4))));
                }
            }
            return new RowsAnalysis(
                    List.of("Function", "Return Type", "Argument Types", "Function Type", "Deterministic", "Description"),
                    List.of(VARCHAR, VARCHAR, VARCHAR, VARCHAR, BOOLEAN, VARCHAR),
                    rows);
        }

        @Override
        public Analysis visitUse(Use node, Void context)
        {
            Optional<String> writtenCatalog = node.catalog().map(Analyzer::name);
            String catalog = Metadata.catalogOrSessionDefault(session, writtenCatalog, node.location());
            String schema = name(node.schema());
            metadata.requireSchema(session, catalog, schema, node.schema().location());
            SessionUpdates updates = new SessionUpdates(writtenCatalog, Optional.of(schema), Map.of(), List.of(), Map.of(), List.of(), Optional.empty(), false);
            return new SessionChangeAnalysis("USE", updates);
        }

        @Override
        public Analysis visitSetSession(SetSession node, Void context)
        {
            String name = node.name().toString();
            SessionPropertyMetadata property = sessionProperty(node.name());
            RowExpression value = expressions.analyze(node.value(), Context.plain(Scope.of(RelationType.EMPTY), "SET SESSION value"));
            if (!TypeCoercion.canCoerce(value.type(), property.type()) || value.type() instanceof UnknownType) {
                throw new StrataException(ErrorCode.TYPE_MISMATCH, node.value().location(),
                        "Session property " + name + " takes a value of type " + property.type() + ", not " + value.type(), null);
            }
            Object evaluated = constantEvaluator.evaluate(value, session);
            if (evaluated == null) {
                throw new StrataException(ErrorCode.INVALID_SESSION_PROPERTY, node.value().location(), "Session property " + name + " must not be set to null", null);
            }
            String text = valueText(evaluated, value.type());
            metadata.sessionProperties().validate(property, text, node.value().location());
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(name, text), List.of(), Map.of(), List.of(), Optional.empty(), false);
            return new SessionChangeAnalysis("SET SESSION", updates);
        }

        @Override
        public Analysis visitResetSession(ResetSession node, Void context)
        {
            sessionProperty(node.name());
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(node.name().toString()), Map.of(), List.of(), Optional.empty(), false);
            return new SessionChangeAnalysis("RESET SESSION", updates);
        }

        private SessionPropertyMetadata sessionProperty(QualifiedName name)
        {
            List<String> parts = name.parts();
            Optional<Location> location = name.location();
            if (parts.size() == 1) {
                return metadata.sessionProperties().requireSystemProperty(parts.get(0), location);
            }
            if (parts.size() == 2) {
                if (!metadata.catalogExists(parts.get(0))) {
                    throw new StrataException(ErrorCode.CATALOG_NOT_FOUND, location, "Catalog '" + parts.get(0) + "' does not exist", null);
                }
                throw new StrataException(ErrorCode.INVALID_SESSION_PROPERTY, location, "Session property " + name + " does not exist", null);
            }
            throw new StrataException(ErrorCode.INVALID_SESSION_PROPERTY, location, "Invalid session property '" + name + "'", null);
        }

        @Override
        public Analysis visitPrepare(Prepare node, Void context)
        {
            Statement statement = node.statement();
            if (statement instanceof Prepare || statement instanceof Execute || statement instanceof Deallocate) {
                throw invalidPreparedStatement(statement);
            }
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(),
                    Map.of(name(node.name()), textOf(statement)), List.of(), Optional.empty(), false);
            return new SessionChangeAnalysis("PREPARE", updates);
        }

        @Override
        public Analysis visitExecute(Execute node, Void context)
        {
            String preparedSql = preparedStatement(node.name());
            Statement prepared = parser.createStatement(preparedSql);
            int expected = countParameters(prepared);
            if (expected != node.parameters().size()) {
                throw new StrataException(ErrorCode.INVALID_PARAMETER_USAGE, node.location(),
                        "Incorrect number of parameters: expected " + expected + " but found " + node.parameters().size(), null);
            }
            Context valueContext = Context.plain(Scope.of(RelationType.EMPTY), "EXECUTE parameter");
            List<RowExpression> values = new ArrayList<>();
            for (Expression parameter : node.parameters()) {
                values.add(expressions.analyze(parameter, valueContext));
            }
            if (prepared instanceof Prepare || prepared instanceof Execute || prepared instanceof Deallocate) {
                throw invalidPreparedStatement(prepared);
            }
            return analyze(prepared, preparedSql, session, values);
        }

        @Override
        public Analysis visitDeallocate(Deallocate node, Void context)
        {
            String name = name(node.name());
            preparedStatement(node.name());
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(), Map.of(), List.of(name), Optional.empty(), false);
            return new SessionChangeAnalysis("DEALLOCATE", updates);
        }

        @Override
        public Analysis visitDescribeInput(DescribeInput node, Void context)
        {
            Statement prepared = parser.createStatement(preparedStatement(node.name()));
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < countParameters(prepared); i++) {
                rows.add(List.of((long) i, utf8(UnknownType.UNKNOWN.displayName())));
            }
            return new RowsAnalysis(List.of("Position", "Type"), List.of(BIGINT, VARCHAR), rows);
        }

        @Override
        public Analysis visitDescribeOutput(DescribeOutput node, Void context)
        {
            String preparedSql = preparedStatement(node.name());
            Statement prepared = parser.createStatement(preparedSql);
            List<List<Object>> rows = new ArrayList<>();
            if (prepared instanceof Query query) {
                List<RowExpression> nulls = new ArrayList<>();
                for (int i = 0; i < countParameters(prepared); i++) {
                    nulls.add(Constant.nullConstant(UnknownType.UNKNOWN));
                }
                QueryAnalysis analysis = new QueryAnalyzer(metadata, session, new ExpressionAnalyzer(metadata, session, nulls)).analyzeStatement(query);
                for (int i = 0; i < analysis.columnNames().size(); i++) {
                    Field field = analysis.relation().type().field(i);
                    Optional<QualifiedObjectName> table = field.originTable();
                    rows.add(Arrays.asList(
                            utf8(analysis.columnNames().get(i)),
                            utf8(table.map(QualifiedObjectName::catalogName).orElse("")),
                            utf8(table.map(QualifiedObjectName::schemaName).orElse("")),
                            utf8(table.map(QualifiedObjectName::objectName).orElse("")),
                            utf8(field.type().displayName()),
                            typeSize(field.type()),
                            !field.originColumn().equals(field.name())));
                }
            }
            return new RowsAnalysis(
                    List.of("Column Name", "Catalog", "Schema", "Table", "Type", "Type Size", "Aliased"),
                    List.of(VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BOOLEAN),
                    rows);
        }

        @Override
        public Analysis visitCreateSchema(CreateSchema node, Void context)
        {
            return new WriteStatementAnalyzer(metadata, session, expressions).createSchema(node);
        }

        @Override
        public Analysis visitCreateTable(CreateTable node, Void context)
        {
            return new WriteStatementAnalyzer(metadata, session, expressions).createTable(node);
        }

        @Override
        public Analysis visitCreateTableAsSelect(CreateTableAsSelect node, Void context)
        {
            return new WriteStatementAnalyzer(metadata, session, expressions).createTableAsSelect(node);
        }

        @Override
        public Analysis visitInsert(Insert node, Void context)
        {
            return new WriteStatementAnalyzer(metadata, session, expressions).insert(node);
        }

        @Override
        public Analysis visitDropTable(DropTable node, Void context)
        {
            return new WriteStatementAnalyzer(metadata, session, expressions).dropTable(node);
        }

        @Override
        public Analysis visitStartTransaction(StartTransaction node, Void context)
        {
            if (session.transactionId().isPresent()) {
                throw notSupported(node, "Nested transactions are");
            }
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(), Map.of(), List.of(),
                    Optional.of(UUID.randomUUID().toString()), false);
            return new SessionChangeAnalysis("START TRANSACTION", updates);
        }

        @Override
        public Analysis visitCommit(Commit node, Void context)
        {
            return endTransaction(node, "COMMIT");
        }

        @Override
        public Analysis visitRollback(Rollback node, Void context)
        {
            return endTransaction(node, "ROLLBACK");
        }

        private Analysis endTransaction(Node node, String updateType)
        {
            if (session.transactionId().isEmpty()) {
                throw new StrataException(ErrorCode.NOT_IN_TRANSACTION, node.location(), "No transaction in progress", null);
            }
            SessionUpdates updates = new SessionUpdates(Optional.empty(), Optional.empty(), Map.of(), List.of(), Map.of(), List.of(), Optional.empty(), true);
            return new SessionChangeAnalysis(updateType, updates);
        }

        private String preparedStatement(Identifier name)
        {
            String key = name(name);
            Map<String, String> prepared = session.preparedStatements();
            String text = prepared.get(key);
            if (text == null) {
                text = prepared.get(name.value());
            }
            if (text == null) {
                throw new StrataException(ErrorCode.PREPARED_STATEMENT_NOT_FOUND, name.location(), "Prepared statement not found: " + key, null);
            }
            return text;
        }

        /** The statement's text: from where it starts to the end of the SQL (a nested statement is always last). */
        private String textOf(Statement statement)
        {
            if (statement.location().isEmpty()) {
                return sql.trim();
            }
            Location location = statement.location().get();
            int offset = 0;
            for (int line = 1; line < location.line(); line++) {
                offset = sql.indexOf('\n', offset) + 1;
            }
            return sql.substring(Math.min(sql.length(), offset + location.column() - 1)).trim();
        }
    }

    private static String name(Identifier identifier)
    {
        return identifier.value().toLowerCase(Locale.ENGLISH);
    }

    private static Slice utf8(String value)
    {
        return Slices.utf8Slice(value);
    }

    private static List<String> filter(List<String> names, Optional<String> likePattern, Optional<String> escape)
    {
        if (likePattern.isEmpty()) {
            return names;
        }
        LikePattern pattern = LikePattern.compile(likePattern.get(), escape);
        return names.stream().filter(pattern::matches).toList();
    }

    private static String valueText(Object value, Type type)
    {
        if (type instanceof VarcharType) {
            return ((Slice) value).toStringUtf8();
        }
        if (type instanceof BooleanType) {
            return value.toString();
        }
        return ExpressionFormatter.formatValue(value, type);
    }

    /** Bytes per value for fixed-width types, 0 for variable-width ones, as Presto's DESCRIBE OUTPUT reports. */
    private static long typeSize(Type type)
    {
        switch (type.layout()) {
            case ARRAY:
            case MAP:
            case ROW:
                return 0;
            case BYTE:
                return 1;
            case INT:
                return 4;
            case LONG:
            case DOUBLE:
                return 8;
            case INT128:
                return 16;
            case VARIABLE_WIDTH:
                return 0;
        }
        throw new IllegalArgumentException("unknown layout " + type.layout());
    }

    private static String statementName(Node node)
    {
        if (node instanceof CreateTable) {
            return "CREATE TABLE";
        }
        if (node instanceof CreateTableAsSelect) {
            return "CREATE TABLE AS";
        }
        if (node instanceof CreateSchema) {
            return "CREATE SCHEMA";
        }
        if (node instanceof Insert) {
            return "INSERT";
        }
        if (node instanceof DropTable) {
            return "DROP TABLE";
        }
        if (node instanceof Prepare) {
            return "PREPARE";
        }
        if (node instanceof Execute) {
            return "EXECUTE";
        }
        if (node instanceof Deallocate) {
            return "DEALLOCATE";
        }
        return node.getClass().getSimpleName();
    }

    private static StrataException notSupported(Node node, String what)
    {
        return new StrataException(ErrorCode.NOT_SUPPORTED, node.location(), what + " not supported yet", null);
    }

    /** PREPARE, EXECUTE and DEALLOCATE cannot be prepared themselves (Presto reports it as not supported). */
    private static StrataException invalidPreparedStatement(Statement statement)
    {
        return new StrataException(ErrorCode.NOT_SUPPORTED, statement.location(), "Invalid statement type for prepared statement: " + statementName(statement), null);
    }
}
