package io.strata.sql.tree;

/**
 * A visitor over the syntax tree. Every {@code visit} method has a default that calls the method of the
 * node's supertype ({@code visitLongLiteral} calls {@code visitLiteral}, which calls {@code visitExpression},
 * which calls {@code visitNode}); {@link #visitNode} fails, so a visitor handles every node it can meet or
 * overrides {@code visitNode}. {@link DefaultTraversalVisitor} walks all children.
 *
 * @param <R> what a visit returns
 * @param <C> the context passed down
 */
public interface AstVisitor<R, C>
{
    /** Visits {@code node}: the entry point, same as {@code node.accept(this, context)}. */
    default R process(Node node, C context)
    {
        return node.accept(this, context);
    }

    default R visitNode(Node node, C context)
    {
        throw new IllegalArgumentException(getClass().getSimpleName() + " does not handle " + node.getClass().getSimpleName());
    }

    default R visitStatement(Statement node, C context)
    {
        return visitNode(node, context);
    }

    default R visitRelation(Relation node, C context)
    {
        return visitNode(node, context);
    }

    default R visitQueryBody(QueryBody node, C context)
    {
        return visitRelation(node, context);
    }

    default R visitExpression(Expression node, C context)
    {
        return visitNode(node, context);
    }

    default R visitLiteral(Literal node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitSelectItem(SelectItem node, C context)
    {
        return visitNode(node, context);
    }

    default R visitGroupingElement(GroupingElement node, C context)
    {
        return visitNode(node, context);
    }

    default R visitJoinCriteria(JoinCriteria node, C context)
    {
        return visitNode(node, context);
    }

    default R visitExplainOption(ExplainOption node, C context)
    {
        return visitNode(node, context);
    }

    default R visitTransactionMode(TransactionMode node, C context)
    {
        return visitNode(node, context);
    }

    default R visitQuery(Query node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitExplain(Explain node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowCatalogs(ShowCatalogs node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowSchemas(ShowSchemas node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowTables(ShowTables node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowColumns(ShowColumns node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowSession(ShowSession node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitShowFunctions(ShowFunctions node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitUse(Use node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitSetSession(SetSession node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitResetSession(ResetSession node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitPrepare(Prepare node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitExecute(Execute node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitDeallocate(Deallocate node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitDescribeInput(DescribeInput node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitDescribeOutput(DescribeOutput node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitStartTransaction(StartTransaction node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitCommit(Commit node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitRollback(Rollback node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitCreateSchema(CreateSchema node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitCreateTable(CreateTable node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitCreateTableAsSelect(CreateTableAsSelect node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitInsert(Insert node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitDropTable(DropTable node, C context)
    {
        return visitStatement(node, context);
    }

    default R visitTable(Table node, C context)
    {
        return visitRelation(node, context);
    }

    default R visitAliasedRelation(AliasedRelation node, C context)
    {
        return visitRelation(node, context);
    }

    default R visitJoin(Join node, C context)
    {
        return visitRelation(node, context);
    }

    default R visitQuerySpecification(QuerySpecification node, C context)
    {
        return visitQueryBody(node, context);
    }

    default R visitSetOperation(SetOperation node, C context)
    {
        return visitQueryBody(node, context);
    }

    default R visitValues(Values node, C context)
    {
        return visitQueryBody(node, context);
    }

    default R visitTableSubquery(TableSubquery node, C context)
    {
        return visitQueryBody(node, context);
    }

    default R visitSelect(Select node, C context)
    {
        return visitNode(node, context);
    }

    default R visitAllColumns(AllColumns node, C context)
    {
        return visitSelectItem(node, context);
    }

    default R visitSingleColumn(SingleColumn node, C context)
    {
        return visitSelectItem(node, context);
    }

    default R visitWith(With node, C context)
    {
        return visitNode(node, context);
    }

    default R visitWithQuery(WithQuery node, C context)
    {
        return visitNode(node, context);
    }

    default R visitOrderBy(OrderBy node, C context)
    {
        return visitNode(node, context);
    }

    default R visitSortItem(SortItem node, C context)
    {
        return visitNode(node, context);
    }

    default R visitGroupBy(GroupBy node, C context)
    {
        return visitNode(node, context);
    }

    default R visitSimpleGroupBy(SimpleGroupBy node, C context)
    {
        return visitGroupingElement(node, context);
    }

    default R visitGroupingSets(GroupingSets node, C context)
    {
        return visitGroupingElement(node, context);
    }

    default R visitRollup(Rollup node, C context)
    {
        return visitGroupingElement(node, context);
    }

    default R visitCube(Cube node, C context)
    {
        return visitGroupingElement(node, context);
    }

    default R visitOffset(Offset node, C context)
    {
        return visitNode(node, context);
    }

    default R visitLimit(Limit node, C context)
    {
        return visitNode(node, context);
    }

    default R visitJoinOn(JoinOn node, C context)
    {
        return visitJoinCriteria(node, context);
    }

    default R visitJoinUsing(JoinUsing node, C context)
    {
        return visitJoinCriteria(node, context);
    }

    default R visitWhenClause(WhenClause node, C context)
    {
        return visitNode(node, context);
    }

    default R visitWindowSpecification(WindowSpecification node, C context)
    {
        return visitNode(node, context);
    }

    default R visitWindowFrame(WindowFrame node, C context)
    {
        return visitNode(node, context);
    }

    default R visitFrameBound(FrameBound node, C context)
    {
        return visitNode(node, context);
    }

    default R visitColumnDefinition(ColumnDefinition node, C context)
    {
        return visitNode(node, context);
    }

    default R visitProperty(Property node, C context)
    {
        return visitNode(node, context);
    }

    default R visitExplainType(ExplainType node, C context)
    {
        return visitExplainOption(node, context);
    }

    default R visitExplainFormat(ExplainFormat node, C context)
    {
        return visitExplainOption(node, context);
    }

    default R visitIsolation(Isolation node, C context)
    {
        return visitTransactionMode(node, context);
    }

    default R visitTransactionAccessMode(TransactionAccessMode node, C context)
    {
        return visitTransactionMode(node, context);
    }

    default R visitIdentifier(Identifier node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitDereferenceExpression(DereferenceExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitParameter(Parameter node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitArithmeticBinary(ArithmeticBinary node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitArithmeticUnary(ArithmeticUnary node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitComparisonExpression(ComparisonExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitLogicalExpression(LogicalExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitNotExpression(NotExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitIsNullPredicate(IsNullPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitIsNotNullPredicate(IsNotNullPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitBetweenPredicate(BetweenPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitInListPredicate(InListPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitInSubqueryPredicate(InSubqueryPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitLikePredicate(LikePredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitExistsPredicate(ExistsPredicate node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitSubqueryExpression(SubqueryExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitQuantifiedComparison(QuantifiedComparison node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitSimpleCaseExpression(SimpleCaseExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitSearchedCaseExpression(SearchedCaseExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitCast(Cast node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitExtract(Extract node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitCoalesceExpression(CoalesceExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitNullIfExpression(NullIfExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitIfExpression(IfExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitFunctionCall(FunctionCall node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitCurrentTime(CurrentTime node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitArrayConstructor(ArrayConstructor node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitSubscriptExpression(SubscriptExpression node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitRow(Row node, C context)
    {
        return visitExpression(node, context);
    }

    default R visitNullLiteral(NullLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitBooleanLiteral(BooleanLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitLongLiteral(LongLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitDecimalLiteral(DecimalLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitDoubleLiteral(DoubleLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitStringLiteral(StringLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitGenericLiteral(GenericLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitIntervalLiteral(IntervalLiteral node, C context)
    {
        return visitLiteral(node, context);
    }

    default R visitDataType(DataType node, C context)
    {
        return visitNode(node, context);
    }
}
