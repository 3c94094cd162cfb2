package io.strata.core.execution.task;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;

import java.io.PrintWriter;
import java.io.StringWriter;

import static java.util.Objects.requireNonNull;

/**
 * A task's failure as it travels in a task status: the error code and message the user sees, and where it
 * came from. An exception that is not a {@link StrataException} is an internal error.
 *
 * @param type the class of the original exception
 * @param stackTrace the original stack trace, for the logs
 */
public record ExecutionFailure(ErrorCode errorCode, String message, String type, String stackTrace)
{
    public ExecutionFailure
    {
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(message, "message is null");
        requireNonNull(type, "type is null");
        requireNonNull(stackTrace, "stackTrace is null");
    }

    public static ExecutionFailure of(Throwable throwable)
    {
        StringWriter stack = new StringWriter();
        throwable.printStackTrace(new PrintWriter(stack));
        if (throwable instanceof StrataException) {
            StrataException strata = (StrataException) throwable;
            return new ExecutionFailure(strata.errorCode(), strata.getMessage(), throwable.getClass().getName(), stack.toString());
        }
        String message = throwable.getMessage() == null ? throwable.getClass().getName() : throwable.getMessage();
        return new ExecutionFailure(ErrorCode.GENERIC_INTERNAL_ERROR, message, throwable.getClass().getName(), stack.toString());
    }

    /** The failure as the exception a query fails with. */
    public StrataException toException()
    {
        return new StrataException(errorCode, message);
    }
}
