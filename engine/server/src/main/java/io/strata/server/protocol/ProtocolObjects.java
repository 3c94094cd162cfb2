package io.strata.server.protocol;

import io.strata.core.execution.QueryStatistics;
import io.strata.protocol.Column;
import io.strata.protocol.Dialect;
import io.strata.protocol.ErrorCode;
import io.strata.protocol.ErrorLocation;
import io.strata.protocol.FailureInfo;
import io.strata.protocol.QueryError;
import io.strata.protocol.QueryState;
import io.strata.protocol.StatementStats;
import io.strata.spi.StrataException;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;

import java.util.Optional;

/**
 * Engine values rendered as the client protocol's objects: a column's type, a failure, a statistics
 * snapshot.
 */
public final class ProtocolObjects
{
    private ProtocolObjects() {}

    /**
     * A result column: {@code type} is the type's display name ({@code decimal(12,2)}, {@code varchar(25)},
     * {@code varchar}, {@code interval day to second}) and {@code typeSignature} its structured form in the
     * dialect's shape, a varchar always with its length argument.
     */
    public static Column toColumn(String name, Type type, Dialect dialect)
    {
        return Column.of(name, clientTypeName(type, dialect), dialect);
    }

    /** The type's name as the dialect spells it, element and field types included. */
    private static String clientTypeName(Type type, Dialect dialect)
    {
        // Presto's time and timestamp have no precision parameter (always milliseconds); Trino's have one
        if (dialect == Dialect.PRESTO && (type instanceof TimestampType || type instanceof TimeType || type instanceof TimestampWithTimeZoneType)) {
            return type.baseName();
        }
        if (type instanceof ArrayType array) {
            return "array(" + clientTypeName(array.elementType(), dialect) + ")";
        }
        if (type instanceof MapType map) {
            return "map(" + clientTypeName(map.keyType(), dialect) + "," + clientTypeName(map.valueType(), dialect) + ")";
        }
        if (type instanceof RowType row) {
            StringBuilder name = new StringBuilder("row(");
            for (int i = 0; i < row.fields().size(); i++) {
                RowType.Field field = row.fields().get(i);
                name.append(i > 0 ? "," : "").append(field.name().map(fieldName -> fieldName + " ").orElse(""));
                name.append(clientTypeName(field.type(), dialect));
            }
            return name.append(')').toString();
        }
        return type.displayName();
    }

    /**
     * The error a client receives for {@code failure}: code, name, type, retriable and SQLSTATE from its
     * {@link ErrorCode}, the statement location (line and column) where it has one, and the Java failure
     * with its stack. Anything but a {@link StrataException} is an internal error.
     */
    public static QueryError toQueryError(Throwable failure)
    {
        StrataException exception = failure instanceof StrataException strataException
                ? strataException
                : new StrataException(ErrorCode.GENERIC_INTERNAL_ERROR, failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage(), failure);
        Optional<ErrorLocation> location = exception.location().map(place -> new ErrorLocation(place.line(), place.column()));
        FailureInfo failureInfo = FailureInfo.of(exception);
        failureInfo = new FailureInfo(
                failureInfo.type(),
                failureInfo.message(),
                failureInfo.cause(),
                failureInfo.suppressed(),
                failureInfo.stack(),
                location);
        return QueryError.of(exception.errorCode(), exception.getMessage(), location, Optional.of(failureInfo));
    }

    /** Statement statistics from the engine's counters, reporting {@code state}. */
    public static StatementStats toStatementStats(QueryStatistics statistics, QueryState state)
    {
        return StatementStats.builder()
                .state(state)
                .queued(state == QueryState.QUEUED)
                .scheduled(statistics.scheduled())
                .nodes(statistics.nodes())
                .totalSplits(statistics.totalSplits())
                .queuedSplits(statistics.queuedSplits())
                .runningSplits(statistics.runningSplits())
                .completedSplits(statistics.completedSplits())
                .cpuTimeMillis(statistics.cpuTimeMillis())
                .wallTimeMillis(statistics.wallTimeMillis())
                .queuedTimeMillis(statistics.queuedTimeMillis())
                .elapsedTimeMillis(statistics.elapsedTimeMillis())
                .processedRows(statistics.processedRows())
                .processedBytes(statistics.processedBytes())
                .peakMemoryBytes(statistics.peakMemoryBytes())
                .peakTotalMemoryBytes(statistics.peakMemoryBytes())
                .build();
    }

    /** Statistics of a query the engine never saw (it failed before it was created). */
    public static StatementStats emptyStatementStats(QueryState state, long elapsedMillis)
    {
        return StatementStats.builder()
                .state(state)
                .queued(state == QueryState.QUEUED)
                .elapsedTimeMillis(elapsedMillis)
                .build();
    }
}
