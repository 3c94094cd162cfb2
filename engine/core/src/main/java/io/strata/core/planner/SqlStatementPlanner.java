package io.strata.core.planner;

import io.airlift.slice.Slices;
import io.strata.core.analyzer.Analysis;
import io.strata.core.analyzer.Analyzer;
import io.strata.core.analyzer.DataDefinitionAnalysis;
import io.strata.core.analyzer.ExplainAnalysis;
import io.strata.core.analyzer.ExplainAnalyzeAnalysis;
import io.strata.core.analyzer.RowsAnalysis;
import io.strata.core.analyzer.SessionChangeAnalysis;
import io.strata.core.analyzer.WriteAnalysis;
import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.fragmenter.AnyNodeScans;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.fragmenter.PlanFragmenter;
import io.strata.core.fragmenter.SubPlan;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.metadata.FunctionResolver;
import io.strata.core.metadata.Metadata;
import io.strata.core.metadata.SessionPropertyManager;
import io.strata.core.metadata.SystemSessionProperties;
import io.strata.core.optimizer.AddExchanges;
import io.strata.core.optimizer.OptimizerContext;
import io.strata.core.optimizer.PlanOptimizer;
import io.strata.core.optimizer.PlanOptimizers;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.sql.parser.SqlParser;
import io.strata.sql.tree.Statement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.strata.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The front end: parse, analyze, plan, optimize. Statements with output (queries, SHOW, DESCRIBE, EXPLAIN)
 * become a plan ending in an {@link OutputNode}; session statements become an update type and the session
 * changes they make. Thread-safe: planners, passes and metadata are shared, every statement gets its own
 * analysis and allocators.
 */
public final class SqlStatementPlanner
        implements StatementPlanner
{
    private final SqlParser parser;
    private final ConstantEvaluator constantEvaluator;
    private final PlanOptimizers optimizers;
    private final Metadata metadata;
    private final Analyzer analyzer;

    /**
     * @param optimizerPasses the passes, in the order they run ({@link PlanOptimizers#defaultPasses()} in production)
     */
    public SqlStatementPlanner(SqlParser parser, CatalogManager catalogManager, ConstantEvaluator constantEvaluator, List<PlanOptimizer> optimizerPasses)
    {
        this.parser = requireNonNull(parser, "parser is null");
        this.constantEvaluator = requireNonNull(constantEvaluator, "constantEvaluator is null");
        this.optimizers = new PlanOptimizers(optimizerPasses);
        this.metadata = new Metadata(
                requireNonNull(catalogManager, "catalogManager is null"),
                FunctionResolver.createBuiltIn(),
                new SessionPropertyManager(SystemSessionProperties.create(optimizers.names())));
        this.analyzer = new Analyzer(metadata, parser, constantEvaluator);
    }

    /** The metadata this planner resolves names, functions and session properties with. */
    public Metadata metadata()
    {
        return metadata;
    }

    @Override
    public PlannedStatement plan(Session session, String sql)
    {
        requireNonNull(session, "session is null");
        Statement statement = parser.createStatement(sql);
        try {
            return plan(session, sql, statement);
        }
        catch (StackOverflowError e) {
            // a statement the parser could take (say a 100,000-term sum) can still nest too deeply for the
            // recursive phases after it: analysis, planning, optimization, plan printing
            throw new StrataException(ErrorCode.STATEMENT_TOO_LARGE, "Statement is too large (stack overflow during analysis)");
        }
    }

    private PlannedStatement plan(Session session, String sql, Statement statement)
    {
        Analysis analysis = analyzer.analyze(statement, sql, session);
        if (analysis instanceof SessionChangeAnalysis change) {
            return new PlannedStatement(Optional.empty(), Optional.of(change.updateType()), change.sessionUpdates());
        }
        if (analysis instanceof DataDefinitionAnalysis definition) {
            return new PlannedStatement(Optional.empty(), Optional.of(definition.updateType()), SessionUpdates.NONE, Optional.empty(), Optional.of(definition.task()));
        }
        if (analysis instanceof WriteAnalysis write) {
            return new PlannedStatement(Optional.of(planWrite(write, session)), Optional.of(write.updateType()), SessionUpdates.NONE, Optional.of(write.target()), Optional.empty());
        }
        if (analysis instanceof ExplainAnalyzeAnalysis explainAnalyze) {
            OutputNode plan = planOutput(explainAnalyze.query(), session);
            return PlannedStatement.explainAnalyze(plan, annotations -> PlanPrinter.textPlan(plan, metadata, session, annotations));
        }
        return new PlannedStatement(Optional.of(planOutput(analysis, session)), Optional.empty(), SessionUpdates.NONE);
    }

    /** The plan of the rows an INSERT or CREATE TABLE AS writes: the query's, shaped to the table's columns. */
    private OutputNode planWrite(WriteAnalysis write, Session session)
    {
        SymbolAllocator symbolAllocator = new SymbolAllocator();
        PlanNodeIdAllocator idAllocator = new PlanNodeIdAllocator();
        OutputNode query = new LogicalPlanner(metadata, session, symbolAllocator, idAllocator).plan(write.query());
        OutputNode plan = WritePlanner.shapeToTable(query, write, symbolAllocator, idAllocator);
        PlanSanityChecker.validate(plan);
        OptimizerContext context = new OptimizerContext(session, metadata, constantEvaluator, idAllocator, symbolAllocator);
        OutputNode optimized = (OutputNode) optimizers.optimize(plan, context, SystemSessionProperties.getDisabledOptimizerPasses(session));
        PlanSanityChecker.validate(optimized);
        return optimized;
    }

    private OutputNode planOutput(Analysis analysis, Session session)
    {
        Analysis planned = analysis;
        if (analysis instanceof ExplainAnalysis explain) {
            planned = new RowsAnalysis(List.of("Query Plan"), List.of(VARCHAR), List.of(List.of(Slices.utf8Slice(explainText(explain, session)))));
        }
        SymbolAllocator symbolAllocator = new SymbolAllocator();
        PlanNodeIdAllocator idAllocator = new PlanNodeIdAllocator();
        OutputNode plan = new LogicalPlanner(metadata, session, symbolAllocator, idAllocator).plan(planned);
        PlanSanityChecker.validate(plan);
        OptimizerContext context = new OptimizerContext(session, metadata, constantEvaluator, idAllocator, symbolAllocator);
        Set<String> disabled = SystemSessionProperties.getDisabledOptimizerPasses(session);
        OutputNode optimized = (OutputNode) optimizers.optimize(plan, context, disabled);
        PlanSanityChecker.validate(optimized);
        return optimized;
    }

    private String explainText(ExplainAnalysis explain, Session session)
    {
        if (explain.statement() instanceof SessionChangeAnalysis || explain.statement() instanceof DataDefinitionAnalysis) {
            return explain.statementText().orElse("");
        }
        OutputNode plan = explain.statement() instanceof WriteAnalysis write ? planWrite(write, session) : planOutput(explain.statement(), session);
        if (explain.distributed()) {
            AnyNodeScans anyNodeScans = new AnyNodeScans(metadata.catalogManager());
            return distributedText(new PlanFragmenter(anyNodeScans).fragment(AddExchanges.addExchanges(plan, session, anyNodeScans)), session);
        }
        return PlanPrinter.textPlan(plan, metadata, session);
    }

    /** Each fragment with its partitioning and output layout, then its plan indented under it. */
    private String distributedText(SubPlan subPlan, Session session)
    {
        PlanFragment fragment = subPlan.fragment();
        StringBuilder text = new StringBuilder()
                .append("Fragment ").append(fragment.id()).append(" [").append(fragment.partitioning()).append("]\n")
                .append("    Output partitioning: ").append(fragment.outputPartitioning().type())
                .append(fragment.outputPartitioning().keys().isEmpty() ? "" : " [" + String.join(", ", fragment.outputPartitioning().keys().stream().map(symbol -> symbol.name()).toList()) + "]")
                .append('\n')
                .append("    Output layout: [")
                .append(String.join(", ", fragment.outputLayout().stream().map(symbol -> symbol.name()).toList()))
                .append("]\n");
        for (String line : PlanPrinter.textPlan(fragment.root(), metadata, session).split("\n")) {
            text.append("    ").append(line).append('\n');
        }
        for (SubPlan child : subPlan.children()) {
            text.append('\n').append(distributedText(child, session));
        }
        return text.toString();
    }
}
