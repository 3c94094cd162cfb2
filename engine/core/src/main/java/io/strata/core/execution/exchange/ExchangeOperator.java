package io.strata.core.execution.exchange;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.SourceOperator;
import io.strata.core.execution.driver.SourceOperatorFactory;
import io.strata.core.execution.split.Split;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The start of a pipeline fed by upstream tasks over HTTP: each {@link RemoteSplit} adds an upstream result
 * buffer to this operator's {@link HttpExchangeClient}, and the pages come out in arrival order.
 */
public final class ExchangeOperator
        implements SourceOperator
{
    private final OperatorContext operatorContext;
    private final PlanNodeId sourceId;
    private final HttpExchangeClient client;

    ExchangeOperator(OperatorContext operatorContext, PlanNodeId sourceId, HttpExchangeClient client)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.sourceId = requireNonNull(sourceId, "sourceId is null");
        this.client = requireNonNull(client, "client is null");
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
        requireNonNull(split, "split is null");
        if (!(split.connectorSplit() instanceof RemoteSplit remoteSplit)) {
            throw new IllegalArgumentException("an exchange reads remote splits, not " + split);
        }
        client.addLocation(remoteSplit.location());
    }

    @Override
    public void noMoreSplits()
    {
        client.noMoreLocations();
    }

    @Override
    public CompletableFuture<Void> isBlocked()
    {
        return client.isBlocked();
    }

    @Override
    public boolean needsInput()
    {
        return false;
    }

    @Override
    public void addInput(Page page)
    {
        throw new UnsupportedOperationException("an exchange takes no input");
    }

    @Override
    public Page getOutput()
    {
        return client.pollPage();
    }

    @Override
    public void finish()
    {
        // downstream is done (a LIMIT): stop pulling and release the upstream buffers
        client.close();
    }

    @Override
    public boolean isFinished()
    {
        return client.isFinished();
    }

    @Override
    public void close()
    {
        client.close();
    }

    /** The exchange client of the operator, for its statistics. */
    public ExchangeClientStatus exchangeStatus()
    {
        return client.status();
    }

    public static final class Factory
            implements SourceOperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId sourceId;
        private final Supplier<HttpExchangeClient> clients;

        /** @param clients makes a new exchange client for each operator; the operator closes it */
        public Factory(int operatorId, PlanNodeId sourceId, Supplier<HttpExchangeClient> clients)
        {
            this.operatorId = operatorId;
            this.sourceId = requireNonNull(sourceId, "sourceId is null");
            this.clients = requireNonNull(clients, "clients is null");
        }

        @Override
        public PlanNodeId sourceId()
        {
            return sourceId;
        }

        @Override
        public SourceOperator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, sourceId, ExchangeOperator.class.getSimpleName());
            return new ExchangeOperator(context, sourceId, clients.get());
        }

        @Override
        public void noMoreOperators() {}
    }
}
