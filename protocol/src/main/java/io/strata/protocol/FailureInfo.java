package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A server-side exception as the client sees it: {@code {type, message, cause, suppressed, stack,
 * errorLocation}}, where {@code type} is the Java class name. presto-jdbc turns it back into the
 * {@code cause} of its {@code SQLException}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"type", "message", "cause", "suppressed", "stack", "errorLocation"})
public final class FailureInfo
{
    private final String type;
    private final Optional<String> message;
    private final Optional<FailureInfo> cause;
    private final List<FailureInfo> suppressed;
    private final List<String> stack;
    private final Optional<ErrorLocation> errorLocation;

    public FailureInfo(
            String type,
            Optional<String> message,
            Optional<FailureInfo> cause,
            List<FailureInfo> suppressed,
            List<String> stack,
            Optional<ErrorLocation> errorLocation)
    {
        this.type = requireNonNull(type, "type is null");
        this.message = requireNonNull(message, "message is null");
        this.cause = requireNonNull(cause, "cause is null");
        this.suppressed = List.copyOf(requireNonNull(suppressed, "suppressed is null"));
        this.stack = List.copyOf(requireNonNull(stack, "stack is null"));
        this.errorLocation = requireNonNull(errorLocation, "errorLocation is null");
    }

    @JsonCreator
    public static FailureInfo fromJson(
            @JsonProperty("type") String type,
            @JsonProperty("message") String message,
            @JsonProperty("cause") FailureInfo cause,
            @JsonProperty("suppressed") List<FailureInfo> suppressed,
            @JsonProperty("stack") List<String> stack,
            @JsonProperty("errorLocation") ErrorLocation errorLocation)
    {
        return new FailureInfo(
                type,
                Optional.ofNullable(message),
                Optional.ofNullable(cause),
                suppressed == null ? List.of() : suppressed,
                stack == null ? List.of() : stack,
                Optional.ofNullable(errorLocation));
    }

    /** The failure info of {@code throwable}, its causes and suppressed exceptions; a cycle ends the chain. */
    public static FailureInfo of(Throwable throwable)
    {
        return of(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static FailureInfo of(Throwable throwable, Set<Throwable> seen)
    {
        seen.add(throwable);
        Optional<FailureInfo> cause = Optional.empty();
        if (throwable.getCause() != null && !seen.contains(throwable.getCause())) {
            cause = Optional.of(of(throwable.getCause(), seen));
        }
        List<FailureInfo> suppressed = new ArrayList<>();
        for (Throwable suppressedThrowable : throwable.getSuppressed()) {
            if (!seen.contains(suppressedThrowable)) {
                suppressed.add(of(suppressedThrowable, seen));
            }
        }
        List<String> stack = new ArrayList<>();
        for (StackTraceElement element : throwable.getStackTrace()) {
            stack.add(element.toString());
        }
        return new FailureInfo(
                throwable.getClass().getName(),
                Optional.ofNullable(throwable.getMessage()),
                cause,
                suppressed,
                stack,
                Optional.empty());
    }

    @JsonProperty("type")
    public String type()
    {
        return type;
    }

    @JsonProperty("message")
    public Optional<String> message()
    {
        return message;
    }

    @JsonProperty("cause")
    public Optional<FailureInfo> cause()
    {
        return cause;
    }

    @JsonProperty("suppressed")
    public List<FailureInfo> suppressed()
    {
        return suppressed;
    }

    @JsonProperty("stack")
    public List<String> stack()
    {
        return stack;
    }

    @JsonProperty("errorLocation")
    public Optional<ErrorLocation> errorLocation()
    {
        return errorLocation;
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FailureInfo)) {
            return false;
        }
        FailureInfo that = (FailureInfo) other;
        return type.equals(that.type) &&
                message.equals(that.message) &&
                cause.equals(that.cause) &&
                suppressed.equals(that.suppressed) &&
                stack.equals(that.stack) &&
                errorLocation.equals(that.errorLocation);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(type, message, cause, suppressed, stack, errorLocation);
    }

    @Override
    public String toString()
    {
        return message.map(text -> type + ": " + text).orElse(type);
    }
}
