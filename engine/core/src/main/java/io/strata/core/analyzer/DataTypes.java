package io.strata.core.analyzer;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;
import io.strata.sql.tree.DataType;
import io.strata.sql.tree.DataType.NumericParameter;
import io.strata.sql.tree.DataType.TypeParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            "time with time zone", "json", "uuid", "ipaddress");

    private DataTypes() {}

    static boolean isKnownButUnsupported(String name)
    {
        return KNOWN_UNSUPPORTED.contains(name);
    }

    static Type toType(DataType dataType)
    {
        Optional<Type> nested = nestedType(dataType);
        if (nested.isPresent()) {
            return nested.get();
        }
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

    /** {@code array(T)}, {@code map(K, V)} and {@code row(name T, ...)}, or empty for any other name. */
    private static Optional<Type> nestedType(DataType dataType)
    {
        List<DataType.Parameter> parameters = dataType.parameters();
        switch (dataType.name()) {
            case "array":
                if (parameters.size() != 1 || !(parameters.get(0) instanceof TypeParameter element)) {
                    throw invalidType(dataType, "array takes one type parameter: array(T)");
                }
                return Optional.of(new ArrayType(toType(element.type())));
            case "map":
                if (parameters.size() != 2 || !(parameters.get(0) instanceof TypeParameter key) || !(parameters.get(1) instanceof TypeParameter value)) {
                    throw invalidType(dataType, "map takes two type parameters: map(K, V)");
                }
                Type keyType = toType(key.type());
                if (keyType.layout().isNested() && !(keyType instanceof RowType) && !(keyType instanceof ArrayType)) {
                    throw invalidType(dataType, "map key type must be comparable: " + keyType);
                }
                return Optional.of(new MapType(keyType, toType(value.type())));
            case "row": {
                if (parameters.isEmpty()) {
                    throw invalidType(dataType, "row takes at least one field: row(name T, ...)");
                }
                List<RowType.Field> fields = new ArrayList<>();
                for (DataType.Parameter parameter : parameters) {
                    if (parameter instanceof DataType.RowField field) {
                        fields.add(new RowType.Field(field.name().map(name -> name.value().toLowerCase(Locale.ENGLISH)), toType(field.type())));
                    }
                    else if (parameter instanceof TypeParameter type) {
                        fields.add(new RowType.Field(Optional.empty(), toType(type.type())));
                    }
                    else {
                        throw invalidType(dataType, "row fields are types: row(name T, ...)");
                    }
                }
                return Optional.of(new RowType(fields));
            }
            default:
                return Optional.empty();
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
