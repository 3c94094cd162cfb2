package io.strata.core.execution.executor;

/**
 * What the executor tells a task about one of its drivers. Called on an executor thread, once.
 */
public interface DriverListener
{
    void driverFinished();

    void driverFailed(Throwable cause);
}
