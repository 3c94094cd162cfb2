package io.strata.core.connector.system;

import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;

import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * How JDBC metadata describes SQL types: the {@link java.sql.Types} code, column size, decimal digits and radix,
 * as Presto's and Trino's {@code system.jdbc} report them. Keyed by a type's base name, so that types added to
 * the engine later map without changing this class's callers.
 */
final class JdbcTypes
{
    /** Base names listed by {@code system.jdbc.types} (what {@code getTypeInfo} returns), with their codes. */
    static final Map<String, Integer> CODES = Map.ofEntries(
            Map.entry("boolean", Types.BOOLEAN),
            Map.entry("tinyint", Types.TINYINT),
            Map.entry("smallint", Types.SMALLINT),
            Map.entry("integer", Types.INTEGER),
            Map.entry("bigint", Types.BIGINT),
            Map.entry("real", Types.REAL),
            Map.entry("double", Types.DOUBLE),
            Map.entry("decimal", Types.DECIMAL),
            Map.entry("char", Types.CHAR),
            Map.entry("varchar", Types.VARCHAR),
            Map.entry("varbinary", Types.VARBINARY),
            Map.entry("date", Types.DATE),
            Map.entry("time", Types.TIME),
            Map.entry("time with time zone", Types.TIME_WITH_TIMEZONE),
            Map.entry("timestamp", Types.TIMESTAMP),
            Map.entry("timestamp with time zone", Types.TIMESTAMP_WITH_TIMEZONE),
            Map.entry("interval day to second", Types.OTHER),
            Map.entry("interval year to month", Types.OTHER),
            Map.entry("array", Types.ARRAY),
            Map.entry("map", Types.JAVA_OBJECT),
            Map.entry("row", Types.JAVA_OBJECT));

    /** The base names {@code getTypeInfo} lists, in a stable order. */
    static final List<String> TYPE_NAMES = CODES.keySet().stream().sorted().toList();

    private JdbcTypes() {}

    static long dataType(Type type)
    {
        return dataType(type.baseName());
    }

    static long dataType(String baseName)
    {
        return CODES.getOrDefault(baseName, Types.JAVA_OBJECT);
    }

    /** {@code COLUMN_SIZE}: digits of numbers, characters of text, or null where it means nothing. */
    static Long columnSize(Type type)
    {
        switch (type.baseName()) {
            case "bigint":
                return 19L;
            case "integer":
                return 10L;
            case "smallint":
                return 5L;
            case "tinyint":
                return 3L;
            case "real":
                return 24L;
            case "double":
                return 53L;
            case "date":
                return 14L;
            case "decimal":
                return (long) ((DecimalType) type).precision();
            case "varchar":
                return (long) ((VarcharType) type).lengthOrUnbounded();
            case "char":
            case "varbinary":
                return type.parameters().isEmpty() ? (long) Integer.MAX_VALUE : type.parameters().get(0);
            default:
                return null;
        }
    }

    /** {@code DECIMAL_DIGITS}: the scale of a decimal, the precision of a time or timestamp. */
    static Long decimalDigits(Type type)
    {
        switch (type.baseName()) {
            case "decimal":
            case "time":
            case "timestamp":
            case "time with time zone":
            case "timestamp with time zone":
                return type.parameters().isEmpty() ? null : type.parameters().get(type.parameters().size() - 1);
            default:
                return null;
        }
    }

    /** {@code NUM_PREC_RADIX}: 10 for exact numbers, 2 for floating point. */
    static Long radix(String baseName)
    {
        switch (baseName) {
            case "tinyint":
            case "smallint":
            case "integer":
            case "bigint":
            case "decimal":
                return 10L;
            case "real":
            case "double":
                return 2L;
            default:
                return null;
        }
    }

    /** {@code CHAR_OCTET_LENGTH}: the maximum bytes of a character column. */
    static Long charOctetLength(Type type)
    {
        if (type instanceof VarcharType varchar) {
            return (long) varchar.lengthOrUnbounded();
        }
        if (type.baseName().equals("char")) {
            return type.parameters().isEmpty() ? null : type.parameters().get(0);
        }
        return null;
    }
}
