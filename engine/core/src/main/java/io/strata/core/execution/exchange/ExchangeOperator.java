package io.strata.core.execution.exchange;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.RemoteSourceFactory;
import io.strata.core.execution.split.Split;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The start of a pipeline fed by upstream tasks over HTTP. The task hands each {@link RemoteSplit} of the remote
 * source to the {@link Factory}, which adds the upstream result buffer to the one {@link HttpExchangeClient} its
 * operators share; pages come out in arrival order, each to one of the operators.
 */
public final class ExchangeOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final HttpExchangeClient client;
    private final Runnable onClose;
    private final boolean chargesMemory;
    private boolean closed;

    /** @param chargesMemory whether this operator charges the query for the pages the shared client buffers (one of them does) */
    ExchangeOperator(OperatorContext operatorContext, HttpExchangeClient client, Runnable onClose, boolean chargesMemory)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.client = requireNonNull(client, "client is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.chargesMemory = chargesMemory;
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
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
        Page page = client.pollPage();
        if (chargesMemory) {
            // the pages received and not yet taken are the query's memory on this node
            operatorContext.memory().setBytes(client.bufferedBytes());
        }
        return page;
    }

    @Override
    public void finish()
    {
        // downstream is done (a LIMIT): the upstream buffers are released when the operators close
        close();
    }

    @Override
    public boolean isFinished()
    {
        return closed || client.isFinished();
    }

    @Override
    public void close()
    {
        if (!closed) {
            closed = true;
            operatorContext.memory().close();
            onClose.run();
        }
    }

    /** The exchange client of the operator, for its statistics. */
    public ExchangeClientStatus exchangeStatus()
    {
        return client.status();
    }

    public static final class Factory
            implements RemoteSourceFactory
    {
        private final int operatorId;
        private final PlanNodeId sourceId;
        private final Supplier<HttpExchangeClient> clients;
        // guarded by this
        private HttpExchangeClient client;
        // guarded by this
        private int openOperators;
        // guarded by this
        private boolean noMoreOperators;
        // guarded by this
        private boolean anyOperatorCreated;

        /** @param clients makes the exchange client the factory's operators share; the factory closes it */
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
        public void addSplit(Split split)
        {
            requireNonNull(split, "split is null");
            if (!(split.connectorSplit() instanceof RemoteSplit remoteSplit)) {
                throw new IllegalArgumentException("an exchange reads remote splits, not " + split);
            }
            client().addLocation(remoteSplit.location());
        }

        @Override
        public void noMoreSplits()
        {
            client().noMoreLocations();
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            OperatorContext context = driverContext.addOperatorContext(operatorId, sourceId, ExchangeOperator.class.getSimpleName());
            HttpExchangeClient shared;
            boolean first;
            synchronized (this) {
                if (noMoreOperators) {
                    throw new IllegalStateException("no more operators");
                }
                shared = client();
                first = !anyOperatorCreated;
                anyOperatorCreated = true;
                openOperators++;
            }
            return new ExchangeOperator(context, shared, this::operatorClosed, first);
        }

        @Override
        public void noMoreOperators()
        {
            boolean close;
            synchronized (this) {
                noMoreOperators = true;
                close = openOperators == 0;
            }
            if (close) {
                client().close();
            }
        }

        private void operatorClosed()
        {
            boolean close;
            synchronized (this) {
                openOperators--;
                close = noMoreOperators && openOperators == 0;
            }
            if (close) {
                client().close();
            }
        }

        private synchronized HttpExchangeClient client()
        {
            if (client == null) {
                client = requireNonNull(clients.get(), "exchange client is null");
            }
            return client;
        }
    }
}
