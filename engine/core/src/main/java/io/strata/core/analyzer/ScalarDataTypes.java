package io.strata.core.analyzer;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.CharType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.sql.tree.DataType;

import java.util.List;

import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TinyintType.TINYINT;
import static io.strata.spi.type.VarbinaryType.VARBINARY;

/**
 * The type names of {@code tinyint}, {@code smallint}, {@code real}, {@code varbinary}, {@code char(n)},
 * {@code time(p)} and {@code timestamp(p)}, with Presto's defaults ({@code char} is {@code char(1)}, time and
 * timestamp without a precision have 3).
 */
final class ScalarDataTypes
{
    private ScalarDataTypes() {}

    static Type toType(DataType dataType, List<Long> numbers)
    {
        String name = dataType.name();
        switch (name) {
            case "tinyint":
                return noParameters(dataType, numbers, TINYINT);
            case "smallint":
                return noParameters(dataType, numbers, SMALLINT);
            case "real":
                return noParameters(dataType, numbers, REAL);
            case "varbinary":
                return noParameters(dataType, numbers, VARBINARY);
            case "char": {
                long length = oneParameter(dataType, numbers, 1);
                if (length < 1 || length > CharType.MAX_LENGTH) {
                    throw invalid(dataType, "CHAR length must be in range [1, " + CharType.MAX_LENGTH + "]");
                }
                return CharType.createCharType((int) length);
            }
            case "time": {
                long precision = oneParameter(dataType, numbers, TimeType.DEFAULT_PRECISION);
                if (precision < 0 || precision > TimeType.MAX_PRECISION) {
                    throw invalid(dataType, "TIME precision must be in range [0, " + TimeType.MAX_PRECISION + "]");
                }
                return TimeType.createTimeType((int) precision);
            }
            case "timestamp": {
                long precision = oneParameter(dataType, numbers, TimestampType.DEFAULT_PRECISION);
                if (precision < 0 || precision > TimestampType.MAX_PRECISION) {
                    throw invalid(dataType, "TIMESTAMP precision must be in range [0, " + TimestampType.MAX_PRECISION + "]");
                }
                return TimestampType.createTimestampType((int) precision);
            }
            case "timestamp with time zone": {
                long precision = oneParameter(dataType, numbers, TimestampWithTimeZoneType.DEFAULT_PRECISION);
                if (precision < 0 || precision > TimestampWithTimeZoneType.MAX_PRECISION) {
                    throw invalid(dataType, "TIMESTAMP WITH TIME ZONE precision must be in range [0, " + TimestampWithTimeZoneType.MAX_PRECISION + "]");
                }
                return TimestampWithTimeZoneType.createTimestampWithTimeZoneType((int) precision);
            }
            default:
                throw new IllegalArgumentException("not a scalar type name: " + name);
        }
    }

    private static Type noParameters(DataType dataType, List<Long> numbers, Type type)
    {
        if (!numbers.isEmpty()) {
            throw new StrataException(ErrorCode.TYPE_MISMATCH, dataType.location(), "Unknown type: " + dataType.name() + "(" + numbers.get(0) + ")", null);
        }
        return type;
    }

    private static long oneParameter(DataType dataType, List<Long> numbers, long defaultValue)
    {
        if (numbers.size() > 1) {
            throw invalid(dataType, "Type " + dataType.name() + " takes one parameter");
        }
        return numbers.isEmpty() ? defaultValue : numbers.get(0);
    }

    private static StrataException invalid(DataType dataType, String message)
    {
        return new StrataException(ErrorCode.TYPE_MISMATCH, dataType.location(), message, null);
    }
}
