package io.strata.core.execution.driver;

/**
 * Makes the operator of one pipeline position for each driver of the pipeline. Immutable apart from the
 * bookkeeping of how many operators it made (local exchanges count their sinks); thread-safe.
 */
public interface OperatorFactory
{
    /** A new operator for a new driver; its context comes from {@code driverContext}. */
    Operator createOperator(DriverContext driverContext);

    /** The pipeline will make no more drivers: no more operators will be created. Idempotent. */
    void noMoreOperators();
}
