package io.strata.launcher;

import static java.util.Objects.requireNonNull;

/**
 * The command line is wrong: unknown command or option, a missing or malformed value. {@link Main} prints
 * the message and the command's usage, and exits with {@link Main#EXIT_USAGE}.
 */
public final class UsageException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public UsageException(String message)
    {
        super(requireNonNull(message, "message is null"));
    }
}
