package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * Where in the statement text an error is, both 1-based: {@code {lineNumber, columnNumber}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"lineNumber", "columnNumber"})
public final class ErrorLocation
{
    private final int lineNumber;
    private final int columnNumber;

    @JsonCreator
    public ErrorLocation(@JsonProperty("lineNumber") int lineNumber, @JsonProperty("columnNumber") int columnNumber)
    {
        if (lineNumber < 1) {
            throw new IllegalArgumentException("lineNumber must be at least 1: " + lineNumber);
        }
        if (columnNumber < 1) {
            throw new IllegalArgumentException("columnNumber must be at least 1: " + columnNumber);
        }
        this.lineNumber = lineNumber;
        this.columnNumber = columnNumber;
    }

    @JsonProperty("lineNumber")
    public int lineNumber()
    {
        return lineNumber;
    }

    @JsonProperty("columnNumber")
    public int columnNumber()
    {
        return columnNumber;
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ErrorLocation)) {
            return false;
        }
        ErrorLocation that = (ErrorLocation) other;
        return lineNumber == that.lineNumber && columnNumber == that.columnNumber;
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(lineNumber, columnNumber);
    }

    /** {@code line L:C}, as error messages print it. */
    @Override
    public String toString()
    {
        return "line " + lineNumber + ":" + columnNumber;
    }
}
