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
 * The start of a pipeline fed by a {@link LocalExchange}.
 */
public final class LocalExchangeSourceOperator
        implements Operator
{
    private final OperatorContext operatorContext;
    private final LocalExchange exchange;

    LocalExchangeSourceOperator(OperatorContext operatorContext, LocalExchange exchange)
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
        return exchange.sourceBlocked();
    }

    @Override
    public boolean needsInput()
    {
        return false;
    }

    @Override
    public void addInput(Page page)
    {
        throw new UnsupportedOperationException("an exchange source takes no input");
    }

    @Override
    public Page getOutput()
    {
        return exchange.poll();
    }

    @Override
    public void finish()
    {
        // the exchange finishes when its sinks do
    }

    @Override
    public boolean isFinished()
    {
        return exchange.isFinished();
    }

    @Override
    public void close()
    {
        exchange.closeSource();
    }

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
            return new LocalExchangeSourceOperator(driverContext.addOperatorContext(operatorId, planNodeId, LocalExchangeSourceOperator.class.getSimpleName()), exchange);
        }

        @Override
        public void noMoreOperators() {}
    }
}
