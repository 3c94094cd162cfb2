package io.strata.core.execution.pipeline;

import io.strata.core.execution.buffer.OutputBuffer;
import io.strata.core.execution.driver.DriverFactory;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.exchange.ExchangeOperator;
import io.strata.core.execution.exchange.HttpExchangeClient;
import io.strata.core.execution.exchange.LocalExchange;
import io.strata.core.execution.exchange.LocalExchangeSinkOperator;
import io.strata.core.execution.exchange.LocalExchangeSourceOperator;
import io.strata.core.execution.expression.BlockEvaluator;
import io.strata.core.execution.expression.EvaluationContext;
import io.strata.core.execution.expression.ExpressionCompiler;
import io.strata.core.execution.expression.InputChannels;
import io.strata.core.execution.expression.PageProcessor;
import io.strata.core.execution.expression.SelectedPositions;
import io.strata.core.execution.operator.EnforceSingleRowOperator;
import io.strata.core.execution.operator.FilterAndProjectOperator;
import io.strata.core.execution.operator.GroupIdOperator;
import io.strata.core.execution.operator.LimitOperator;
import io.strata.core.execution.operator.OffsetOperator;
import io.strata.core.execution.operator.PartitionedOutputOperator;
import io.strata.core.execution.operator.SetOperationOperator;
import io.strata.core.execution.operator.TableScanOperator;
import io.strata.core.execution.operator.TaskOutputOperator;
import io.strata.core.execution.operator.ValuesOperator;
import io.strata.core.execution.operator.aggregation.AggregationFunction;
import io.strata.core.execution.operator.aggregation.AggregationFunctions;
import io.strata.core.execution.operator.aggregation.Aggregator;
import io.strata.core.execution.operator.aggregation.HashAggregationOperator;
import io.strata.core.execution.operator.join.HashBuilderOperator;
import io.strata.core.execution.operator.join.JoinBridge;
import io.strata.core.execution.operator.join.LookupJoinOperator;
import io.strata.core.execution.operator.sort.OrderByOperator;
import io.strata.core.execution.operator.sort.TopNOperator;
import io.strata.core.execution.operator.window.WindowFunctionDefinition;
import io.strata.core.execution.operator.window.WindowOperator;
import io.strata.core.expression.Constant;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.fragmenter.OutputPartitioning;
import io.strata.core.fragmenter.PlanFragment;
import io.strata.core.metadata.CatalogManager;
import io.strata.core.planner.plan.Aggregation;
import io.strata.core.planner.plan.AggregationNode;
import io.strata.core.planner.plan.AggregationNode.Step;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.EnforceSingleRowNode;
import io.strata.core.planner.plan.ExchangeNode;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.GroupIdNode;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.LimitNode;
import io.strata.core.planner.plan.OffsetNode;
import io.strata.core.planner.plan.Ordering;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.PlanVisitor;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.RemoteSourceNode;
import io.strata.core.planner.plan.SemiJoinNode;
import io.strata.core.planner.plan.SetOperationNode;
import io.strata.core.planner.plan.SortNode;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.TopNNode;
import io.strata.core.planner.plan.UnionNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.core.planner.plan.WindowFrameSpec;
import io.strata.core.planner.plan.WindowFunction;
import io.strata.core.planner.plan.WindowNode;
import io.strata.core.session.Session;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.Page;
import io.strata.spi.block.PageBuilder;
import io.strata.spi.connector.Connector;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static io.strata.spi.type.IntegerType.INTEGER;
import static java.util.Objects.requireNonNull;

/**
 * Plans the pipelines of one task from its fragment: a visitor over the plan that builds the current
 * pipeline bottom-up ({@link PhysicalOperation}: its operator factories and the channel of each symbol) and
 * closes it at a local exchange or at the output.
 */
public final class LocalExecutionPlanner
{
    private final CatalogManager catalogManager;
    private final long localExchangeBufferBytes;
    private final long partialAggregationFlushBytes;
    private final Supplier<HttpExchangeClient> exchangeClients;

    /** @param exchangeClients makes the exchange client of each remote source of a task */
    public LocalExecutionPlanner(CatalogManager catalogManager, long localExchangeBufferBytes, long partialAggregationFlushBytes,
            Supplier<HttpExchangeClient> exchangeClients)
    {
        this.catalogManager = requireNonNull(catalogManager, "catalogManager is null");
        this.exchangeClients = requireNonNull(exchangeClients, "exchangeClients is null");
        this.localExchangeBufferBytes = localExchangeBufferBytes;
        this.partialAggregationFlushBytes = partialAggregationFlushBytes;
    }

    /**
     * The pipelines that run the fragment in one task.
     *
     * @param outputBuffer where the fragment's output goes: partition 0, or spread over its partitions as the
     * fragment's output partitioning says
     * @throws StrataException for plans the engine cannot run ({@code NOT_SUPPORTED}, missing kernels)
     */
    public LocalExecutionPlan plan(Session session, PlanFragment fragment, OutputBuffer outputBuffer)
    {
        Context context = new Context();
        PhysicalOperation operation = fragment.root().accept(new Visitor(session), context);
        int[] outputChannels = fragment.outputLayout().stream().mapToInt(operation::channel).toArray();
        OutputPartitioning output = fragment.outputPartitioning();
        if (output.type() == ExchangeNode.Type.GATHER) {
            operation.add(new TaskOutputOperator.Factory(context.nextOperatorId(), fragment.root().id(), outputBuffer, outputChannels));
        }
        else {
            int[] keyChannels = output.keys().stream().mapToInt(operation::channel).toArray();
            operation.add(new PartitionedOutputOperator.Factory(context.nextOperatorId(), fragment.root().id(), outputBuffer, outputChannels, keyChannels));
        }
        context.closePipeline(operation);
        return new LocalExecutionPlan(context.driverFactories);
    }

    private static final class Context
    {
        private final List<DriverFactory> driverFactories = new ArrayList<>();
        private int nextOperatorId;

        int nextOperatorId()
        {
            return nextOperatorId++;
        }

        void closePipeline(PhysicalOperation operation)
        {
            OptionalInt instances = operation.splitDriven ? OptionalInt.empty() : OptionalInt.of(1);
            driverFactories.add(new DriverFactory(driverFactories.size(), operation.operators, instances));
        }
    }

    /**
     * The pipeline being built: operator factories so far, the types of the channels of its current output
     * pages, the channel of each symbol (several symbols may share one; a channel may carry none), and whether
     * it runs a driver per split.
     */
    private static final class PhysicalOperation
    {
        private final List<OperatorFactory> operators = new ArrayList<>();
        private final Map<Symbol, Integer> layout;
        private final List<Type> channelTypes;
        private final boolean splitDriven;

        PhysicalOperation(OperatorFactory first, List<Symbol> outputs, boolean splitDriven)
        {
            this.operators.add(first);
            this.layout = layoutOf(outputs);
            this.channelTypes = outputs.stream().map(Symbol::type).toList();
            this.splitDriven = splitDriven;
        }

        /** The same pipeline with its output laid out anew (after an operator was added, or a renaming). */
        PhysicalOperation(PhysicalOperation source, Map<Symbol, Integer> layout, List<Type> channelTypes)
        {
            this.operators.addAll(source.operators);
            this.layout = new LinkedHashMap<>(layout);
            this.channelTypes = List.copyOf(channelTypes);
            this.splitDriven = source.splitDriven;
        }

        /** A new pipeline whose first operator reads what {@code upstream} wrote, laid out the same. */
        PhysicalOperation(OperatorFactory first, PhysicalOperation upstream)
        {
            this.operators.add(first);
            this.layout = new LinkedHashMap<>(upstream.layout);
            this.channelTypes = upstream.channelTypes;
            this.splitDriven = false;
        }

        void add(OperatorFactory factory)
        {
            operators.add(factory);
        }

        int channel(Symbol symbol)
        {
            Integer channel = layout.get(symbol);
            if (channel == null) {
                throw new IllegalStateException("symbol " + symbol + " is not in the layout " + layout.keySet());
            }
            return channel;
        }

        List<Type> types()
        {
            return channelTypes;
        }

        static Map<Symbol, Integer> layoutOf(List<Symbol> outputs)
        {
            Map<Symbol, Integer> layout = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                layout.putIfAbsent(outputs.get(i), i);
            }
            return layout;
        }

        static List<Type> typesOf(List<Symbol> outputs)
        {
            return outputs.stream().map(Symbol::type).toList();
        }
    }

    private final class Visitor
            implements PlanVisitor<PhysicalOperation, Context>
    {
        private final Session session;

        Visitor(Session session)
        {
            this.session = session;
        }

        @Override
        public PhysicalOperation visitOutput(OutputNode node, Context context)
        {
            return node.source().accept(this, context);
        }

        @Override
        public PhysicalOperation visitTableScan(TableScanNode node, Context context)
        {
            Connector connector = catalogManager.requireConnector(node.catalogName());
            OperatorFactory scan = new TableScanOperator.Factory(context.nextOperatorId(), node.id(), connector.pageSourceProvider(),
                    session.toConnectorSession(), node.table(), node.columns());
            return new PhysicalOperation(scan, node.outputs(), true);
        }

        @Override
        public PhysicalOperation visitRemoteSource(RemoteSourceNode node, Context context)
        {
            OperatorFactory exchange = new ExchangeOperator.Factory(context.nextOperatorId(), node.id(), exchangeClients);
            return new PhysicalOperation(exchange, node.outputs(), false);
        }

        @Override
        public PhysicalOperation visitValues(ValuesNode node, Context context)
        {
            List<Type> types = node.outputs().stream().map(Symbol::type).toList();
            List<Page> pages = new ArrayList<>();
            if (types.isEmpty()) {
                if (!node.rows().isEmpty()) {
                    pages.add(new Page(node.rows().size()));
                }
            }
            else {
                PageBuilder builder = new PageBuilder(types);
                Page oneRow = new Page(1);
                for (List<RowExpression> row : node.rows()) {
                    for (int channel = 0; channel < types.size(); channel++) {
                        BlockEvaluator evaluator = ExpressionCompiler.compile(row.get(channel));
                        Block value = evaluator.evaluate(new EvaluationContext(oneRow), SelectedPositions.positionsRange(0, 1));
                        builder.blockBuilder(channel).appendFrom(value, 0);
                    }
                    builder.declarePosition();
                    if (builder.isFull()) {
                        pages.add(builder.build());
                        builder.reset();
                    }
                }
                if (!builder.isEmpty()) {
                    pages.add(builder.build());
                }
            }
            return new PhysicalOperation(new ValuesOperator.Factory(context.nextOperatorId(), node.id(), pages), node.outputs(), false);
        }

        @Override
        public PhysicalOperation visitFilter(FilterNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            List<RowExpression> projections = new ArrayList<>();
            List<Symbol> outputs = node.outputSymbols();
            for (Symbol symbol : outputs) {
                projections.add(new SymbolReference(symbol));
            }
            return filterAndProject(node.id(), source, Optional.of(node.predicate()), outputs, projections, context);
        }

        @Override
        public PhysicalOperation visitProject(ProjectNode node, Context context)
        {
            Optional<RowExpression> filter = Optional.empty();
            PlanNode sourceNode = node.source();
            if (sourceNode instanceof FilterNode) {
                filter = Optional.of(((FilterNode) sourceNode).predicate());
                sourceNode = ((FilterNode) sourceNode).source();
            }
            PhysicalOperation source = sourceNode.accept(this, context);
            List<Symbol> outputs = node.assignments().stream().map(Assignment::symbol).toList();
            List<RowExpression> projections = node.assignments().stream().map(Assignment::expression).toList();
            if (filter.isEmpty() && projections.stream().allMatch(expression -> expression instanceof SymbolReference)) {
                // a pure renaming or pruning: no operator, just a new layout over the same channels
                Map<Symbol, Integer> layout = new LinkedHashMap<>();
                for (int i = 0; i < outputs.size(); i++) {
                    layout.putIfAbsent(outputs.get(i), source.channel(((SymbolReference) projections.get(i)).symbol()));
                }
                return new PhysicalOperation(source, layout, source.types());
            }
            return filterAndProject(node.id(), source, filter, outputs, projections, context);
        }

        private PhysicalOperation filterAndProject(PlanNodeId id, PhysicalOperation source, Optional<RowExpression> filter, List<Symbol> outputs,
                List<RowExpression> projections, Context context)
        {
            List<BlockEvaluator> conjuncts = new ArrayList<>();
            if (filter.isPresent()) {
                for (RowExpression conjunct : conjuncts(filter.get())) {
                    conjuncts.add(ExpressionCompiler.compile(InputChannels.toInputReferences(conjunct, source.layout)));
                }
            }
            List<BlockEvaluator> evaluators = new ArrayList<>();
            for (RowExpression projection : projections) {
                evaluators.add(ExpressionCompiler.compile(InputChannels.toInputReferences(projection, source.layout)));
            }
            PageProcessor processor = new PageProcessor(conjuncts, evaluators);
            source.add(new FilterAndProjectOperator.Factory(context.nextOperatorId(), id, processor));
            return new PhysicalOperation(source, PhysicalOperation.layoutOf(outputs), PhysicalOperation.typesOf(outputs));
        }

        @Override
        public PhysicalOperation visitAggregation(AggregationNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            boolean splittable = node.aggregations().stream().noneMatch(Aggregation::distinct);
            if (node.step() != Step.SINGLE) {
                return planAggregationStep(node, source, node.step(), context);
            }
            if (!source.splitDriven) {
                return aggregation(node, source, Step.SINGLE, context);
            }
            if (!splittable) {
                return aggregation(node, gather(node.id(), source, context), Step.SINGLE, context);
            }
            // partial aggregation per split driver, final aggregation after gathering
            List<Symbol> keys = node.groupingKeys();
            int[] keyChannels = keys.stream().mapToInt(source::channel).toArray();
            List<Type> keyTypes = keys.stream().map(Symbol::type).toList();
            List<Aggregator> partials = new ArrayList<>();
            List<Aggregator> finals = new ArrayList<>();
            int channel = keys.size();
            List<Type> partialTypes = new ArrayList<>(keyTypes);
            for (Aggregation aggregation : node.aggregations()) {
                AggregationFunction function = resolve(aggregation);
                partials.add(new Aggregator(function, aggregation.arguments().stream().map(source::channel).toList(), maskChannel(aggregation, source), false));
                List<Integer> intermediateChannels = new ArrayList<>();
                for (int i = 0; i < function.intermediateTypes().size(); i++) {
                    intermediateChannels.add(channel++);
                }
                partialTypes.addAll(function.intermediateTypes());
                finals.add(new Aggregator(function, intermediateChannels, OptionalInt.empty(), false));
            }
            source.add(new HashAggregationOperator.Factory(context.nextOperatorId(), node.id(), Step.PARTIAL, keyTypes, keyChannels, partials,
                    1024, partialAggregationFlushBytes));
            // after the partial step the keys are channels 0..k-1, each aggregate's intermediate columns follow
            Map<Symbol, Integer> partialLayout = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                partialLayout.put(keys.get(i), i);
            }
            PhysicalOperation partial = new PhysicalOperation(source, partialLayout, partialTypes);
            PhysicalOperation gathered = gather(node.id(), partial, context);
            int[] finalKeyChannels = new int[keys.size()];
            for (int i = 0; i < finalKeyChannels.length; i++) {
                finalKeyChannels[i] = i;
            }
            gathered.add(new HashAggregationOperator.Factory(context.nextOperatorId(), node.id(), Step.FINAL, keyTypes, finalKeyChannels, finals,
                    1024, Long.MAX_VALUE));
            return new PhysicalOperation(gathered, PhysicalOperation.layoutOf(node.outputSymbols()), PhysicalOperation.typesOf(node.outputSymbols()));
        }

        /**
         * A step of an aggregation split across a remote exchange: the partial step outputs the keys and each
         * aggregate's intermediate columns; the final step reads them (keys first, then the intermediates in the
         * aggregates' order) and combines them.
         */
        private PhysicalOperation planAggregationStep(AggregationNode node, PhysicalOperation source, Step step, Context context)
        {
            PhysicalOperation input = step == Step.FINAL && source.splitDriven ? gather(node.id(), source, context) : source;
            int[] keyChannels = node.groupingKeys().stream().mapToInt(input::channel).toArray();
            List<Type> keyTypes = node.groupingKeys().stream().map(Symbol::type).toList();
            List<Aggregator> aggregators = new ArrayList<>();
            int intermediate = 0;
            for (Aggregation aggregation : node.aggregations()) {
                AggregationFunction function = resolve(aggregation);
                if (step == Step.PARTIAL) {
                    aggregators.add(new Aggregator(function, aggregation.arguments().stream().map(input::channel).toList(), maskChannel(aggregation, input), false));
                }
                else {
                    List<Integer> channels = new ArrayList<>();
                    for (int i = 0; i < function.intermediateTypes().size(); i++) {
                        channels.add(input.channel(node.intermediates().get(intermediate + i)));
                    }
                    aggregators.add(new Aggregator(function, channels, OptionalInt.empty(), false));
                }
                intermediate += function.intermediateTypes().size();
            }
            if (intermediate != node.intermediates().size()) {
                throw new IllegalArgumentException("aggregation " + node.id() + " has " + node.intermediates().size() + " intermediates, its aggregates " + intermediate);
            }
            input.add(new HashAggregationOperator.Factory(context.nextOperatorId(), node.id(), step, keyTypes, keyChannels, aggregators,
                    1024, step == Step.PARTIAL ? partialAggregationFlushBytes : Long.MAX_VALUE));
            return new PhysicalOperation(input, PhysicalOperation.layoutOf(node.outputSymbols()), PhysicalOperation.typesOf(node.outputSymbols()));
        }

        private PhysicalOperation aggregation(AggregationNode node, PhysicalOperation source, Step step, Context context)
        {
            int[] keyChannels = node.groupingKeys().stream().mapToInt(source::channel).toArray();
            List<Type> keyTypes = node.groupingKeys().stream().map(Symbol::type).toList();
            List<Aggregator> aggregators = new ArrayList<>();
            for (Aggregation aggregation : node.aggregations()) {
                AggregationFunction function = resolve(aggregation);
                List<Integer> inputs = aggregation.arguments().stream().map(source::channel).toList();
                aggregators.add(new Aggregator(function, inputs, maskChannel(aggregation, source), aggregation.distinct()));
            }
            source.add(new HashAggregationOperator.Factory(context.nextOperatorId(), node.id(), step, keyTypes, keyChannels, aggregators,
                    1024, Long.MAX_VALUE));
            return new PhysicalOperation(source, PhysicalOperation.layoutOf(node.outputSymbols()), PhysicalOperation.typesOf(node.outputSymbols()));
        }

        private AggregationFunction resolve(Aggregation aggregation)
        {
            List<Type> argumentTypes = aggregation.arguments().stream().map(Symbol::type).toList();
            return AggregationFunctions.resolve(aggregation.functionName(), argumentTypes, aggregation.type());
        }

        private OptionalInt maskChannel(Aggregation aggregation, PhysicalOperation source)
        {
            return aggregation.mask().map(mask -> OptionalInt.of(source.channel(mask))).orElse(OptionalInt.empty());
        }

        @Override
        public PhysicalOperation visitSort(SortNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source = gather(node.id(), source, context);
            }
            source.add(new OrderByOperator.Factory(context.nextOperatorId(), node.id(), source.types(), sortChannels(node.orderBy(), source), sortOrders(node.orderBy())));
            return source;
        }

        @Override
        public PhysicalOperation visitTopN(TopNNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source.add(new TopNOperator.Factory(context.nextOperatorId(), node.id(), source.types(), node.count(), sortChannels(node.orderBy(), source), sortOrders(node.orderBy())));
                source = gather(node.id(), source, context);
            }
            source.add(new TopNOperator.Factory(context.nextOperatorId(), node.id(), source.types(), node.count(), sortChannels(node.orderBy(), source), sortOrders(node.orderBy())));
            return source;
        }

        @Override
        public PhysicalOperation visitLimit(LimitNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source.add(new LimitOperator.Factory(context.nextOperatorId(), node.id(), node.count()));
                source = gather(node.id(), source, context);
            }
            source.add(new LimitOperator.Factory(context.nextOperatorId(), node.id(), node.count()));
            return source;
        }

        @Override
        public PhysicalOperation visitGroupId(GroupIdNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            int[] keyChannels = node.keyInputs().stream().mapToInt(source::channel).toArray();
            List<List<Integer>> sets = node.groupingSets();
            boolean[][] keyInSet = new boolean[sets.size()][keyChannels.length];
            long[][] groupingValues = new long[sets.size()][node.groupingColumns().size()];
            for (int set = 0; set < sets.size(); set++) {
                for (int key : sets.get(set)) {
                    keyInSet[set][key] = true;
                }
                for (int column = 0; column < node.groupingColumns().size(); column++) {
                    groupingValues[set][column] = node.groupingColumns().get(column).valueFor(sets.get(set));
                }
            }
            source.add(new GroupIdOperator.Factory(context.nextOperatorId(), node.id(), source.types(), node.keyInputs().stream().map(Symbol::type).toList(),
                    keyChannels, keyInSet, groupingValues, node.rowMask().isPresent()));
            Map<Symbol, Integer> layout = new LinkedHashMap<>(source.layout);
            List<Type> channelTypes = new ArrayList<>(source.types());
            List<Symbol> added = new ArrayList<>(node.keyOutputs());
            added.add(node.groupId());
            node.groupingColumns().forEach(column -> added.add(column.output()));
            node.rowMask().ifPresent(added::add);
            for (Symbol symbol : added) {
                layout.put(symbol, channelTypes.size());
                channelTypes.add(symbol.type());
            }
            return new PhysicalOperation(source, layout, channelTypes);
        }

        @Override
        public PhysicalOperation visitWindow(WindowNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source = gather(node.id(), source, context);
            }
            List<WindowFunctionDefinition> functions = new ArrayList<>();
            for (WindowFunction function : node.functions()) {
                PhysicalOperation input = source;
                int[] argumentChannels = function.arguments().stream().mapToInt(input::channel).toArray();
                WindowFrameSpec frame = function.frame();
                functions.add(new WindowFunctionDefinition(function.name(), function.aggregate(), argumentChannels,
                        function.arguments().stream().map(Symbol::type).toList(), function.type(), frame.rows(),
                        frame.startType(), channelOf(frame.startValue(), source), frame.endType(), channelOf(frame.endValue(), source)));
            }
            int[] partitionChannels = node.partitionBy().stream().mapToInt(source::channel).toArray();
            source.add(new WindowOperator.Factory(context.nextOperatorId(), node.id(), source.types(), partitionChannels,
                    sortChannels(node.orderBy(), source), sortOrders(node.orderBy()), functions));
            Map<Symbol, Integer> layout = new LinkedHashMap<>(source.layout);
            List<Type> channelTypes = new ArrayList<>(source.types());
            for (WindowFunction function : node.functions()) {
                layout.put(function.output(), channelTypes.size());
                channelTypes.add(function.type());
            }
            return new PhysicalOperation(source, layout, channelTypes);
        }

        private static OptionalInt channelOf(Optional<Symbol> symbol, PhysicalOperation source)
        {
            return symbol.map(value -> OptionalInt.of(source.channel(value))).orElse(OptionalInt.empty());
        }

        private int[] sortChannels(List<Ordering> orderBy, PhysicalOperation source)
        {
            return orderBy.stream().mapToInt(ordering -> source.channel(ordering.symbol())).toArray();
        }

        private List<SortOrder> sortOrders(List<Ordering> orderBy)
        {
            return orderBy.stream().map(Ordering::sortOrder).toList();
        }

        @Override
        public PhysicalOperation visitJoin(JoinNode node, Context context)
        {
            // execution probes with the left side and builds the right one: a right join is a left join turned around
            boolean swap = node.type() == JoinNode.Type.RIGHT;
            PlanNode probeNode = swap ? node.right() : node.left();
            PlanNode buildNode = swap ? node.left() : node.right();
            List<Symbol> probeKeys = node.criteria().stream().map(clause -> swap ? clause.right() : clause.left()).toList();
            List<Symbol> buildKeys = node.criteria().stream().map(clause -> swap ? clause.left() : clause.right()).toList();
            LookupJoinOperator.JoinKind kind = switch (node.type()) {
                case INNER -> LookupJoinOperator.JoinKind.INNER;
                case LEFT, RIGHT -> LookupJoinOperator.JoinKind.PROBE_OUTER;
                case FULL -> LookupJoinOperator.JoinKind.FULL_OUTER;
            };
            return lookupJoin(node.id(), kind, probeNode, buildNode, probeKeys, buildKeys, node.filter(), Optional.empty(), false, node.singleMatch(), context);
        }

        @Override
        public PhysicalOperation visitSemiJoin(SemiJoinNode node, Context context)
        {
            List<Symbol> probeKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::left).toList();
            List<Symbol> buildKeys = node.criteria().stream().map(JoinNode.EquiJoinClause::right).toList();
            return lookupJoin(node.id(), LookupJoinOperator.JoinKind.SEMI, node.source(), node.filteringSource(), probeKeys, buildKeys, node.filter(),
                    Optional.of(node.output()), node.nullAware(), false, context);
        }

        /** The build pipeline ends in hash builders; the probe pipeline goes on through the lookup join. */
        private PhysicalOperation lookupJoin(PlanNodeId id, LookupJoinOperator.JoinKind kind, PlanNode probeNode, PlanNode buildNode, List<Symbol> probeKeys,
                List<Symbol> buildKeys, Optional<RowExpression> filter, Optional<Symbol> mark, boolean nullAware, boolean singleMatch, Context context)
        {
            PhysicalOperation build = buildNode.accept(this, context);
            JoinBridge bridge = new JoinBridge(build.types(), buildKeys.stream().mapToInt(build::channel).toArray());
            build.add(new HashBuilderOperator.Factory(context.nextOperatorId(), id, bridge));
            context.closePipeline(build);

            PhysicalOperation probe = probeNode.accept(this, context);
            if (kind == LookupJoinOperator.JoinKind.FULL_OUTER && probe.splitDriven) {
                // the build rows no probe row matched are known only after every probe row: one probe driver
                probe = gather(id, probe, context);
            }
            int probeChannels = probe.types().size();
            Map<Symbol, Integer> layout = new LinkedHashMap<>(probe.layout);
            List<Type> types = new ArrayList<>(probe.types());
            if (mark.isPresent()) {
                layout.put(mark.get(), probeChannels);
                types.add(mark.get().type());
            }
            else {
                build.layout.forEach((symbol, channel) -> layout.putIfAbsent(symbol, probeChannels + channel));
                types.addAll(build.types());
            }
            Map<Symbol, Integer> pairLayout = new LinkedHashMap<>(probe.layout);
            build.layout.forEach((symbol, channel) -> pairLayout.putIfAbsent(symbol, probeChannels + channel));
            List<BlockEvaluator> filterConjuncts = new ArrayList<>();
            if (filter.isPresent()) {
                for (RowExpression conjunct : conjuncts(filter.get())) {
                    filterConjuncts.add(ExpressionCompiler.compile(InputChannels.toInputReferences(conjunct, pairLayout)));
                }
            }
            probe.add(new LookupJoinOperator.Factory(context.nextOperatorId(), id, kind, probeKeys.stream().mapToInt(probe::channel).toArray(),
                    probe.types(), filterConjuncts, nullAware, singleMatch, bridge));
            return new PhysicalOperation(probe, layout, types);
        }

        @Override
        public PhysicalOperation visitEnforceSingleRow(EnforceSingleRowNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source = gather(node.id(), source, context);
            }
            source.add(new EnforceSingleRowOperator.Factory(context.nextOperatorId(), node.id(), source.types()));
            return source;
        }

        @Override
        public PhysicalOperation visitOffset(OffsetNode node, Context context)
        {
            PhysicalOperation source = node.source().accept(this, context);
            if (source.splitDriven) {
                source = gather(node.id(), source, context);
            }
            source.add(new OffsetOperator.Factory(context.nextOperatorId(), node.id(), node.count()));
            return source;
        }

        @Override
        public PhysicalOperation visitUnion(UnionNode node, Context context)
        {
            LocalExchange exchange = unionInputs(node.id(), node.sources(), node.outputs(), node.inputs(), Optional.empty(), context);
            OperatorFactory exchangeSource = new LocalExchangeSourceOperator.Factory(context.nextOperatorId(), node.id(), exchange);
            return new PhysicalOperation(exchangeSource, node.outputs(), false);
        }

        @Override
        public PhysicalOperation visitSetOperation(SetOperationNode node, Context context)
        {
            Symbol marker = new Symbol("$source", INTEGER);
            LocalExchange exchange = unionInputs(node.id(), node.sources(), node.outputs(), node.inputs(), Optional.of(marker), context);
            OperatorFactory exchangeSource = new LocalExchangeSourceOperator.Factory(context.nextOperatorId(), node.id(), exchange);
            List<Symbol> withMarker = new ArrayList<>(node.outputs());
            withMarker.add(marker);
            PhysicalOperation operation = new PhysicalOperation(exchangeSource, withMarker, false);
            operation.add(new SetOperationOperator.Factory(context.nextOperatorId(), node.id(), PhysicalOperation.typesOf(node.outputs()),
                    node.sources().size(), node.kind(), node.distinct()));
            return new PhysicalOperation(operation, PhysicalOperation.layoutOf(node.outputs()), PhysicalOperation.typesOf(node.outputs()));
        }

        /**
         * Ends each source's pipeline at one shared exchange, its columns laid out as {@code outputs} (and, with a
         * marker, the source's index after them).
         */
        private LocalExchange unionInputs(PlanNodeId id, List<PlanNode> sources, List<Symbol> outputs, List<List<Symbol>> inputs, Optional<Symbol> marker,
                Context context)
        {
            LocalExchange exchange = new LocalExchange(localExchangeBufferBytes, sources.size());
            for (int k = 0; k < sources.size(); k++) {
                PhysicalOperation source = sources.get(k).accept(this, context);
                List<Symbol> layoutSymbols = new ArrayList<>(outputs);
                List<RowExpression> projections = new ArrayList<>();
                for (Symbol input : inputs.get(k)) {
                    projections.add(new SymbolReference(input));
                }
                if (marker.isPresent()) {
                    layoutSymbols.add(marker.get());
                    projections.add(new Constant(k, INTEGER));
                }
                PhysicalOperation projected = filterAndProject(id, source, Optional.empty(), layoutSymbols, projections, context);
                projected.add(new LocalExchangeSinkOperator.Factory(context.nextOperatorId(), id, exchange));
                context.closePipeline(projected);
            }
            return exchange;
        }

        /** Ends the current pipeline at a local exchange and starts a single-driver pipeline from it. */
        private PhysicalOperation gather(PlanNodeId id, PhysicalOperation source, Context context)
        {
            LocalExchange exchange = new LocalExchange(localExchangeBufferBytes);
            source.add(new LocalExchangeSinkOperator.Factory(context.nextOperatorId(), id, exchange));
            context.closePipeline(source);
            OperatorFactory exchangeSource = new LocalExchangeSourceOperator.Factory(context.nextOperatorId(), id, exchange);
            return new PhysicalOperation(exchangeSource, source);
        }
    }

    private static List<RowExpression> conjuncts(RowExpression expression)
    {
        if (expression instanceof SpecialForm && ((SpecialForm) expression).form() == SpecialForm.Form.AND) {
            List<RowExpression> conjuncts = new ArrayList<>();
            for (RowExpression argument : expression.children()) {
                conjuncts.addAll(conjuncts(argument));
            }
            return conjuncts;
        }
        return List.of(expression);
    }
}
