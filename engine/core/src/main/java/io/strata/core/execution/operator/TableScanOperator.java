package io.strata.core.execution.operator;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.SourceOperator;
import io.strata.core.execution.driver.SourceOperatorFactory;
import io.strata.core.execution.split.Split;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorPageSourceProvider;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorTableHandle;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static java.util.Objects.requireNonNull;

/**
 * Reads the pages of its splits, one split after another, each through a page source of the projected
 * columns (channel {@code i} is {@code columns.get(i)}). Reports the connector's rows and bytes as the
 * query's processed input.
 */
public final class TableScanOperator
        implements SourceOperator
{
    private final OperatorContext operatorContext;
    private final PlanNodeId sourceId;
    private final ConnectorPageSourceProvider pageSourceProvider;
    private final ConnectorSession session;
    private final ConnectorTableHandle table;
    private final List<ColumnHandle> columns;
    private final Queue<Split> splits = new ArrayDeque<>();
    private boolean noMoreSplits;
    private ConnectorPageSource source;
    private long finishedSourcesPositions;
    private long finishedSourcesBytes;
    private boolean finished;

    public TableScanOperator(OperatorContext operatorContext, PlanNodeId sourceId, ConnectorPageSourceProvider pageSourceProvider, ConnectorSession session,
            ConnectorTableHandle table, List<ColumnHandle> columns)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.sourceId = requireNonNull(sourceId, "sourceId is null");
        this.pageSourceProvider = requireNonNull(pageSourceProvider, "pageSourceProvider is null");
        this.session = requireNonNull(session, "session is null");
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public PlanNodeId sourceId()
    {
        return sourceId;
    }

    @Override
    public void addSplit(Split split)
    {
        if (noMoreSplits) {
            throw new IllegalStateException("split added after no more splits");
        }
        splits.add(split);
    }

    @Override
    public void noMoreSplits()
    {
        noMoreSplits = true;
    }

    @Override
    public boolean needsInput()
    {
        return false;
    }

    @Override
    public void addInput(Page page)
    {
        throw new UnsupportedOperationException("a table scan takes no input");
    }

    @Override
    public Page getOutput()
    {
        if (finished) {
            return null;
        }
        if (source == null) {
            Split split = splits.poll();
            if (split == null) {
                if (noMoreSplits) {
                    finished = true;
                }
                return null;
            }
            source = pageSourceProvider.createPageSource(session, split.connectorSplit(), table, columns);
        }
        Page page = source.getNextPage();
        operatorContext.setRawInput(finishedSourcesPositions + source.completedPositions(), finishedSourcesBytes + source.completedBytes());
        operatorContext.memory().setBytes(source.memoryUsage());
        if (source.isFinished()) {
            finishedSourcesPositions += source.completedPositions();
            finishedSourcesBytes += source.completedBytes();
            closeSource();
            if (splits.isEmpty() && noMoreSplits) {
                finished = true;
            }
        }
        return page;
    }

    @Override
    public void finish()
    {
        // the scan ends when its splits are read; an early end comes through close()
    }

    @Override
    public boolean isFinished()
    {
        return finished;
    }

    @Override
    public void close()
    {
        finished = true;
        closeSource();
    }

    private void closeSource()
    {
        if (source != null) {
            ConnectorPageSource closing = source;
            source = null;
            closing.close();
            operatorContext.memory().setBytes(0);
        }
    }

    public static final class Factory
            implements SourceOperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId sourceId;
        private final ConnectorPageSourceProvider pageSourceProvider;
        private final ConnectorSession session;
        private final ConnectorTableHandle table;
        private final List<ColumnHandle> columns;

        public Factory(int operatorId, PlanNodeId sourceId, ConnectorPageSourceProvider pageSourceProvider, ConnectorSession session, ConnectorTableHandle table,
                List<ColumnHandle> columns)
        {
            this.operatorId = operatorId;
            this.sourceId = requireNonNull(sourceId, "sourceId is null");
            this.pageSourceProvider = requireNonNull(pageSourceProvider, "pageSourceProvider is null");
            this.session = requireNonNull(session, "session is null");
            this.table = requireNonNull(table, "table is null");
            this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }

        @Override
        public PlanNodeId sourceId()
        {
            return sourceId;
        }

        @Override
        public SourceOperator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, sourceId, TableScanOperator.class.getSimpleName());
            return new TableScanOperator(context, sourceId, pageSourceProvider, session, table, columns);
        }

        @Override
        public void noMoreOperators() {}
    }
}
