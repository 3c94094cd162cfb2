package io.strata.launcher.config;

import static java.util.Objects.requireNonNull;

/**
 * An {@code etc/} directory that cannot be used as it is; the message names the file and, where there is
 * one, the property.
 */
public final class InvalidConfigurationException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message)
    {
        super(requireNonNull(message, "message is null"));
    }

    public InvalidConfigurationException(String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
    }
}
