package io.strata.launcher;

import static java.util.Objects.requireNonNull;

/**
 * A command could not do its work for a reason the user can act on (a bad property, a cluster that did not
 * start, a failed query): {@link Main} prints the message, without a stack trace, and exits with
 * {@link #exitCode()}.
 */
public final class CommandFailedException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailedException(String message)
    {
        this(message, null);
    }

    public CommandFailedException(String message, Throwable cause)
    {
        this(Main.EXIT_FAILURE, message, cause);
    }

    public CommandFailedException(int exitCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        if (exitCode == 0) {
            throw new IllegalArgumentException("exitCode is 0");
        }
        this.exitCode = exitCode;
    }

    public int exitCode()
    {
        return exitCode;
    }
}
