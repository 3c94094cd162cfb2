package io.strata.sql.parser;

import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.sql.parser.SqlBaseParser.AliasedRelationContext;
import io.strata.sql.parser.SqlBaseParser.ArithmeticBinaryContext;
import io.strata.sql.parser.SqlBaseParser.ArithmeticUnaryContext;
import io.strata.sql.parser.SqlBaseParser.ArrayConstructorContext;
import io.strata.sql.parser.SqlBaseParser.BetweenContext;
import io.strata.sql.parser.SqlBaseParser.BooleanLiteralContext;
import io.strata.sql.parser.SqlBaseParser.BoundedFrameContext;
import io.strata.sql.parser.SqlBaseParser.CastContext;
import io.strata.sql.parser.SqlBaseParser.ColumnAliasesContext;
import io.strata.sql.parser.SqlBaseParser.ColumnDefinitionContext;
import io.strata.sql.parser.SqlBaseParser.ColumnReferenceContext;
import io.strata.sql.parser.SqlBaseParser.CommitContext;
import io.strata.sql.parser.SqlBaseParser.ComparisonContext;
import io.strata.sql.parser.SqlBaseParser.ComparisonOperatorContext;
import io.strata.sql.parser.SqlBaseParser.ConcatenationContext;
import io.strata.sql.parser.SqlBaseParser.CreateSchemaContext;
import io.strata.sql.parser.SqlBaseParser.CreateTableAsSelectContext;
import io.strata.sql.parser.SqlBaseParser.CreateTableContext;
import io.strata.sql.parser.SqlBaseParser.CubeContext;
import io.strata.sql.parser.SqlBaseParser.CurrentRowBoundContext;
import io.strata.sql.parser.SqlBaseParser.DateTimeTypeContext;
import io.strata.sql.parser.SqlBaseParser.DeallocateContext;
import io.strata.sql.parser.SqlBaseParser.DecimalLiteralContext;
import io.strata.sql.parser.SqlBaseParser.DereferenceContext;
import io.strata.sql.parser.SqlBaseParser.DescribeInputContext;
import io.strata.sql.parser.SqlBaseParser.DescribeOutputContext;
import io.strata.sql.parser.SqlBaseParser.DistinctFromContext;
import io.strata.sql.parser.SqlBaseParser.DoubleLiteralContext;
import io.strata.sql.parser.SqlBaseParser.DoublePrecisionTypeContext;
import io.strata.sql.parser.SqlBaseParser.DropTableContext;
import io.strata.sql.parser.SqlBaseParser.ExecuteContext;
import io.strata.sql.parser.SqlBaseParser.ExistsContext;
import io.strata.sql.parser.SqlBaseParser.ExplainContext;
import io.strata.sql.parser.SqlBaseParser.ExplainFormatContext;
import io.strata.sql.parser.SqlBaseParser.ExplainTypeContext;
import io.strata.sql.parser.SqlBaseParser.ExpressionContext;
import io.strata.sql.parser.SqlBaseParser.ExtractContext;
import io.strata.sql.parser.SqlBaseParser.FrameBoundContext;
import io.strata.sql.parser.SqlBaseParser.FunctionCallContext;
import io.strata.sql.parser.SqlBaseParser.GenericTypeContext;
import io.strata.sql.parser.SqlBaseParser.GroupingElementContext;
import io.strata.sql.parser.SqlBaseParser.GroupingSetContext;
import io.strata.sql.parser.SqlBaseParser.IdentifierContext;
import io.strata.sql.parser.SqlBaseParser.InListContext;
import io.strata.sql.parser.SqlBaseParser.InSubqueryContext;
import io.strata.sql.parser.SqlBaseParser.InlineTableContext;
import io.strata.sql.parser.SqlBaseParser.InsertIntoContext;
import io.strata.sql.parser.SqlBaseParser.IntegerLiteralContext;
import io.strata.sql.parser.SqlBaseParser.IntervalContext;
import io.strata.sql.parser.SqlBaseParser.IntervalFieldContext;
import io.strata.sql.parser.SqlBaseParser.IntervalLiteralContext;
import io.strata.sql.parser.SqlBaseParser.IntervalTypeContext;
import io.strata.sql.parser.SqlBaseParser.IsolationLevelContext;
import io.strata.sql.parser.SqlBaseParser.JoinCriteriaContext;
import io.strata.sql.parser.SqlBaseParser.JoinRelationContext;
import io.strata.sql.parser.SqlBaseParser.JoinTypeContext;
import io.strata.sql.parser.SqlBaseParser.LikeClauseContext;
import io.strata.sql.parser.SqlBaseParser.LikeContext;
import io.strata.sql.parser.SqlBaseParser.LogicalBinaryContext;
import io.strata.sql.parser.SqlBaseParser.LogicalNotContext;
import io.strata.sql.parser.SqlBaseParser.MultipleGroupingSetsContext;
import io.strata.sql.parser.SqlBaseParser.NamedQueryContext;
import io.strata.sql.parser.SqlBaseParser.NullLiteralContext;
import io.strata.sql.parser.SqlBaseParser.NullPredicateContext;
import io.strata.sql.parser.SqlBaseParser.NumericLiteralContext;
import io.strata.sql.parser.SqlBaseParser.ParameterContext;
import io.strata.sql.parser.SqlBaseParser.ParenthesizedExpressionContext;
import io.strata.sql.parser.SqlBaseParser.ParenthesizedRelationContext;
import io.strata.sql.parser.SqlBaseParser.PositionContext;
import io.strata.sql.parser.SqlBaseParser.PredicateContext;
import io.strata.sql.parser.SqlBaseParser.PredicatedContext;
import io.strata.sql.parser.SqlBaseParser.PrepareContext;
import io.strata.sql.parser.SqlBaseParser.PropertiesContext;
import io.strata.sql.parser.SqlBaseParser.PropertyContext;
import io.strata.sql.parser.SqlBaseParser.QualifiedNameContext;
import io.strata.sql.parser.SqlBaseParser.QuantifiedComparisonContext;
import io.strata.sql.parser.SqlBaseParser.QueryContext;
import io.strata.sql.parser.SqlBaseParser.QueryNoWithContext;
import io.strata.sql.parser.SqlBaseParser.QueryPrimaryDefaultContext;
import io.strata.sql.parser.SqlBaseParser.QuerySpecificationContext;
import io.strata.sql.parser.SqlBaseParser.QueryTermDefaultContext;
import io.strata.sql.parser.SqlBaseParser.QuotedIdentifierContext;
import io.strata.sql.parser.SqlBaseParser.ReadCommittedContext;
import io.strata.sql.parser.SqlBaseParser.ReadUncommittedContext;
import io.strata.sql.parser.SqlBaseParser.RelationDefaultContext;
import io.strata.sql.parser.SqlBaseParser.RepeatableReadContext;
import io.strata.sql.parser.SqlBaseParser.ResetSessionContext;
import io.strata.sql.parser.SqlBaseParser.RollbackContext;
import io.strata.sql.parser.SqlBaseParser.RollupContext;
import io.strata.sql.parser.SqlBaseParser.RowConstructorContext;
import io.strata.sql.parser.SqlBaseParser.RowFieldContext;
import io.strata.sql.parser.SqlBaseParser.RowTypeContext;
import io.strata.sql.parser.SqlBaseParser.SearchedCaseContext;
import io.strata.sql.parser.SqlBaseParser.SelectAllContext;
import io.strata.sql.parser.SqlBaseParser.SelectSingleContext;
import io.strata.sql.parser.SqlBaseParser.SerializableContext;
import io.strata.sql.parser.SqlBaseParser.SetOperationContext;
import io.strata.sql.parser.SqlBaseParser.SetQuantifierContext;
import io.strata.sql.parser.SqlBaseParser.SetSessionContext;
import io.strata.sql.parser.SqlBaseParser.ShowCatalogsContext;
import io.strata.sql.parser.SqlBaseParser.ShowColumnsContext;
import io.strata.sql.parser.SqlBaseParser.ShowFunctionsContext;
import io.strata.sql.parser.SqlBaseParser.ShowSchemasContext;
import io.strata.sql.parser.SqlBaseParser.ShowSessionContext;
import io.strata.sql.parser.SqlBaseParser.ShowTablesContext;
import io.strata.sql.parser.SqlBaseParser.SimpleCaseContext;
import io.strata.sql.parser.SqlBaseParser.SingleGroupingSetContext;
import io.strata.sql.parser.SqlBaseParser.SingleStatementContext;
import io.strata.sql.parser.SqlBaseParser.SortItemContext;
import io.strata.sql.parser.SqlBaseParser.SpecialDateTimeFunctionContext;
import io.strata.sql.parser.SqlBaseParser.StandaloneExpressionContext;
import io.strata.sql.parser.SqlBaseParser.StandaloneTypeContext;
import io.strata.sql.parser.SqlBaseParser.StartTransactionContext;
import io.strata.sql.parser.SqlBaseParser.StatementDefaultContext;
import io.strata.sql.parser.SqlBaseParser.StringContext;
import io.strata.sql.parser.SqlBaseParser.StringLiteralContext;
import io.strata.sql.parser.SqlBaseParser.SubqueryContext;
import io.strata.sql.parser.SqlBaseParser.SubqueryExpressionContext;
import io.strata.sql.parser.SqlBaseParser.SubqueryRelationContext;
import io.strata.sql.parser.SqlBaseParser.SubscriptContext;
import io.strata.sql.parser.SqlBaseParser.SubstringContext;
import io.strata.sql.parser.SqlBaseParser.TableNameContext;
import io.strata.sql.parser.SqlBaseParser.TransactionAccessModeContext;
import io.strata.sql.parser.SqlBaseParser.TypeConstructorContext;
import io.strata.sql.parser.SqlBaseParser.TypeParameterContext;
import io.strata.sql.parser.SqlBaseParser.UnboundedFrameContext;
import io.strata.sql.parser.SqlBaseParser.UnquotedIdentifierContext;
import io.strata.sql.parser.SqlBaseParser.UseContext;
import io.strata.sql.parser.SqlBaseParser.ValueExpressionContext;
import io.strata.sql.parser.SqlBaseParser.ValueExpressionDefaultContext;
import io.strata.sql.parser.SqlBaseParser.WhenClauseContext;
import io.strata.sql.parser.SqlBaseParser.WindowFrameContext;
import io.strata.sql.parser.SqlBaseParser.WindowSpecificationContext;
import io.strata.sql.parser.SqlBaseParser.WithContext;
import io.strata.sql.tree.AliasedRelation;
import io.strata.sql.tree.AllColumns;
import io.strata.sql.tree.ArithmeticBinary;
import io.strata.sql.tree.ArithmeticUnary;
import io.strata.sql.tree.ArrayConstructor;
import io.strata.sql.tree.BetweenPredicate;
import io.strata.sql.tree.BooleanLiteral;
import io.strata.sql.tree.Cast;
import io.strata.sql.tree.CoalesceExpression;
import io.strata.sql.tree.ColumnDefinition;
import io.strata.sql.tree.Commit;
import io.strata.sql.tree.ComparisonExpression;
import io.strata.sql.tree.CreateSchema;
import io.strata.sql.tree.CreateTable;
import io.strata.sql.tree.CreateTableAsSelect;
import io.strata.sql.tree.Cube;
import io.strata.sql.tree.CurrentTime;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.Deallocate;
import io.strata.sql.tree.DecimalLiteral;
import io.strata.sql.tree.DereferenceExpression;
import io.strata.sql.tree.DescribeInput;
import io.strata.sql.tree.DescribeOutput;
import io.strata.sql.tree.DoubleLiteral;
import io.strata.sql.tree.DropTable;
import io.strata.sql.tree.Execute;
import io.strata.sql.tree.ExistsPredicate;
import io.strata.sql.tree.Explain;
import io.strata.sql.tree.ExplainFormat;
import io.strata.sql.tree.ExplainOption;
import io.strata.sql.tree.ExplainType;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.Extract;
import io.strata.sql.tree.FrameBound;
import io.strata.sql.tree.FunctionCall;
import io.strata.sql.tree.GenericLiteral;
import io.strata.sql.tree.GroupBy;
import io.strata.sql.tree.GroupingElement;
import io.strata.sql.tree.GroupingSets;
import io.strata.sql.tree.Identifier;
import io.strata.sql.tree.IfExpression;
import io.strata.sql.tree.InListPredicate;
import io.strata.sql.tree.InSubqueryPredicate;
import io.strata.sql.tree.Insert;
import io.strata.sql.tree.IntervalLiteral;
import io.strata.sql.tree.IsNotNullPredicate;
import io.strata.sql.tree.IsNullPredicate;
import io.strata.sql.tree.Isolation;
import io.strata.sql.tree.Join;
import io.strata.sql.tree.JoinCriteria;
import io.strata.sql.tree.JoinOn;
import io.strata.sql.tree.JoinUsing;
import io.strata.sql.tree.LikePredicate;
import io.strata.sql.tree.Limit;
import io.strata.sql.tree.LogicalExpression;
import io.strata.sql.tree.LongLiteral;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.NotExpression;
import io.strata.sql.tree.NullIfExpression;
import io.strata.sql.tree.NullLiteral;
import io.strata.sql.tree.Offset;
import io.strata.sql.tree.OrderBy;
import io.strata.sql.tree.Parameter;
import io.strata.sql.tree.Prepare;
import io.strata.sql.tree.Property;
import io.strata.sql.tree.QualifiedName;
import io.strata.sql.tree.QuantifiedComparison;
import io.strata.sql.tree.Query;
import io.strata.sql.tree.QueryBody;
import io.strata.sql.tree.QuerySpecification;
import io.strata.sql.tree.Relation;
import io.strata.sql.tree.ResetSession;
import io.strata.sql.tree.Rollback;
import io.strata.sql.tree.Rollup;
import io.strata.sql.tree.Row;
import io.strata.sql.tree.SearchedCaseExpression;
import io.strata.sql.tree.Select;
import io.strata.sql.tree.SelectItem;
import io.strata.sql.tree.SetOperation;
import io.strata.sql.tree.SetSession;
import io.strata.sql.tree.ShowCatalogs;
import io.strata.sql.tree.ShowColumns;
import io.strata.sql.tree.ShowFunctions;
import io.strata.sql.tree.ShowSchemas;
import io.strata.sql.tree.ShowSession;
import io.strata.sql.tree.ShowTables;
import io.strata.sql.tree.SimpleCaseExpression;
import io.strata.sql.tree.SimpleGroupBy;
import io.strata.sql.tree.SingleColumn;
import io.strata.sql.tree.SortItem;
import io.strata.sql.tree.StartTransaction;
import io.strata.sql.tree.Statement;
import io.strata.sql.tree.StringLiteral;
import io.strata.sql.tree.SubqueryExpression;
import io.strata.sql.tree.SubscriptExpression;
import io.strata.sql.tree.Table;
import io.strata.sql.tree.TableSubquery;
import io.strata.sql.tree.TransactionAccessMode;
import io.strata.sql.tree.TransactionMode;
import io.strata.sql.tree.Use;
import io.strata.sql.tree.Values;
import io.strata.sql.tree.WhenClause;
import io.strata.sql.tree.WindowFrame;
import io.strata.sql.tree.WindowSpecification;
import io.strata.sql.tree.With;
import io.strata.sql.tree.WithQuery;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.RuleNode;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static io.strata.protocol.ErrorCode.SYNTAX_ERROR;
import static java.util.Locale.ENGLISH;
import static java.util.Objects.requireNonNull;

/**
 * Turns ANTLR's parse tree into the AST of {@code io.strata.sql.tree}. Mistakes the grammar lets through
 * (numbers out of range, {@code if} with one argument, an unknown EXTRACT field) are reported here, as
 * syntax errors at the place they were written.
 */
final class AstBuilder
        extends SqlBaseBaseVisitor<Node>
{
    private static final String LONG_MIN_VALUE_MAGNITUDE = "9223372036854775808";

    private final List<Integer> parameterTokenIndexes;

    /**
     * @param parameterTokenIndexes the token indexes of the {@code ?} parameters in ascending order:
     * a parameter's position is its rank among them, whatever order the tree is built in
     */
    AstBuilder(List<Integer> parameterTokenIndexes)
    {
        this.parameterTokenIndexes = List.copyOf(requireNonNull(parameterTokenIndexes, "parameterTokenIndexes is null"));
    }

    @Override
    public Node visitChildren(RuleNode node)
    {
        // every rule that yields a node has its own visit method; arriving here is a bug in this class
        throw new IllegalStateException("no AST for rule " + SqlBaseParser.ruleNames[node.getRuleContext().getRuleIndex()]);
    }

    // ---------------------------------------------------------------- entry points

    @Override
    public Node visitSingleStatement(SingleStatementContext context)
    {
        return visit(context.statement());
    }

    @Override
    public Node visitStandaloneExpression(StandaloneExpressionContext context)
    {
        return visit(context.expression());
    }

    @Override
    public Node visitStandaloneType(StandaloneTypeContext context)
    {
        return visit(context.type());
    }

    // ---------------------------------------------------------------- statements

    @Override
    public Node visitStatementDefault(StatementDefaultContext context)
    {
        return visit(context.query());
    }

    @Override
    public Node visitUse(UseContext context)
    {
        return new Use(location(context), Optional.ofNullable(context.catalog).map(this::identifier), identifier(context.schema));
    }

    @Override
    public Node visitCreateSchema(CreateSchemaContext context)
    {
        return new CreateSchema(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null, properties(context.properties()));
    }

    @Override
    public Node visitCreateTableAsSelect(CreateTableAsSelectContext context)
    {
        return new CreateTableAsSelect(
                location(context),
                qualifiedName(context.qualifiedName()),
                query(context.query()),
                context.EXISTS() != null,
                properties(context.properties()),
                context.NO() == null,
                columnAliases(context.columnAliases()));
    }

    @Override
    public Node visitCreateTable(CreateTableContext context)
    {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDefinitionContext column : context.columnDefinition()) {
            columns.add(new ColumnDefinition(
                    location(column),
                    identifier(column.identifier()),
                    dataType(column.type()),
                    column.NOT() == null,
                    Optional.ofNullable(column.string()).map(AstBuilder::unquote)));
        }
        return new CreateTable(location(context), qualifiedName(context.qualifiedName()), columns, context.EXISTS() != null, properties(context.properties()));
    }

    @Override
    public Node visitDropTable(DropTableContext context)
    {
        return new DropTable(location(context), qualifiedName(context.qualifiedName()), context.EXISTS() != null);
    }

    @Override
    public Node visitInsertInto(InsertIntoContext context)
    {
        return new Insert(location(context), qualifiedName(context.qualifiedName()), columnAliases(context.columnAliases()), query(context.query()));
    }

    @Override
    public Node visitExplain(ExplainContext context)
    {
        List<ExplainOption> options = new ArrayList<>();
        context.explainOption().forEach(option -> options.add((ExplainOption) visit(option)));
        return new Explain(location(context), statement(context.statement()), context.ANALYZE() != null, options);
    }

    @Override
    public Node visitExplainFormat(ExplainFormatContext context)
    {
        ExplainFormat.Type type = switch (context.value.getType()) {
            case SqlBaseLexer.TEXT -> ExplainFormat.Type.TEXT;
            case SqlBaseLexer.GRAPHVIZ -> ExplainFormat.Type.GRAPHVIZ;
            case SqlBaseLexer.JSON -> ExplainFormat.Type.JSON;
            default -> throw new IllegalStateException("unknown EXPLAIN format " + context.value.getText());
        };
        return new ExplainFormat(location(context), type);
    }

    @Override
    public Node visitExplainType(ExplainTypeContext context)
    {
        ExplainType.Type type = switch (context.value.getType()) {
            case SqlBaseLexer.LOGICAL -> ExplainType.Type.LOGICAL;
            case SqlBaseLexer.DISTRIBUTED -> ExplainType.Type.DISTRIBUTED;
            case SqlBaseLexer.VALIDATE -> ExplainType.Type.VALIDATE;
            case SqlBaseLexer.IO -> ExplainType.Type.IO;
            default -> throw new IllegalStateException("unknown EXPLAIN type " + context.value.getText());
        };
        return new ExplainType(location(context), type);
    }

    @Override
    public Node visitShowCatalogs(ShowCatalogsContext context)
    {
        return new ShowCatalogs(location(context), likePattern(context.likeClause()), likeEscape(context.likeClause()));
    }

    @Override
    public Node visitShowSchemas(ShowSchemasContext context)
    {
        return new ShowSchemas(
                location(context),
                Optional.ofNullable(context.identifier()).map(this::identifier),
                likePattern(context.likeClause()),
                likeEscape(context.likeClause()));
    }

    @Override
    public Node visitShowTables(ShowTablesContext context)
    {
        return new ShowTables(
                location(context),
                Optional.ofNullable(context.qualifiedName()).map(this::qualifiedName),
                likePattern(context.likeClause()),
                likeEscape(context.likeClause()));
    }

    @Override
    public Node visitShowColumns(ShowColumnsContext context)
    {
        return new ShowColumns(location(context), qualifiedName(context.qualifiedName()));
    }

    @Override
    public Node visitShowSession(ShowSessionContext context)
    {
        return new ShowSession(location(context), likePattern(context.likeClause()), likeEscape(context.likeClause()));
    }

    @Override
    public Node visitShowFunctions(ShowFunctionsContext context)
    {
        return new ShowFunctions(location(context), likePattern(context.likeClause()), likeEscape(context.likeClause()));
    }

    @Override
    public Node visitDescribeInput(DescribeInputContext context)
    {
        return new DescribeInput(location(context), identifier(context.identifier()));
    }

    @Override
    public Node visitDescribeOutput(DescribeOutputContext context)
    {
        return new DescribeOutput(location(context), identifier(context.identifier()));
    }

    @Override
    public Node visitSetSession(SetSessionContext context)
    {
        return new SetSession(location(context), qualifiedName(context.qualifiedName()), expression(context.expression()));
    }

    @Override
    public Node visitResetSession(ResetSessionContext context)
    {
        return new ResetSession(location(context), qualifiedName(context.qualifiedName()));
    }

    @Override
    public Node visitStartTransaction(StartTransactionContext context)
    {
        List<TransactionMode> modes = new ArrayList<>();
        context.transactionMode().forEach(mode -> modes.add((TransactionMode) visit(mode)));
        return new StartTransaction(location(context), modes);
    }

    @Override
    public Node visitIsolationLevel(IsolationLevelContext context)
    {
        Isolation.Level level;
        if (context.levelOfIsolation() instanceof ReadUncommittedContext) {
            level = Isolation.Level.READ_UNCOMMITTED;
        }
        else if (context.levelOfIsolation() instanceof ReadCommittedContext) {
            level = Isolation.Level.READ_COMMITTED;
        }
        else if (context.levelOfIsolation() instanceof RepeatableReadContext) {
            level = Isolation.Level.REPEATABLE_READ;
        }
        else if (context.levelOfIsolation() instanceof SerializableContext) {
            level = Isolation.Level.SERIALIZABLE;
        }
        else {
            throw new IllegalStateException("unknown isolation level " + context.levelOfIsolation().getText());
        }
        return new Isolation(location(context), level);
    }

    @Override
    public Node visitTransactionAccessMode(TransactionAccessModeContext context)
    {
        return new TransactionAccessMode(location(context), context.accessMode.getType() == SqlBaseLexer.ONLY);
    }

    @Override
    public Node visitCommit(CommitContext context)
    {
        return new Commit(location(context));
    }

    @Override
    public Node visitRollback(RollbackContext context)
    {
        return new Rollback(location(context));
    }

    @Override
    public Node visitPrepare(PrepareContext context)
    {
        return new Prepare(location(context), identifier(context.identifier()), statement(context.statement()));
    }

    @Override
    public Node visitDeallocate(DeallocateContext context)
    {
        return new Deallocate(location(context), identifier(context.identifier()));
    }

    @Override
    public Node visitExecute(ExecuteContext context)
    {
        return new Execute(location(context), identifier(context.identifier()), expressions(context.expression()));
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Node visitQuery(QueryContext context)
    {
        Query body = (Query) visit(context.queryNoWith());
        Optional<With> with = Optional.ofNullable(context.with()).map(clause -> (With) visit(clause));
        return new Query(location(context), with, body.queryBody(), body.orderBy(), body.offset(), body.limit());
    }

    @Override
    public Node visitWith(WithContext context)
    {
        List<WithQuery> queries = new ArrayList<>();
        for (NamedQueryContext named : context.namedQuery()) {
            queries.add(new WithQuery(location(named), identifier(named.name), query(named.query()), columnAliases(named.columnAliases())));
        }
        return new With(location(context), queries);
    }

    @Override
    public Node visitQueryNoWith(QueryNoWithContext context)
    {
        QueryBody body = (QueryBody) visit(context.queryTerm());

        Optional<OrderBy> orderBy = Optional.empty();
        if (context.ORDER() != null) {
            orderBy = Optional.of(new OrderBy(location(context.ORDER()), sortItems(context.sortItem())));
        }
        Optional<Offset> offset = Optional.empty();
        if (context.OFFSET() != null) {
            offset = Optional.of(new Offset(location(context.OFFSET()), parseCount(context.offset)));
        }
        Optional<Limit> limit = Optional.empty();
        if (context.LIMIT() != null && context.limit.INTEGER_VALUE() != null) {
            limit = Optional.of(new Limit(location(context.LIMIT()), parseCount(context.limit.INTEGER_VALUE().getSymbol())));
        }
        else if (context.FETCH() != null) {
            long count = context.fetchFirst == null ? 1 : parseCount(context.fetchFirst);
            limit = Optional.of(new Limit(location(context.FETCH()), count));
        }

        if (body instanceof QuerySpecification specification) {
            // ORDER BY, OFFSET and LIMIT of a plain SELECT see its FROM clause: keep them on the specification
            QuerySpecification withClauses = new QuerySpecification(
                    specification.location(),
                    specification.select(),
                    specification.from(),
                    specification.where(),
                    specification.groupBy(),
                    specification.having(),
                    orderBy,
                    offset,
                    limit);
            return new Query(location(context), Optional.empty(), withClauses, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new Query(location(context), Optional.empty(), body, orderBy, offset, limit);
    }

    @Override
    public Node visitQueryTermDefault(QueryTermDefaultContext context)
    {
        return visit(context.queryPrimary());
    }

    @Override
    public Node visitSetOperation(SetOperationContext context)
    {
        SetOperation.Type type = switch (context.operator.getType()) {
            case SqlBaseLexer.UNION -> SetOperation.Type.UNION;
            case SqlBaseLexer.INTERSECT -> SetOperation.Type.INTERSECT;
            case SqlBaseLexer.EXCEPT -> SetOperation.Type.EXCEPT;
            default -> throw new IllegalStateException("unknown set operation " + context.operator.getText());
        };
        return new SetOperation(
                location(context.operator),
                type,
                isDistinct(context.setQuantifier(), true),
                (QueryBody) visit(context.left),
                (QueryBody) visit(context.right));
    }

    @Override
    public Node visitQueryPrimaryDefault(QueryPrimaryDefaultContext context)
    {
        return visit(context.querySpecification());
    }

    @Override
    public Node visitInlineTable(InlineTableContext context)
    {
        return new Values(location(context), expressions(context.expression()));
    }

    @Override
    public Node visitSubquery(SubqueryContext context)
    {
        return new TableSubquery(location(context), query(context.query()));
    }

    @Override
    public Node visitQuerySpecification(QuerySpecificationContext context)
    {
        List<SelectItem> items = new ArrayList<>();
        context.selectItem().forEach(item -> items.add((SelectItem) visit(item)));
        Select select = new Select(location(context.SELECT()), isDistinct(context.setQuantifier(), false), items);

        Optional<Relation> from = Optional.empty();
        List<SqlBaseParser.RelationContext> relations = context.relation();
        if (!relations.isEmpty()) {
            Relation relation = relation(relations.get(0));
            for (SqlBaseParser.RelationContext next : relations.subList(1, relations.size())) {
                relation = new Join(location(next), Join.Type.IMPLICIT, relation, relation(next), Optional.empty());
            }
            from = Optional.of(relation);
        }

        Optional<GroupBy> groupBy = Optional.empty();
        if (context.GROUP() != null) {
            List<GroupingElement> elements = new ArrayList<>();
            context.groupingElement().forEach(element -> elements.add(groupingElement(element)));
            groupBy = Optional.of(new GroupBy(location(context.GROUP()), elements));
        }

        return new QuerySpecification(
                location(context),
                select,
                from,
                Optional.ofNullable(context.where).map(this::expression),
                groupBy,
                Optional.ofNullable(context.having).map(this::expression),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private GroupingElement groupingElement(GroupingElementContext context)
    {
        if (context instanceof SingleGroupingSetContext single) {
            return new SimpleGroupBy(location(single), expression(single.expression()));
        }
        if (context instanceof RollupContext rollup) {
            return new Rollup(location(rollup), expressions(rollup.expression()));
        }
        if (context instanceof CubeContext cube) {
            return new Cube(location(cube), expressions(cube.expression()));
        }
        if (context instanceof MultipleGroupingSetsContext sets) {
            List<List<Expression>> groupingSets = new ArrayList<>();
            for (GroupingSetContext set : sets.groupingSet()) {
                groupingSets.add(expressions(set.expression()));
            }
            return new GroupingSets(location(sets), groupingSets);
        }
        throw new IllegalStateException("unknown grouping element " + context.getText());
    }

    @Override
    public Node visitSelectSingle(SelectSingleContext context)
    {
        return new SingleColumn(location(context), expression(context.expression()), Optional.ofNullable(context.identifier()).map(this::identifier));
    }

    @Override
    public Node visitSelectAll(SelectAllContext context)
    {
        return new AllColumns(location(context), Optional.ofNullable(context.qualifiedName()).map(this::qualifiedName));
    }

    @Override
    public Node visitJoinRelation(JoinRelationContext context)
    {
        Relation left = relation(context.left);
        if (context.CROSS() != null) {
            return new Join(location(context.CROSS()), Join.Type.CROSS, left, (Relation) visit(context.right), Optional.empty());
        }

        JoinTypeContext joinType = context.joinType();
        Join.Type type = Join.Type.INNER;
        if (joinType.LEFT() != null) {
            type = Join.Type.LEFT;
        }
        else if (joinType.RIGHT() != null) {
            type = Join.Type.RIGHT;
        }
        else if (joinType.FULL() != null) {
            type = Join.Type.FULL;
        }

        JoinCriteriaContext criteriaContext = context.joinCriteria();
        JoinCriteria criteria;
        if (criteriaContext.ON() != null) {
            criteria = new JoinOn(location(criteriaContext), expression(criteriaContext.booleanExpression()));
        }
        else {
            List<Identifier> columns = new ArrayList<>();
            criteriaContext.identifier().forEach(column -> columns.add(identifier(column)));
            criteria = new JoinUsing(location(criteriaContext), columns);
        }
        Optional<Location> location = joinType.getChildCount() == 0 ? location(context.JOIN()) : location(joinType);
        return new Join(location, type, left, relation(context.rightRelation), Optional.of(criteria));
    }

    @Override
    public Node visitRelationDefault(RelationDefaultContext context)
    {
        return visit(context.aliasedRelation());
    }

    @Override
    public Node visitAliasedRelation(AliasedRelationContext context)
    {
        Relation relation = (Relation) visit(context.relationPrimary());
        if (context.identifier() == null) {
            return relation;
        }
        return new AliasedRelation(location(context), relation, identifier(context.identifier()), columnAliases(context.columnAliases()));
    }

    @Override
    public Node visitTableName(TableNameContext context)
    {
        return new Table(location(context), qualifiedName(context.qualifiedName()));
    }

    @Override
    public Node visitSubqueryRelation(SubqueryRelationContext context)
    {
        return new TableSubquery(location(context), query(context.query()));
    }

    @Override
    public Node visitParenthesizedRelation(ParenthesizedRelationContext context)
    {
        return visit(context.relation());
    }

    private List<SortItem> sortItems(List<SortItemContext> contexts)
    {
        List<SortItem> items = new ArrayList<>();
        for (SortItemContext context : contexts) {
            SortItem.Ordering ordering = context.ordering != null && context.ordering.getType() == SqlBaseLexer.DESC
                    ? SortItem.Ordering.DESCENDING
                    : SortItem.Ordering.ASCENDING;
            SortItem.NullOrdering nullOrdering = SortItem.NullOrdering.UNDEFINED;
            if (context.nullOrdering != null) {
                nullOrdering = context.nullOrdering.getType() == SqlBaseLexer.FIRST ? SortItem.NullOrdering.FIRST : SortItem.NullOrdering.LAST;
            }
            items.add(new SortItem(location(context), expression(context.expression()), ordering, nullOrdering));
        }
        return items;
    }

    // ---------------------------------------------------------------- boolean expressions and predicates

    @Override
    public Node visitExpression(ExpressionContext context)
    {
        return visit(context.booleanExpression());
    }

    @Override
    public Node visitLogicalBinary(LogicalBinaryContext context)
    {
        LogicalExpression.Operator operator = context.operator.getType() == SqlBaseLexer.AND
                ? LogicalExpression.Operator.AND
                : LogicalExpression.Operator.OR;

        // walk down the left spine without recursion: generated SQL chains thousands of ORs
        Deque<ParserRuleContext> operands = new ArrayDeque<>();
        ParserRuleContext current = context;
        while (current instanceof LogicalBinaryContext binary && binary.operator.getType() == context.operator.getType()) {
            operands.push(binary.right);
            current = binary.left;
        }
        operands.push(current);

        List<Expression> terms = new ArrayList<>();
        for (ParserRuleContext operand : operands) {
            Expression term = expression(operand);
            if (term instanceof LogicalExpression logical && logical.operator() == operator) {
                terms.addAll(logical.terms());
            }
            else {
                terms.add(term);
            }
        }
        return new LogicalExpression(location(context), operator, terms);
    }

    @Override
    public Node visitLogicalNot(LogicalNotContext context)
    {
        return new NotExpression(location(context), expression(context.booleanExpression()));
    }

    @Override
    public Node visitPredicated(PredicatedContext context)
    {
        Expression value = expression(context.valueExpression());
        if (context.predicate() == null) {
            return value;
        }
        return predicate(context, value, context.predicate());
    }

    private Expression predicate(PredicatedContext predicated, Expression value, PredicateContext context)
    {
        Optional<Location> location = location(predicated);
        if (context instanceof ComparisonContext comparison) {
            return new ComparisonExpression(
                    location(comparison.comparisonOperator()),
                    comparisonOperator(comparison.comparisonOperator()),
                    value,
                    expression(comparison.right));
        }
        if (context instanceof QuantifiedComparisonContext quantified) {
            QuantifiedComparison.Quantifier quantifier = switch (quantified.comparisonQuantifier().getStart().getType()) {
                case SqlBaseLexer.ALL -> QuantifiedComparison.Quantifier.ALL;
                case SqlBaseLexer.ANY -> QuantifiedComparison.Quantifier.ANY;
                case SqlBaseLexer.SOME -> QuantifiedComparison.Quantifier.SOME;
                default -> throw new IllegalStateException("unknown quantifier " + quantified.comparisonQuantifier().getText());
            };
            return new QuantifiedComparison(
                    location(quantified.comparisonOperator()),
                    comparisonOperator(quantified.comparisonOperator()),
                    quantifier,
                    value,
                    query(quantified.query()));
        }
        if (context instanceof BetweenContext between) {
            Expression result = new BetweenPredicate(location, value, expression(between.lower), expression(between.upper));
            return between.NOT() == null ? result : new NotExpression(location, result);
        }
        if (context instanceof InListContext in) {
            Expression result = new InListPredicate(location, value, expressions(in.expression()));
            return in.NOT() == null ? result : new NotExpression(location, result);
        }
        if (context instanceof InSubqueryContext in) {
            Expression result = new InSubqueryPredicate(location, value, query(in.query()));
            return in.NOT() == null ? result : new NotExpression(location, result);
        }
        if (context instanceof LikeContext like) {
            Expression result = new LikePredicate(location, value, expression(like.pattern), Optional.ofNullable(like.escape).map(this::expression));
            return like.NOT() == null ? result : new NotExpression(location, result);
        }
        if (context instanceof NullPredicateContext nullPredicate) {
            return nullPredicate.NOT() == null ? new IsNullPredicate(location, value) : new IsNotNullPredicate(location, value);
        }
        if (context instanceof DistinctFromContext distinct) {
            Expression result = new ComparisonExpression(location(distinct.IS()), ComparisonExpression.Operator.IS_DISTINCT_FROM, value, expression(distinct.right));
            return distinct.NOT() == null ? result : new NotExpression(location, result);
        }
        throw new IllegalStateException("unknown predicate " + context.getText());
    }

    private static ComparisonExpression.Operator comparisonOperator(ComparisonOperatorContext context)
    {
        return switch (context.getStart().getType()) {
            case SqlBaseLexer.EQ -> ComparisonExpression.Operator.EQUAL;
            case SqlBaseLexer.NEQ -> ComparisonExpression.Operator.NOT_EQUAL;
            case SqlBaseLexer.LT -> ComparisonExpression.Operator.LESS_THAN;
            case SqlBaseLexer.LTE -> ComparisonExpression.Operator.LESS_THAN_OR_EQUAL;
            case SqlBaseLexer.GT -> ComparisonExpression.Operator.GREATER_THAN;
            case SqlBaseLexer.GTE -> ComparisonExpression.Operator.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalStateException("unknown comparison " + context.getText());
        };
    }

    // ---------------------------------------------------------------- value expressions

    @Override
    public Node visitValueExpressionDefault(ValueExpressionDefaultContext context)
    {
        return visit(context.primaryExpression());
    }

    @Override
    public Node visitArithmeticUnary(ArithmeticUnaryContext context)
    {
        boolean minus = context.operator.getType() == SqlBaseLexer.MINUS;
        if (minus && isIntegerLiteral(context.valueExpression(), LONG_MIN_VALUE_MAGNITUDE)) {
            // the one integer whose magnitude does not fit a long without its sign
            return new LongLiteral(location(context), Long.MIN_VALUE);
        }
        return new ArithmeticUnary(
                location(context),
                minus ? ArithmeticUnary.Sign.MINUS : ArithmeticUnary.Sign.PLUS,
                expression(context.valueExpression()));
    }

    private static boolean isIntegerLiteral(ValueExpressionContext context, String text)
    {
        return context instanceof ValueExpressionDefaultContext value
                && value.primaryExpression() instanceof NumericLiteralContext numeric
                && numeric.number() instanceof IntegerLiteralContext integer
                && integer.getText().equals(text);
    }

    @Override
    public Node visitArithmeticBinary(ArithmeticBinaryContext context)
    {
        ArithmeticBinary.Operator operator = switch (context.operator.getType()) {
            case SqlBaseLexer.PLUS -> ArithmeticBinary.Operator.ADD;
            case SqlBaseLexer.MINUS -> ArithmeticBinary.Operator.SUBTRACT;
            case SqlBaseLexer.ASTERISK -> ArithmeticBinary.Operator.MULTIPLY;
            case SqlBaseLexer.SLASH -> ArithmeticBinary.Operator.DIVIDE;
            case SqlBaseLexer.PERCENT -> ArithmeticBinary.Operator.MODULUS;
            default -> throw new IllegalStateException("unknown operator " + context.operator.getText());
        };
        return new ArithmeticBinary(location(context.operator), operator, expression(context.left), expression(context.right));
    }

    /** {@code x AT TIME ZONE 'zone'} is the call {@code at_timezone(x, 'zone')}, as Presto desugars it. */
    @Override
    public Node visitAtTimeZone(SqlBaseParser.AtTimeZoneContext context)
    {
        return new FunctionCall(
                location(context.AT()),
                QualifiedName.of("at_timezone"),
                false,
                List.of(expression(context.value), new StringLiteral(location(context.zone), unquote(context.zone))),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public Node visitConcatenation(ConcatenationContext context)
    {
        return new FunctionCall(
                location(context.CONCAT()),
                QualifiedName.of("concat"),
                false,
                List.of(expression(context.left), expression(context.right)),
                Optional.empty(),
                Optional.empty());
    }

    // ---------------------------------------------------------------- primary expressions

    @Override
    public Node visitNullLiteral(NullLiteralContext context)
    {
        return new NullLiteral(location(context));
    }

    @Override
    public Node visitIntervalLiteral(IntervalLiteralContext context)
    {
        return visit(context.interval());
    }

    @Override
    public Node visitInterval(IntervalContext context)
    {
        IntervalLiteral.Sign sign = context.sign != null && context.sign.getType() == SqlBaseLexer.MINUS
                ? IntervalLiteral.Sign.NEGATIVE
                : IntervalLiteral.Sign.POSITIVE;
        return new IntervalLiteral(
                location(context),
                unquote(context.string()),
                sign,
                intervalField(context.from),
                Optional.ofNullable(context.to).map(AstBuilder::intervalField));
    }

    private static IntervalLiteral.IntervalField intervalField(IntervalFieldContext context)
    {
        return switch (context.getStart().getType()) {
            case SqlBaseLexer.YEAR -> IntervalLiteral.IntervalField.YEAR;
            case SqlBaseLexer.MONTH -> IntervalLiteral.IntervalField.MONTH;
            case SqlBaseLexer.DAY -> IntervalLiteral.IntervalField.DAY;
            case SqlBaseLexer.HOUR -> IntervalLiteral.IntervalField.HOUR;
            case SqlBaseLexer.MINUTE -> IntervalLiteral.IntervalField.MINUTE;
            case SqlBaseLexer.SECOND -> IntervalLiteral.IntervalField.SECOND;
            default -> throw new IllegalStateException("unknown interval field " + context.getText());
        };
    }

    @Override
    public Node visitTypeConstructor(TypeConstructorContext context)
    {
        String type = context.identifier() == null ? "double" : identifier(context.identifier()).value();
        return new GenericLiteral(location(context), type.toLowerCase(ENGLISH), unquote(context.string()));
    }

    @Override
    public Node visitNumericLiteral(NumericLiteralContext context)
    {
        return visit(context.number());
    }

    @Override
    public Node visitDecimalLiteral(DecimalLiteralContext context)
    {
        return new DecimalLiteral(location(context), context.getText());
    }

    @Override
    public Node visitDoubleLiteral(DoubleLiteralContext context)
    {
        double value = Double.parseDouble(context.getText());
        if (Double.isInfinite(value)) {
            throw syntaxError(context.getStart(), "invalid numeric literal: " + context.getText() + " is out of the range of double");
        }
        return new DoubleLiteral(location(context), value);
    }

    @Override
    public Node visitIntegerLiteral(IntegerLiteralContext context)
    {
        try {
            return new LongLiteral(location(context), Long.parseLong(context.getText()));
        }
        catch (NumberFormatException e) {
            throw syntaxError(context.getStart(), "invalid numeric literal: " + context.getText() + " is out of the range of bigint");
        }
    }

    @Override
    public Node visitBooleanLiteral(BooleanLiteralContext context)
    {
        return new BooleanLiteral(location(context), context.booleanValue().TRUE() != null);
    }

    @Override
    public Node visitStringLiteral(StringLiteralContext context)
    {
        return new StringLiteral(location(context), unquote(context.string()));
    }

    @Override
    public Node visitParameter(ParameterContext context)
    {
        int position = Collections.binarySearch(parameterTokenIndexes, context.QUESTION_MARK().getSymbol().getTokenIndex());
        if (position < 0) {
            throw new IllegalStateException("parameter token was not counted");
        }
        return new Parameter(location(context), position);
    }

    @Override
    public Node visitRowConstructor(RowConstructorContext context)
    {
        return new Row(location(context), expressions(context.expression()));
    }

    @Override
    public Node visitFunctionCall(FunctionCallContext context)
    {
        Optional<Location> location = location(context);
        QualifiedName name = qualifiedName(context.qualifiedName());
        boolean distinct = isDistinct(context.setQuantifier(), false);
        List<Expression> arguments = expressions(context.expression());
        Optional<Expression> filter = Optional.ofNullable(context.filter()).map(clause -> expression(clause.booleanExpression()));
        Optional<WindowSpecification> window = Optional.ofNullable(context.over()).map(over -> windowSpecification(over.windowSpecification()));

        if (name.identifiers().size() == 1) {
            String simpleName = name.suffix();
            if (simpleName.equals("if")) {
                checkSpecialForm(context, simpleName, arguments.size() == 2 || arguments.size() == 3, "two or three arguments");
                return new IfExpression(location, arguments.get(0), arguments.get(1), arguments.stream().skip(2).findFirst());
            }
            if (simpleName.equals("nullif")) {
                checkSpecialForm(context, simpleName, arguments.size() == 2, "two arguments");
                return new NullIfExpression(location, arguments.get(0), arguments.get(1));
            }
            if (simpleName.equals("coalesce")) {
                checkSpecialForm(context, simpleName, arguments.size() >= 2, "at least two arguments");
                return new CoalesceExpression(location, arguments);
            }
        }
        return new FunctionCall(location, name, distinct, arguments, filter, window);
    }

    private static void checkSpecialForm(FunctionCallContext context, String name, boolean argumentsValid, String expectedArguments)
    {
        if (context.setQuantifier() != null) {
            throw syntaxError(context.setQuantifier().getStart(), context.setQuantifier().getText().toUpperCase(ENGLISH) + " is not allowed in " + name + "()");
        }
        if (context.filter() != null) {
            throw syntaxError(context.filter().getStart(), "FILTER is not allowed for " + name + "()");
        }
        if (context.over() != null) {
            throw syntaxError(context.over().getStart(), "OVER is not allowed for " + name + "()");
        }
        if (context.ASTERISK() != null || !argumentsValid) {
            throw syntaxError(context.getStart(), name + "() takes " + expectedArguments);
        }
    }

    private WindowSpecification windowSpecification(WindowSpecificationContext context)
    {
        Optional<OrderBy> orderBy = Optional.empty();
        if (context.ORDER() != null) {
            orderBy = Optional.of(new OrderBy(location(context.ORDER()), sortItems(context.sortItem())));
        }
        return new WindowSpecification(
                location(context),
                expressions(context.partition),
                orderBy,
                Optional.ofNullable(context.windowFrame()).map(this::windowFrame));
    }

    private WindowFrame windowFrame(WindowFrameContext context)
    {
        WindowFrame.Type type = context.frameType.getType() == SqlBaseLexer.RANGE ? WindowFrame.Type.RANGE : WindowFrame.Type.ROWS;
        return new WindowFrame(location(context), type, frameBound(context.start), Optional.ofNullable(context.end).map(this::frameBound));
    }

    private FrameBound frameBound(FrameBoundContext context)
    {
        if (context instanceof UnboundedFrameContext unbounded) {
            FrameBound.Type type = unbounded.boundType.getType() == SqlBaseLexer.PRECEDING
                    ? FrameBound.Type.UNBOUNDED_PRECEDING
                    : FrameBound.Type.UNBOUNDED_FOLLOWING;
            return new FrameBound(location(context), type, Optional.empty());
        }
        if (context instanceof CurrentRowBoundContext) {
            return new FrameBound(location(context), FrameBound.Type.CURRENT_ROW, Optional.empty());
        }
        if (context instanceof BoundedFrameContext bounded) {
            FrameBound.Type type = bounded.boundType.getType() == SqlBaseLexer.PRECEDING ? FrameBound.Type.PRECEDING : FrameBound.Type.FOLLOWING;
            return new FrameBound(location(context), type, Optional.of(expression(bounded.expression())));
        }
        throw new IllegalStateException("unknown frame bound " + context.getText());
    }

    @Override
    public Node visitSubqueryExpression(SubqueryExpressionContext context)
    {
        return new SubqueryExpression(location(context), query(context.query()));
    }

    @Override
    public Node visitExists(ExistsContext context)
    {
        return new ExistsPredicate(location(context), query(context.query()));
    }

    @Override
    public Node visitSimpleCase(SimpleCaseContext context)
    {
        return new SimpleCaseExpression(
                location(context),
                expression(context.operand),
                whenClauses(context.whenClause()),
                Optional.ofNullable(context.elseExpression).map(this::expression));
    }

    @Override
    public Node visitSearchedCase(SearchedCaseContext context)
    {
        return new SearchedCaseExpression(
                location(context),
                whenClauses(context.whenClause()),
                Optional.ofNullable(context.elseExpression).map(this::expression));
    }

    private List<WhenClause> whenClauses(List<WhenClauseContext> contexts)
    {
        List<WhenClause> clauses = new ArrayList<>();
        for (WhenClauseContext context : contexts) {
            clauses.add(new WhenClause(location(context), expression(context.condition), expression(context.result)));
        }
        return clauses;
    }

    @Override
    public Node visitCast(CastContext context)
    {
        return new Cast(location(context), expression(context.expression()), dataType(context.type()), context.TRY_CAST() != null);
    }

    @Override
    public Node visitArrayConstructor(ArrayConstructorContext context)
    {
        return new ArrayConstructor(location(context), expressions(context.expression()));
    }

    @Override
    public Node visitSubscript(SubscriptContext context)
    {
        return new SubscriptExpression(location(context), expression(context.value), expression(context.index));
    }

    @Override
    public Node visitColumnReference(ColumnReferenceContext context)
    {
        return identifier(context.identifier());
    }

    @Override
    public Node visitDereference(DereferenceContext context)
    {
        return new DereferenceExpression(location(context), expression(context.base), identifier(context.fieldName));
    }

    @Override
    public Node visitSpecialDateTimeFunction(SpecialDateTimeFunctionContext context)
    {
        CurrentTime.Function function = switch (context.name.getType()) {
            case SqlBaseLexer.CURRENT_DATE -> CurrentTime.Function.CURRENT_DATE;
            case SqlBaseLexer.CURRENT_TIME -> CurrentTime.Function.CURRENT_TIME;
            case SqlBaseLexer.CURRENT_TIMESTAMP -> CurrentTime.Function.CURRENT_TIMESTAMP;
            case SqlBaseLexer.LOCALTIME -> CurrentTime.Function.LOCALTIME;
            case SqlBaseLexer.LOCALTIMESTAMP -> CurrentTime.Function.LOCALTIMESTAMP;
            default -> throw new IllegalStateException("unknown function " + context.name.getText());
        };
        Optional<Integer> precision = Optional.ofNullable(context.precision).map(AstBuilder::parseInt);
        return new CurrentTime(location(context), function, precision);
    }

    /** {@code GROUPING(k, ...)}: a call of the reserved word, checked by the analyzer like any grouping operation. */
    @Override
    public Node visitGroupingOperation(SqlBaseParser.GroupingOperationContext context)
    {
        return new FunctionCall(location(context), QualifiedName.of("grouping"), false, expressions(context.expression()), Optional.empty(), Optional.empty());
    }

    @Override
    public Node visitExtract(ExtractContext context)
    {
        Identifier field = identifier(context.identifier());
        try {
            return new Extract(location(context), expression(context.valueExpression()), Extract.Field.valueOf(field.value().toUpperCase(ENGLISH)));
        }
        catch (IllegalArgumentException e) {
            throw syntaxError(context.identifier().getStart(), "invalid EXTRACT field: " + field.value());
        }
    }

    @Override
    public Node visitSubstring(SubstringContext context)
    {
        // SUBSTRING(s FROM start FOR length) is substr(s, start, length)
        return new FunctionCall(location(context), QualifiedName.of("substr"), false, expressions(context.valueExpression()), Optional.empty(), Optional.empty());
    }

    @Override
    public Node visitPosition(PositionContext context)
    {
        // POSITION(needle IN haystack) is strpos(haystack, needle)
        List<Expression> arguments = List.of(expression(context.valueExpression(1)), expression(context.valueExpression(0)));
        return new FunctionCall(location(context), QualifiedName.of("strpos"), false, arguments, Optional.empty(), Optional.empty());
    }

    /** {@code TRIM([BOTH | LEADING | TRAILING] [chars] FROM s)} is trim, ltrim or rtrim of (s[, chars]). */
    @Override
    public Node visitTrim(SqlBaseParser.TrimContext context)
    {
        String function = "trim";
        if (context.trimsSpecification() != null) {
            if (context.trimsSpecification().LEADING() != null) {
                function = "ltrim";
            }
            else if (context.trimsSpecification().TRAILING() != null) {
                function = "rtrim";
            }
        }
        List<Expression> arguments = new ArrayList<>();
        arguments.add(expression(context.trimSource));
        if (context.trimChar != null) {
            arguments.add(expression(context.trimChar));
        }
        return new FunctionCall(location(context), QualifiedName.of(function), false, arguments, Optional.empty(), Optional.empty());
    }

    @Override
    public Node visitParenthesizedExpression(ParenthesizedExpressionContext context)
    {
        if (context.expression().size() == 1) {
            return visit(context.expression(0));
        }
        return new Row(location(context), expressions(context.expression()));
    }

    // ---------------------------------------------------------------- types

    @Override
    public Node visitRowType(RowTypeContext context)
    {
        List<DataType.Parameter> fields = new ArrayList<>();
        for (RowFieldContext field : context.rowField()) {
            fields.add(new DataType.RowField(Optional.ofNullable(field.identifier()).map(this::identifier), dataType(field.type())));
        }
        return new DataType(location(context), "row", fields);
    }

    @Override
    public Node visitIntervalType(IntervalTypeContext context)
    {
        String name = "interval " + context.from.getText();
        if (context.to != null) {
            name += " to " + context.to.getText();
        }
        return new DataType(location(context), name.toLowerCase(ENGLISH), List.of());
    }

    @Override
    public Node visitDateTimeType(DateTimeTypeContext context)
    {
        String name = context.base.getType() == SqlBaseLexer.TIME ? "time" : "timestamp";
        if (context.WITH() != null) {
            name += " with time zone";
        }
        List<DataType.Parameter> parameters = context.precision == null
                ? List.of()
                : List.of(new DataType.NumericParameter(parseInt(context.precision)));
        return new DataType(location(context), name, parameters);
    }

    @Override
    public Node visitDoublePrecisionType(DoublePrecisionTypeContext context)
    {
        return new DataType(location(context), "double", List.of());
    }

    @Override
    public Node visitGenericType(GenericTypeContext context)
    {
        Identifier identifier = identifier(context.identifier());
        String name = identifier.value();
        if (!identifier.delimited() && name.equals("int")) {
            name = "integer";
        }
        List<DataType.Parameter> parameters = new ArrayList<>();
        for (TypeParameterContext parameter : context.typeParameter()) {
            if (parameter.INTEGER_VALUE() != null) {
                parameters.add(new DataType.NumericParameter(parseCount(parameter.INTEGER_VALUE().getSymbol())));
            }
            else {
                parameters.add(new DataType.TypeParameter(dataType(parameter.type())));
            }
        }
        return new DataType(location(context), name, parameters);
    }

    // ---------------------------------------------------------------- names and helpers

    private Identifier identifier(IdentifierContext context)
    {
        if (context instanceof QuotedIdentifierContext) {
            String text = context.getText();
            String value = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            if (value.isEmpty()) {
                throw syntaxError(context.getStart(), "zero-length delimited identifier not allowed");
            }
            return new Identifier(location(context), value, true);
        }
        if (context instanceof UnquotedIdentifierContext) {
            return new Identifier(location(context), context.getText().toLowerCase(ENGLISH), false);
        }
        throw new IllegalStateException("unknown identifier " + context.getText());
    }

    private QualifiedName qualifiedName(QualifiedNameContext context)
    {
        List<Identifier> parts = new ArrayList<>();
        context.identifier().forEach(part -> parts.add(identifier(part)));
        return new QualifiedName(parts);
    }

    private List<Identifier> columnAliases(ColumnAliasesContext context)
    {
        List<Identifier> aliases = new ArrayList<>();
        if (context != null) {
            context.identifier().forEach(alias -> aliases.add(identifier(alias)));
        }
        return aliases;
    }

    private List<Property> properties(PropertiesContext context)
    {
        List<Property> properties = new ArrayList<>();
        if (context != null) {
            for (PropertyContext property : context.property()) {
                properties.add(new Property(location(property), identifier(property.identifier()), expression(property.expression())));
            }
        }
        return properties;
    }

    private static Optional<String> likePattern(LikeClauseContext context)
    {
        return Optional.ofNullable(context).map(like -> unquote(like.pattern));
    }

    private static Optional<String> likeEscape(LikeClauseContext context)
    {
        return Optional.ofNullable(context).flatMap(like -> Optional.ofNullable(like.escape)).map(AstBuilder::unquote);
    }

    private static boolean isDistinct(SetQuantifierContext context, boolean whenAbsent)
    {
        if (context == null) {
            return whenAbsent;
        }
        return context.DISTINCT() != null;
    }

    private Statement statement(ParserRuleContext context)
    {
        return (Statement) visit(context);
    }

    private Query query(ParserRuleContext context)
    {
        return (Query) visit(context);
    }

    private Relation relation(ParserRuleContext context)
    {
        return (Relation) visit(context);
    }

    private Expression expression(ParserRuleContext context)
    {
        return (Expression) visit(context);
    }

    private DataType dataType(ParserRuleContext context)
    {
        return (DataType) visit(context);
    }

    private List<Expression> expressions(List<? extends ParserRuleContext> contexts)
    {
        List<Expression> expressions = new ArrayList<>(contexts.size());
        for (ParserRuleContext context : contexts) {
            expressions.add(expression(context));
        }
        return expressions;
    }

    private static String unquote(StringContext context)
    {
        String text = context.getText();
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    private static long parseCount(Token token)
    {
        try {
            return Long.parseLong(token.getText());
        }
        catch (NumberFormatException e) {
            throw syntaxError(token, "invalid numeric literal: " + token.getText() + " is out of the range of bigint");
        }
    }

    private static int parseInt(Token token)
    {
        try {
            return Integer.parseInt(token.getText());
        }
        catch (NumberFormatException e) {
            throw syntaxError(token, "invalid numeric literal: " + token.getText() + " is out of the range of integer");
        }
    }

    private static Optional<Location> location(ParserRuleContext context)
    {
        return location(context.getStart());
    }

    private static Optional<Location> location(TerminalNode node)
    {
        return location(node.getSymbol());
    }

    private static Optional<Location> location(Token token)
    {
        return Optional.of(new Location(token.getLine(), token.getCharPositionInLine() + 1));
    }

    private static StrataException syntaxError(Token token, String message)
    {
        return new StrataException(SYNTAX_ERROR, new Location(token.getLine(), token.getCharPositionInLine() + 1), message);
    }
}
