package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A warning about a statement that still ran: {@code {warningCode: {code, name}, message}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"warningCode", "message"})
public final class Warning
{
    private final Code warningCode;
    private final String message;

    @JsonCreator
    public Warning(@JsonProperty("warningCode") Code warningCode, @JsonProperty("message") String message)
    {
        this.warningCode = requireNonNull(warningCode, "warningCode is null");
        this.message = requireNonNull(message, "message is null");
    }

    @JsonProperty("warningCode")
    public Code warningCode()
    {
        return warningCode;
    }

    @JsonProperty("message")
    public String message()
    {
        return message;
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Warning)) {
            return false;
        }
        Warning that = (Warning) other;
        return warningCode.equals(that.warningCode) && message.equals(that.message);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(warningCode, message);
    }

    @Override
    public String toString()
    {
        return warningCode + ": " + message;
    }

    /** A warning's code: {@code {code, name}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"code", "name"})
    public static final class Code
    {
        private final int code;
        private final String name;

        @JsonCreator
        public Code(@JsonProperty("code") int code, @JsonProperty("name") String name)
        {
            this.code = code;
            this.name = requireNonNull(name, "name is null");
        }

        @JsonProperty("code")
        public int code()
        {
            return code;
        }

        @JsonProperty("name")
        public String name()
        {
            return name;
        }

        @Override
        public boolean equals(Object other)
        {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Code)) {
                return false;
            }
            Code that = (Code) other;
            return code == that.code && name.equals(that.name);
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(code, name);
        }

        @Override
        public String toString()
        {
            return name + ":" + code;
        }
    }
}
