package io.strata.core.analyzer;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.DataType.NumericParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;

/**
 * Resolves a type as written ({@code decimal(12, 2)}, {@code varchar}, {@code int}) to a {@link Type}.
 */
final class DataTypes
{
    /** Types SQL has and Presto supports, but Strata not yet. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of(
            "time with time zone", "array", "map", "row", "json", "uuid", "ipaddress");

    private DataTypes() {}

    static boolean isKnownButUnsupported(String name)
    {
        return KNOWN_UNSUPPORTED.contains(name);
    }

    static Type toType(DataType dataType)
    {
        List<Long> numbers = new ArrayList<>();
        for (DataType.Parameter parameter : dataType.parameters()) {
            if (!(parameter instanceof NumericParameter numeric)) {
                throw unknownType(dataType);
            }
            numbers.add(numeric.value());
        }
        String name = dataType.name();
        switch (name) {
            case "boolean":
                return simple(dataType, numbers, BOOLEAN);
            case "integer":
            case "int":
                return simple(dataType, numbers, INTEGER);
            case "bigint":
                return simple(dataType, numbers, BIGINT);
            case "double":
                return simple(dataType, numbers, DOUBLE);
            case "tinyint":
            case "smallint":
            case "real":
            case "varbinary":
            case "char":
            case "time":
            case "timestamp":
            case "timestamp with time zone":
                return ScalarDataTypes.toType(dataType, numbers);
            case "date":
                return simple(dataType, numbers, DATE);
            case "interval day to second":
                return simple(dataType, numbers, INTERVAL_DAY_TIME);
            case "interval year to month":
                return simple(dataType, numbers, INTERVAL_YEAR_MONTH);
            case "varchar":
                if (numbers.isEmpty()) {
                    return VarcharType.VARCHAR;
                }
                if (numbers.size() == 1 && numbers.get(0) >= 0 && numbers.get(0) <= VarcharType.UNBOUNDED_LENGTH) {
                    return numbers.get(0) == VarcharType.UNBOUNDED_LENGTH ? VarcharType.VARCHAR : VarcharType.createVarcharType(numbers.get(0).intValue());
                }
                throw invalidType(dataType, "varchar length must be between 0 and " + VarcharType.UNBOUNDED_LENGTH);
            case "decimal":
                if (numbers.size() > 2) {
                    throw unknownType(dataType);
                }
                long precision = numbers.isEmpty() ? DecimalType.MAX_PRECISION : numbers.get(0);
                long scale = numbers.size() < 2 ? 0 : numbers.get(1);
                if (precision < 1 || precision > DecimalType.MAX_PRECISION) {
                    throw invalidType(dataType, "DECIMAL precision must be in range [1, 38]");
                }
                if (scale < 0 || scale > precision) {
                    throw invalidType(dataType, "DECIMAL scale must be in range [0, precision]");
                }
                return new DecimalType((int) precision, (int) scale);
            default:
                if (KNOWN_UNSUPPORTED.contains(name)) {
                    throw new StrataException(ErrorCode.NOT_SUPPORTED, dataType.location(), "Type " + name + " is not supported yet", null);
                }
                throw unknownType(dataType);
        }
    }

    private static Type simple(DataType dataType, List<Long> numbers, Type type)
    {
        if (!numbers.isEmpty()) {
            throw unknownType(dataType);
        }
        return type;
    }

    private static StrataException unknownType(DataType dataType)
    {
        return new StrataException(ErrorCode.TYPE_MISMATCH, dataType.location(), "Unknown type: " + dataType.name(), null);
    }

    private static StrataException invalidType(DataType dataType, String message)
    {
        return new StrataException(ErrorCode.TYPE_MISMATCH, dataType.location(), message, null);
    }
}
