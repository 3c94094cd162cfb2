package io.strata.core.execution.exchange;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorContext;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.Page;

import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * The end of a pipeline that feeds a {@link LocalExchange}: one sink per driver.
 */
public final class LocalExchangeSinkOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final LocalExchange exchange;
    private boolean finished;

    LocalExchangeSinkOperator(OperatorContext operatorContext, LocalExchange exchange)
    {
        this.operatorContext = requireNonNull(operatorContext, "operatorContext is null");
        this.exchange = requireNonNull(exchange, "exchange is null");
    }

    @Override
    public OperatorContext operatorContext()
    {
        return operatorContext;
    }

    @Override
    public CompletableFuture<Void> isBlocked()
    {
        return exchange.sinkBlocked();
    }

    @Override
    public boolean needsInput()
    {
        return !isFinished() && exchange.sinkBlocked().isDone();
    }

    @Override
    public void addInput(Page page)
    {
        exchange.addPage(page);
    }

    @Override
    public Page getOutput()
    {
        return null;
    }

    @Override
    public void finish()
    {
        if (!finished) {
            finished = true;
            exchange.sinkFinished();
        }
    }

    @Override
    public boolean isFinished()
    {
        return finished || exchange.isSourceClosed();
    }

    @Override
    public void close()
    {
        finish();
    }

    /** Makes the sinks of one exchange; each operator made is a sink the exchange waits for. */
    public static final class Factory
            implements OperatorFactory
    {
        private final int operatorId;
        private final PlanNodeId planNodeId;
        private final LocalExchange exchange;

        public Factory(int operatorId, PlanNodeId planNodeId, LocalExchange exchange)
        {
            this.operatorId = operatorId;
            this.planNodeId = requireNonNull(planNodeId, "planNodeId is null");
            this.exchange = requireNonNull(exchange, "exchange is null");
        }

        @Override
        public Operator createOperator(DriverContext driverContext)
        {
            exchange.addSink();
            return new LocalExchangeSinkOperator(driverContext.addOperatorContext(operatorId, planNodeId, LocalExchangeSinkOperator.class.getSimpleName()), exchange);
        }

        @Override
        public void noMoreOperators()
        {
            exchange.noMoreSinks();
        }
    }
}
