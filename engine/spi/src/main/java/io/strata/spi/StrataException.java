package io.strata.spi;

import io.strata.protocol.ErrorCode;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type every error reported to a user travels in: it always carries an {@link ErrorCode},
 * and errors tied to a place in the statement carry its {@link Location}, rendered as {@code line L:C: }.
 */
public class StrataException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final transient Optional<Location> location;
    private final String rawMessage;

    public StrataException(ErrorCode errorCode, String message)
    {
        this(errorCode, Optional.empty(), message, null);
    }

    public StrataException(ErrorCode errorCode, String message, Throwable cause)
    {
        this(errorCode, Optional.empty(), message, cause);
    }

    public StrataException(ErrorCode errorCode, Location location, String message)
    {
        this(errorCode, Optional.of(location), message, null);
    }

    public StrataException(ErrorCode errorCode, Optional<Location> location, String message, Throwable cause)
    {
        super(render(location, message), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
        this.location = requireNonNull(location, "location is null");
        this.rawMessage = requireNonNull(message, "message is null");
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }

    public Optional<Location> location()
    {
        return location;
    }

    /** The message without the location prefix. */
    public String rawMessage()
    {
        return rawMessage;
    }

    private static String render(Optional<Location> location, String message)
    {
        return location
                .map(place -> "line " + place.line() + ":" + place.column() + ": " + message)
                .orElse(message);
    }
}
