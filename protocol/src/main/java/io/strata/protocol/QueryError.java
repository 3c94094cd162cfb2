package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Why a statement failed: {@code {message, sqlState, errorCode, errorName, errorType, retriable,
 * errorLocation, failureInfo}}. The code, name and type are kept as the server sent them, so that errors of
 * other servers (and codes this build does not know) survive; {@link #knownErrorCode()} maps them back.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"message", "sqlState", "errorCode", "errorName", "errorType", "retriable", "errorLocation", "failureInfo"})
public final class QueryError
{
    private final String message;
    private final Optional<String> sqlState;
    private final int errorCode;
    private final String errorName;
    private final String errorType;
    private final boolean retriable;
    private final Optional<ErrorLocation> errorLocation;
    private final Optional<FailureInfo> failureInfo;

    public QueryError(
            String message,
            Optional<String> sqlState,
            int errorCode,
            String errorName,
            String errorType,
            boolean retriable,
            Optional<ErrorLocation> errorLocation,
            Optional<FailureInfo> failureInfo)
    {
        this.message = requireNonNull(message, "message is null");
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
        this.errorCode = errorCode;
        this.errorName = requireNonNull(errorName, "errorName is null");
        this.errorType = requireNonNull(errorType, "errorType is null");
        this.retriable = retriable;
        this.errorLocation = requireNonNull(errorLocation, "errorLocation is null");
        this.failureInfo = requireNonNull(failureInfo, "failureInfo is null");
    }

    /** The error a Strata server reports for {@code errorCode}. */
    public static QueryError of(ErrorCode errorCode, String message, Optional<ErrorLocation> errorLocation, Optional<FailureInfo> failureInfo)
    {
        return new QueryError(
                message,
                Optional.of(errorCode.sqlState()),
                errorCode.code(),
                errorCode.name(),
                errorCode.type().name(),
                errorCode.retriable(),
                errorLocation,
                failureInfo);
    }

    @JsonCreator
    public static QueryError fromJson(
            @JsonProperty("message") String message,
            @JsonProperty("sqlState") String sqlState,
            @JsonProperty("errorCode") int errorCode,
            @JsonProperty("errorName") String errorName,
            @JsonProperty("errorType") String errorType,
            @JsonProperty("retriable") boolean retriable,
            @JsonProperty("errorLocation") ErrorLocation errorLocation,
            @JsonProperty("failureInfo") FailureInfo failureInfo)
    {
        return new QueryError(
                message == null ? "" : message,
                Optional.ofNullable(sqlState),
                errorCode,
                errorName == null ? "" : errorName,
                errorType == null ? "" : errorType,
                retriable,
                Optional.ofNullable(errorLocation),
                Optional.ofNullable(failureInfo));
    }

    @JsonProperty("message")
    public String message()
    {
        return message;
    }

    @JsonProperty("sqlState")
    public Optional<String> sqlState()
    {
        return sqlState;
    }

    @JsonProperty("errorCode")
    public int errorCode()
    {
        return errorCode;
    }

    @JsonProperty("errorName")
    public String errorName()
    {
        return errorName;
    }

    /** {@code USER_ERROR}, {@code INTERNAL_ERROR}, {@code INSUFFICIENT_RESOURCES} or {@code EXTERNAL}. */
    @JsonProperty("errorType")
    public String errorType()
    {
        return errorType;
    }

    /** Whether running the same statement again, possibly on another coordinator, can succeed. */
    @JsonProperty("retriable")
    public boolean retriable()
    {
        return retriable;
    }

    @JsonProperty("errorLocation")
    public Optional<ErrorLocation> errorLocation()
    {
        return errorLocation;
    }

    @JsonProperty("failureInfo")
    public Optional<FailureInfo> failureInfo()
    {
        return failureInfo;
    }

    /** The {@link ErrorCode} with this error's code and name, if this build knows it. */
    public Optional<ErrorCode> knownErrorCode()
    {
        return ErrorCode.fromCode(errorCode).filter(known -> known.name().equals(errorName));
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof QueryError)) {
            return false;
        }
        QueryError that = (QueryError) other;
        return errorCode == that.errorCode &&
                retriable == that.retriable &&
                message.equals(that.message) &&
                sqlState.equals(that.sqlState) &&
                errorName.equals(that.errorName) &&
                errorType.equals(that.errorType) &&
                errorLocation.equals(that.errorLocation) &&
                failureInfo.equals(that.failureInfo);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(message, sqlState, errorCode, errorName, errorType, retriable, errorLocation, failureInfo);
    }

    @Override
    public String toString()
    {
        return errorName + "(" + errorCode + "): " + message;
    }
}
