package io.strata.core.metadata;

import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.TimeType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.strata.core.metadata.ArgumentPattern.anyDecimal;
import static io.strata.core.metadata.ArgumentPattern.anyType;
import static io.strata.core.metadata.ArgumentPattern.anyVarchar;
import static io.strata.core.metadata.ArgumentPattern.exact;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DecimalType.MAX_PRECISION;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static io.strata.spi.type.RealType.REAL;
import static io.strata.spi.type.SmallintType.SMALLINT;
import static io.strata.spi.type.TinyintType.TINYINT;
import static java.util.Objects.requireNonNull;

/**
 * The functions and operators Strata knows, and how a call binds to one of their overloads the way Presto
 * binds it: among the overloads that take the arguments (with implicit coercions, see {@link TypeCoercion}),
 * an exact match wins, else the most specific one (the overload whose parameter types coerce to every other
 * candidate's). Comparisons bind to the arguments' common super type.
 * <p>
 * Result types follow Presto, including the decimal rules of {@link io.strata.core.expression.FunctionNames}
 * and the aggregate rules of {@link io.strata.core.planner.plan.Aggregation}.
 */
public final class FunctionResolver
{
    private final Map<String, List<FunctionSignature>> functions;
    private final Map<OperatorType, List<FunctionSignature>> operators;
    private final Map<String, String> aliases;

    private FunctionResolver(Map<String, List<FunctionSignature>> functions, Map<OperatorType, List<FunctionSignature>> operators, Map<String, String> aliases)
    {
        this.functions = copy(functions);
        this.operators = copy(operators);
        this.aliases = Map.copyOf(aliases);
    }

    private static <K> Map<K, List<FunctionSignature>> copy(Map<K, List<FunctionSignature>> map)
    {
        Map<K, List<FunctionSignature>> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** The built-in functions. */
    public static FunctionResolver createBuiltIn()
    {
        Builder builder = new Builder();
        // before the integer and decimal overloads: smallint - tinyint binds to smallint, not to decimal
        addNarrowNumberOperators(builder);
        addArithmetic(builder);
        addScalars(builder);
        addAggregates(builder);
        addExtendedAggregates(builder);
        addStringFunctions(builder);
        addMathFunctions(builder);
        addDateTimeFunctions(builder);
        addScalarTypeFunctions(builder);
        builder.alias("substring", "substr");
        return new FunctionResolver(builder.functions, builder.operators, builder.aliases);
    }

    public boolean isRegistered(String name)
    {
        return functions.containsKey(canonicalName(name));
    }

    public boolean isAggregate(String name)
    {
        List<FunctionSignature> signatures = functions.get(canonicalName(name));
        return signatures != null && signatures.get(0).kind() == FunctionKind.AGGREGATE;
    }

    /** Every function overload (not operators), by name, for {@code SHOW FUNCTIONS}. */
    public List<FunctionSignature> listFunctions()
    {
        return functions.values().stream().flatMap(List::stream).toList();
    }

    /**
     * Binds a call of the named scalar or aggregate function.
     *
     * @throws StrataException {@code FUNCTION_NOT_FOUND} for an unknown name or when no overload takes the
     * arguments ("Unexpected parameters (varchar(1)) for function abs. Expected: abs(integer), ...")
     */
    public ResolvedFunction resolveFunction(String name, List<Type> argumentTypes, Optional<Location> location)
    {
        List<FunctionSignature> signatures = functions.get(canonicalName(name));
        if (signatures == null) {
            throw new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location, "Function " + name + " not registered", null);
        }
        return bestMatch(signatures, argumentTypes).orElseThrow(() -> new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location,
                "Unexpected parameters (" + typeList(argumentTypes) + ") for function " + name + ". Expected: "
                        + signatures.stream().map(FunctionSignature::display).collect(Collectors.joining(", ")), null));
    }

    /**
     * Binds an operator.
     *
     * @throws StrataException {@code TYPE_MISMATCH} when the operator does not apply ("'=' cannot be applied
     * to bigint, varchar(1)")
     */
    public ResolvedFunction resolveOperator(OperatorType operator, List<Type> argumentTypes, Optional<Location> location)
    {
        Optional<ResolvedFunction> resolved = operator.isComparison() ? bindComparison(operator, argumentTypes) : bestMatch(operators.get(operator), argumentTypes);
        return resolved.orElseThrow(() -> new StrataException(ErrorCode.TYPE_MISMATCH, location,
                "'" + operator.symbol() + "' cannot be applied to " + typeList(argumentTypes), null));
    }

    private static Optional<ResolvedFunction> bindComparison(OperatorType operator, List<Type> argumentTypes)
    {
        if (argumentTypes.size() != 2) {
            return Optional.empty();
        }
        Optional<Type> common = TypeCoercion.commonSuperType(argumentTypes.get(0), argumentTypes.get(1));
        if (common.isEmpty()) {
            return Optional.empty();
        }
        // varchars of different lengths compare as they are: the values have the same representation
        List<Type> bound = argumentTypes.stream()
                .map(type -> type instanceof VarcharType && common.get() instanceof VarcharType ? type : common.get())
                .toList();
        return Optional.of(new ResolvedFunction(operator.functionName(), FunctionKind.SCALAR, bound, BOOLEAN));
    }

    private static Optional<ResolvedFunction> bestMatch(List<FunctionSignature> signatures, List<Type> argumentTypes)
    {
        List<ResolvedFunction> candidates = new ArrayList<>();
        for (FunctionSignature signature : signatures) {
            Optional<ResolvedFunction> bound;
            try {
                bound = signature.bind(argumentTypes);
            }
            catch (IllegalArgumentException e) {
                // the result type does not exist (a decimal wider than 38 digits): this overload does not apply
                continue;
            }
            if (bound.isPresent()) {
                if (bound.get().argumentTypes().equals(argumentTypes)) {
                    return bound;
                }
                candidates.add(bound.get());
            }
        }
        for (ResolvedFunction candidate : candidates) {
            if (candidates.stream().allMatch(other -> isAsSpecific(candidate, other))) {
                return Optional.of(candidate);
            }
        }
        // no single most specific overload: take the first that no other is more specific than
        for (int i = 0; i < candidates.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < candidates.size(); j++) {
                if (i != j && isAsSpecific(candidates.get(j), candidates.get(i)) && !isAsSpecific(candidates.get(i), candidates.get(j))) {
                    dominated = true;
                }
            }
            if (!dominated) {
                return Optional.of(candidates.get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean isAsSpecific(ResolvedFunction first, ResolvedFunction second)
    {
        for (int i = 0; i < first.argumentTypes().size(); i++) {
            if (!TypeCoercion.canCoerce(first.argumentTypes().get(i), second.argumentTypes().get(i))) {
                return false;
            }
        }
        return true;
    }

    private String canonicalName(String name)
    {
        return aliases.getOrDefault(name, name);
    }

    private static String typeList(List<Type> types)
    {
        return types.stream().map(Type::displayName).collect(Collectors.joining(", "));
    }

    private static void addArithmetic(Builder builder)
    {
        for (OperatorType operator : List.of(OperatorType.ADD, OperatorType.SUBTRACT, OperatorType.MULTIPLY, OperatorType.DIVIDE, OperatorType.MODULUS)) {
            builder.operator(operator, List.of(exact(INTEGER), exact(INTEGER)), INTEGER);
            builder.operator(operator, List.of(exact(BIGINT), exact(BIGINT)), BIGINT);
            builder.operator(operator, List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE);
            builder.operator(operator, List.of(anyDecimal(), anyDecimal()), types -> decimalArithmetic(operator, (DecimalType) types.get(0), (DecimalType) types.get(1)), "decimal");
        }
        for (Type interval : List.of(INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH)) {
            builder.operator(OperatorType.ADD, List.of(exact(DATE), exact(interval)), DATE);
            builder.operator(OperatorType.ADD, List.of(exact(interval), exact(DATE)), DATE);
            builder.operator(OperatorType.SUBTRACT, List.of(exact(DATE), exact(interval)), DATE);
            builder.operator(OperatorType.ADD, List.of(exact(interval), exact(interval)), interval);
            builder.operator(OperatorType.SUBTRACT, List.of(exact(interval), exact(interval)), interval);
            builder.operator(OperatorType.MULTIPLY, List.of(exact(interval), exact(BIGINT)), interval);
            builder.operator(OperatorType.MULTIPLY, List.of(exact(BIGINT), exact(interval)), interval);
        }
        builder.operator(OperatorType.NEGATE, List.of(exact(INTEGER)), INTEGER);
        builder.operator(OperatorType.NEGATE, List.of(exact(BIGINT)), BIGINT);
        builder.operator(OperatorType.NEGATE, List.of(exact(DOUBLE)), DOUBLE);
        builder.operator(OperatorType.NEGATE, List.of(anyDecimal()), types -> types.get(0), "decimal(p,s)");
        builder.operator(OperatorType.NEGATE, List.of(exact(INTERVAL_DAY_TIME)), INTERVAL_DAY_TIME);
        builder.operator(OperatorType.NEGATE, List.of(exact(INTERVAL_YEAR_MONTH)), INTERVAL_YEAR_MONTH);
    }

    /** Presto's result types of decimal arithmetic (see {@link io.strata.core.expression.FunctionNames}). */
    static DecimalType decimalArithmetic(OperatorType operator, DecimalType left, DecimalType right)
    {
        int p1 = left.precision();
        int s1 = left.scale();
        int p2 = right.precision();
        int s2 = right.scale();
        switch (operator) {
            case ADD:
            case SUBTRACT:
                return new DecimalType(Math.min(MAX_PRECISION, 1 + Math.max(p1 - s1, p2 - s2) + Math.max(s1, s2)), Math.max(s1, s2));
            case MULTIPLY:
                return new DecimalType(Math.min(MAX_PRECISION, p1 + p2), s1 + s2);
            case DIVIDE:
                return new DecimalType(Math.min(MAX_PRECISION, p1 + s2 + Math.max(0, s2 - s1)), Math.max(s1, s2));
            case MODULUS:
                return new DecimalType(Math.min(p2 - s2, p1 - s1) + Math.max(s1, s2), Math.max(s1, s2));
            case NEGATE:
            case EQUAL:
            case NOT_EQUAL:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
            case IS_DISTINCT_FROM:
                break;
        }
        throw new IllegalArgumentException("not a binary arithmetic operator: " + operator);
    }

    private static void addScalars(Builder builder)
    {
        String abs = "Absolute value";
        builder.scalar("abs", List.of(exact(INTEGER)), INTEGER, abs);
        builder.scalar("abs", List.of(exact(BIGINT)), BIGINT, abs);
        builder.scalar("abs", List.of(exact(DOUBLE)), DOUBLE, abs);
        builder.scalar("abs", List.of(anyDecimal()), types -> types.get(0), "decimal(p,s)", abs);

        String round = "Round to nearest integer, or to the given number of decimal places (half away from zero)";
        builder.scalar("round", List.of(exact(INTEGER)), INTEGER, round);
        builder.scalar("round", List.of(exact(BIGINT)), BIGINT, round);
        builder.scalar("round", List.of(exact(DOUBLE)), DOUBLE, round);
        builder.scalar("round", List.of(anyDecimal()), types -> {
            DecimalType decimal = (DecimalType) types.get(0);
            return new DecimalType(Math.min(MAX_PRECISION, decimal.precision() - decimal.scale() + Math.min(decimal.scale(), 1)), 0);
        }, "decimal(rp,0)", round);
        builder.scalar("round", List.of(exact(INTEGER), exact(INTEGER)), INTEGER, round);
        builder.scalar("round", List.of(exact(BIGINT), exact(INTEGER)), BIGINT, round);
        builder.scalar("round", List.of(exact(DOUBLE), exact(INTEGER)), DOUBLE, round);
        builder.scalar("round", List.of(anyDecimal(), exact(INTEGER)), types -> {
            DecimalType decimal = (DecimalType) types.get(0);
            return new DecimalType(Math.min(MAX_PRECISION, decimal.precision() + 1), decimal.scale());
        }, "decimal(rp,s)", round);

        builder.scalar("concat", List.of(anyVarchar(), anyVarchar()), true, types -> VarcharType.VARCHAR, "varchar", "Concatenates the given strings");
        builder.scalar("substr", List.of(anyVarchar(), exact(BIGINT)), types -> types.get(0), "varchar(x)", "Suffix starting at the given 1-based position");
        builder.scalar("substr", List.of(anyVarchar(), exact(BIGINT), exact(BIGINT)), types -> types.get(0), "varchar(x)", "Substring of the given length starting at the given 1-based position");
        builder.scalar("lower", List.of(anyVarchar()), types -> types.get(0), "varchar(x)", "Converts the string to lower case");
        builder.scalar("upper", List.of(anyVarchar()), types -> types.get(0), "varchar(x)", "Converts the string to upper case");
        builder.scalar("length", List.of(anyVarchar()), types -> BIGINT, "bigint", "Count of code points of the given string");

        builder.scalar("year", List.of(exact(DATE)), BIGINT, "Year of the given date");
        builder.scalar("month", List.of(exact(DATE)), BIGINT, "Month of the year of the given date");
        builder.scalar("day", List.of(exact(DATE)), BIGINT, "Day of the month of the given date");
    }

    /** Arithmetic of tinyint, smallint and real, each in its own type as in Presto. */
    private static void addNarrowNumberOperators(Builder builder)
    {
        for (Type type : List.of(TINYINT, SMALLINT, REAL)) {
            for (OperatorType operator : List.of(OperatorType.ADD, OperatorType.SUBTRACT, OperatorType.MULTIPLY, OperatorType.DIVIDE, OperatorType.MODULUS)) {
                builder.operator(operator, List.of(exact(type), exact(type)), type);
            }
            builder.operator(OperatorType.NEGATE, List.of(exact(type)), type);
        }
    }

    /** abs of the narrow numbers, and timestamp plus or minus an interval. */
    private static void addScalarTypeFunctions(Builder builder)
    {
        for (Type type : List.of(TINYINT, SMALLINT, REAL)) {
            builder.scalar("abs", List.of(exact(type)), type, "Absolute value");
        }
        builder.scalar("length", List.of(ArgumentPattern.anyChar()), types -> BIGINT, "bigint", "The length n of a char(n) value (Presto: padding counts)");
        builder.scalar("length", List.of(exact(VarbinaryType.VARBINARY)), BIGINT, "Count of bytes of the given varbinary");
        builder.aggregate("sum", List.of(exact(REAL)), REAL, "Sum of the non-null values");
        builder.aggregate("avg", List.of(exact(REAL)), REAL, "Average of the non-null values");
        Type zoned = TimestampWithTimeZoneType.TIMESTAMP_WITH_TIME_ZONE;
        builder.scalar("from_unixtime", List.of(exact(DOUBLE)), zoned, "The instant of the given seconds since 1970-01-01 00:00:00 UTC, in UTC");
        builder.scalar("to_unixtime", List.of(exact(zoned)), DOUBLE, "Seconds since 1970-01-01 00:00:00 UTC of the given instant");
        for (int precision = 0; precision <= TimestampWithTimeZoneType.MAX_PRECISION; precision++) {
            builder.scalar("at_timezone", List.of(exact(TimestampWithTimeZoneType.createTimestampWithTimeZoneType(precision)), anyVarchar()), types -> types.get(0),
                    "timestamp(p) with time zone", "The same instant shown in the given time zone (x AT TIME ZONE zone)");
        }
        for (int precision = 0; precision <= TimestampWithTimeZoneType.MAX_PRECISION; precision++) {
            Type timestamp = TimestampWithTimeZoneType.createTimestampWithTimeZoneType(precision);
            for (Type interval : List.of(INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH)) {
                builder.operator(OperatorType.ADD, List.of(exact(timestamp), exact(interval)), timestamp);
                builder.operator(OperatorType.ADD, List.of(exact(interval), exact(timestamp)), timestamp);
                builder.operator(OperatorType.SUBTRACT, List.of(exact(timestamp), exact(interval)), timestamp);
            }
        }
        // timestamps of any precision widen to timestamp(6) without changing their values
        Type anyTimestamp = TimestampType.createTimestampType(TimestampType.MAX_PRECISION);
        builder.scalar("year", List.of(exact(anyTimestamp)), BIGINT, "Year of the given timestamp");
        builder.scalar("month", List.of(exact(anyTimestamp)), BIGINT, "Month of the year of the given timestamp");
        builder.scalar("day", List.of(exact(anyTimestamp)), BIGINT, "Day of the month of the given timestamp");
        Type anyTime = TimeType.createTimeType(TimeType.MAX_PRECISION);
        for (Type type : List.of(anyTimestamp, anyTime)) {
            builder.scalar("hour", List.of(exact(type)), BIGINT, "Hour of the day of the given timestamp or time");
            builder.scalar("minute", List.of(exact(type)), BIGINT, "Minute of the hour of the given timestamp or time");
            builder.scalar("second", List.of(exact(type)), BIGINT, "Second of the minute of the given timestamp or time");
        }
        for (int precision = 0; precision <= TimestampType.MAX_PRECISION; precision++) {
            Type timestamp = TimestampType.createTimestampType(precision);
            builder.operator(OperatorType.SUBTRACT, List.of(exact(timestamp), exact(timestamp)), INTERVAL_DAY_TIME);
            builder.scalar("date_trunc", List.of(anyVarchar(), exact(timestamp)), timestamp,
                    "The timestamp truncated to the unit (second, minute, hour, day, week, month, quarter, year)");
            for (Type interval : List.of(INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH)) {
                builder.operator(OperatorType.ADD, List.of(exact(timestamp), exact(interval)), timestamp);
                builder.operator(OperatorType.ADD, List.of(exact(interval), exact(timestamp)), timestamp);
                builder.operator(OperatorType.SUBTRACT, List.of(exact(timestamp), exact(interval)), timestamp);
            }
        }
    }

    private static void addAggregates(Builder builder)
    {
        builder.aggregate("count", List.of(), BIGINT, "Counts the rows");
        builder.aggregate("count", List.of(anyType()), types -> BIGINT, "bigint", "Counts the non-null values");

        String sum = "Sum of the non-null values";
        builder.aggregate("sum", List.of(exact(INTEGER)), BIGINT, sum);
        builder.aggregate("sum", List.of(exact(BIGINT)), BIGINT, sum);
        builder.aggregate("sum", List.of(exact(DOUBLE)), DOUBLE, sum);
        builder.aggregate("sum", List.of(anyDecimal()), types -> new DecimalType(MAX_PRECISION, ((DecimalType) types.get(0)).scale()), "decimal(38,s)", sum);
        builder.aggregate("sum", List.of(exact(INTERVAL_DAY_TIME)), INTERVAL_DAY_TIME, sum);
        builder.aggregate("sum", List.of(exact(INTERVAL_YEAR_MONTH)), INTERVAL_YEAR_MONTH, sum);

        String avg = "Average of the non-null values";
        builder.aggregate("avg", List.of(exact(INTEGER)), DOUBLE, avg);
        builder.aggregate("avg", List.of(exact(BIGINT)), DOUBLE, avg);
        builder.aggregate("avg", List.of(exact(DOUBLE)), DOUBLE, avg);
        builder.aggregate("avg", List.of(anyDecimal()), types -> types.get(0), "decimal(p,s)", avg);
        builder.aggregate("avg", List.of(exact(INTERVAL_DAY_TIME)), INTERVAL_DAY_TIME, avg);
        builder.aggregate("avg", List.of(exact(INTERVAL_YEAR_MONTH)), INTERVAL_YEAR_MONTH, avg);

        builder.aggregate("min", List.of(anyType()), types -> types.get(0), "T", "Minimum of the non-null values");
        builder.aggregate("max", List.of(anyType()), types -> types.get(0), "T", "Maximum of the non-null values");
    }

    /** Presto's general and statistical aggregates beyond the basic five (see ExtendedAggregationFunctions). */
    private static void addExtendedAggregates(Builder builder)
    {
        builder.aggregate("count_if", List.of(exact(BOOLEAN)), BIGINT, "Counts the rows where the condition is true");
        for (String name : List.of("arbitrary", "any_value")) {
            builder.aggregate(name, List.of(anyType()), types -> types.get(0), "T", "An arbitrary non-null value");
        }
        for (String name : List.of("bool_and", "every")) {
            builder.aggregate(name, List.of(exact(BOOLEAN)), BOOLEAN, "True if every non-null value is true");
        }
        builder.aggregate("bool_or", List.of(exact(BOOLEAN)), BOOLEAN, "True if any non-null value is true");
        builder.aggregate("max_by", List.of(anyType(), anyType()), types -> types.get(0), "T", "The value of x on a row with the greatest y");
        builder.aggregate("min_by", List.of(anyType(), anyType()), types -> types.get(0), "T", "The value of x on a row with the least y");
        Map<String, String> numericToDouble = new LinkedHashMap<>();
        numericToDouble.put("stddev", "Sample standard deviation");
        numericToDouble.put("stddev_samp", "Sample standard deviation");
        numericToDouble.put("stddev_pop", "Population standard deviation");
        numericToDouble.put("variance", "Sample variance");
        numericToDouble.put("var_samp", "Sample variance");
        numericToDouble.put("var_pop", "Population variance");
        numericToDouble.put("geometric_mean", "Geometric mean of the non-null values");
        numericToDouble.put("skewness", "Skewness of the non-null values");
        numericToDouble.put("kurtosis", "Excess kurtosis of the non-null values (bias-corrected)");
        numericToDouble.forEach((name, description) -> {
            builder.aggregate(name, List.of(exact(BIGINT)), DOUBLE, description);
            builder.aggregate(name, List.of(exact(DOUBLE)), DOUBLE, description);
        });
        builder.aggregate("corr", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Correlation coefficient of y and x");
        builder.aggregate("covar_samp", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Sample covariance of y and x");
        builder.aggregate("covar_pop", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Population covariance of y and x");
        builder.aggregate("regr_slope", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Slope of the least-squares line of y on x");
        builder.aggregate("regr_intercept", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Intercept of the least-squares line of y on x");
        builder.aggregate("approx_distinct", List.of(anyType()), types -> BIGINT, "bigint", "Approximate number of distinct values (standard error 2.3%)");
        builder.aggregate("approx_distinct", List.of(anyType(), exact(DOUBLE)), types -> BIGINT, "bigint",
                "Approximate number of distinct values, with at most the given standard error");
        String percentile = "The value at the given percentile of the values (exact: the discrete percentile)";
        builder.aggregate("approx_percentile", List.of(exact(BIGINT), exact(DOUBLE)), BIGINT, percentile);
        builder.aggregate("approx_percentile", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, percentile);
    }

    /** Presto's string functions (see {@code docs/functions.md}); {@code concat}, {@code substr}, ... are in {@link #addScalars}. */
    private static void addStringFunctions(Builder builder)
    {
        Function<List<Type>, Type> sameAsFirst = types -> types.get(0);
        Function<List<Type>, Type> varchar = types -> VarcharType.VARCHAR;
        builder.scalar("trim", List.of(anyVarchar()), sameAsFirst, "varchar(x)", "Removes leading and trailing whitespace");
        builder.scalar("trim", List.of(anyVarchar(), anyVarchar()), sameAsFirst, "varchar(x)", "Removes leading and trailing characters of the given set");
        builder.scalar("ltrim", List.of(anyVarchar()), sameAsFirst, "varchar(x)", "Removes leading whitespace");
        builder.scalar("ltrim", List.of(anyVarchar(), anyVarchar()), sameAsFirst, "varchar(x)", "Removes leading characters of the given set");
        builder.scalar("rtrim", List.of(anyVarchar()), sameAsFirst, "varchar(x)", "Removes trailing whitespace");
        builder.scalar("rtrim", List.of(anyVarchar(), anyVarchar()), sameAsFirst, "varchar(x)", "Removes trailing characters of the given set");
        builder.scalar("replace", List.of(anyVarchar(), anyVarchar()), varchar, "varchar", "Removes every occurrence of the search string");
        builder.scalar("replace", List.of(anyVarchar(), anyVarchar(), anyVarchar()), varchar, "varchar", "Replaces every occurrence of the search string");
        builder.scalar("strpos", List.of(anyVarchar(), anyVarchar()), types -> BIGINT, "bigint", "1-based code point position of the first occurrence of the substring, 0 if absent");
        builder.scalar("strpos", List.of(anyVarchar(), anyVarchar(), exact(BIGINT)), types -> BIGINT, "bigint", "Position of the n-th occurrence of the substring, 0 if absent");
        builder.scalar("reverse", List.of(anyVarchar()), sameAsFirst, "varchar(x)", "The string with its code points in reverse order");
        builder.scalar("lpad", List.of(anyVarchar(), exact(BIGINT), anyVarchar()), varchar, "varchar", "Left-pads (or truncates) the string to the given number of code points");
        builder.scalar("rpad", List.of(anyVarchar(), exact(BIGINT), anyVarchar()), varchar, "varchar", "Right-pads (or truncates) the string to the given number of code points");
        builder.scalar("starts_with", List.of(anyVarchar(), anyVarchar()), types -> BOOLEAN, "boolean", "Whether the string starts with the prefix");
        builder.scalar("ends_with", List.of(anyVarchar(), anyVarchar()), types -> BOOLEAN, "boolean", "Whether the string ends with the suffix");
        builder.scalar("split_part", List.of(anyVarchar(), anyVarchar(), exact(BIGINT)), sameAsFirst, "varchar(x)", "Field of the given 1-based index after splitting on the delimiter, NULL past the last");
        builder.scalar("chr", List.of(exact(BIGINT)), types -> VarcharType.createVarcharType(1), "varchar(1)", "The character of the given Unicode code point");
        builder.scalar("codepoint", List.of(anyVarchar()), types -> INTEGER, "integer", "Unicode code point of the only character of the string");
        builder.scalar("levenshtein_distance", List.of(anyVarchar(), anyVarchar()), types -> BIGINT, "bigint", "Least number of single-character edits that turn one string into the other");
        builder.scalar("hamming_distance", List.of(anyVarchar(), anyVarchar()), types -> BIGINT, "bigint", "Number of positions at which two strings of equal length differ");
        builder.scalar("regexp_like", List.of(anyVarchar(), anyVarchar()), types -> BOOLEAN, "boolean", "Whether the pattern matches part of the string");
        builder.scalar("regexp_extract", List.of(anyVarchar(), anyVarchar()), sameAsFirst, "varchar(x)", "First match of the pattern, NULL if none");
        builder.scalar("regexp_extract", List.of(anyVarchar(), anyVarchar(), exact(BIGINT)), sameAsFirst, "varchar(x)", "The given capturing group of the first match, NULL if none");
        builder.scalar("regexp_replace", List.of(anyVarchar(), anyVarchar()), varchar, "varchar", "Removes every match of the pattern");
        builder.scalar("regexp_replace", List.of(anyVarchar(), anyVarchar(), anyVarchar()), varchar, "varchar", "Replaces every match of the pattern; $g in the replacement is a capturing group");
    }

    /** Presto's mathematical functions; {@code abs} and {@code round} are in {@link #addScalars}. */
    private static void addMathFunctions(Builder builder)
    {
        for (String name : List.of("ceil", "ceiling", "floor")) {
            String description = name.equals("floor") ? "Rounds down to the nearest integer" : "Rounds up to the nearest integer";
            builder.scalar(name, List.of(exact(INTEGER)), INTEGER, description);
            builder.scalar(name, List.of(exact(BIGINT)), BIGINT, description);
            builder.scalar(name, List.of(exact(DOUBLE)), DOUBLE, description);
            builder.scalar(name, List.of(anyDecimal()), types -> {
                DecimalType decimal = (DecimalType) types.get(0);
                return new DecimalType(Math.max(1, decimal.precision() - decimal.scale() + Math.min(decimal.scale(), 1)), 0);
            }, "decimal(rp,0)", description);
        }
        builder.scalar("truncate", List.of(exact(DOUBLE)), DOUBLE, "Drops the digits after the decimal point");
        builder.scalar("truncate", List.of(anyDecimal()), types -> {
            DecimalType decimal = (DecimalType) types.get(0);
            return new DecimalType(Math.max(1, decimal.precision() - decimal.scale()), 0);
        }, "decimal(rp,0)", "Drops the digits after the decimal point");
        builder.scalar("mod", List.of(exact(INTEGER), exact(INTEGER)), INTEGER, "Remainder of the division, with the sign of the dividend");
        builder.scalar("mod", List.of(exact(BIGINT), exact(BIGINT)), BIGINT, "Remainder of the division, with the sign of the dividend");
        builder.scalar("mod", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Remainder of the division, with the sign of the dividend");
        builder.scalar("mod", List.of(anyDecimal(), anyDecimal()), types -> decimalArithmetic(OperatorType.MODULUS, (DecimalType) types.get(0), (DecimalType) types.get(1)),
                "decimal", "Remainder of the division, with the sign of the dividend");
        builder.scalar("sign", List.of(exact(INTEGER)), INTEGER, "Signum: -1, 0 or 1");
        builder.scalar("sign", List.of(exact(BIGINT)), BIGINT, "Signum: -1, 0 or 1");
        builder.scalar("sign", List.of(exact(DOUBLE)), DOUBLE, "Signum: -1, 0 or 1 (NaN for NaN)");
        builder.scalar("sign", List.of(anyDecimal()), types -> new DecimalType(1, 0), "decimal(1,0)", "Signum: -1, 0 or 1");
        List<List<String>> doubleFunctions = List.of(
                List.of("sqrt", "Square root"),
                List.of("cbrt", "Cube root"),
                List.of("exp", "Euler's number raised to the power"),
                List.of("ln", "Natural logarithm"),
                List.of("log2", "Base 2 logarithm"),
                List.of("log10", "Base 10 logarithm"),
                List.of("degrees", "Converts radians to degrees"),
                List.of("radians", "Converts degrees to radians"),
                List.of("sin", "Sine"),
                List.of("cos", "Cosine"),
                List.of("tan", "Tangent"),
                List.of("asin", "Arc sine"),
                List.of("acos", "Arc cosine"),
                List.of("atan", "Arc tangent"),
                List.of("sinh", "Hyperbolic sine"),
                List.of("cosh", "Hyperbolic cosine"),
                List.of("tanh", "Hyperbolic tangent"));
        for (List<String> function : doubleFunctions) {
            builder.scalar(function.get(0), List.of(exact(DOUBLE)), DOUBLE, function.get(1));
        }
        builder.scalar("power", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "The first argument raised to the power of the second");
        builder.scalar("pow", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "The first argument raised to the power of the second");
        builder.scalar("atan2", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Arc tangent of y / x");
        builder.scalar("log", List.of(exact(DOUBLE), exact(DOUBLE)), DOUBLE, "Logarithm of the second argument in the base of the first");
        builder.scalar("pi", List.of(), DOUBLE, "The constant pi");
        builder.scalar("e", List.of(), DOUBLE, "Euler's number");
        builder.scalar("infinity", List.of(), DOUBLE, "Positive infinity");
        builder.scalar("nan", List.of(), DOUBLE, "Not a number");
        builder.scalar("is_nan", List.of(exact(DOUBLE)), BOOLEAN, "Whether the value is not a number");
        builder.scalar("is_finite", List.of(exact(DOUBLE)), BOOLEAN, "Whether the value is finite");
        builder.scalar("is_infinite", List.of(exact(DOUBLE)), BOOLEAN, "Whether the value is infinite");
        for (String name : List.of("random", "rand")) {
            builder.scalar(name, List.of(), DOUBLE, "Pseudo-random value in [0, 1) (non-deterministic)");
            builder.scalar(name, List.of(exact(BIGINT)), BIGINT, "Pseudo-random value in [0, n) (non-deterministic)");
        }
        builder.scalar("width_bucket", List.of(exact(DOUBLE), exact(DOUBLE), exact(DOUBLE), exact(BIGINT)), BIGINT,
                "Bucket of the value in an equi-width histogram of the given bounds and bucket count");
        Function<List<Type>, Type> commonType = types -> TypeCoercion.commonSuperType(types)
                .filter(Type::isOrderable)
                .orElseThrow(() -> new IllegalArgumentException("no orderable common super type of " + types));
        builder.scalar("greatest", List.of(anyType()), true, commonType, "T", "Largest of the values, NULL if any is NULL");
        builder.scalar("typeof", List.of(anyType()), types -> VarcharType.VARCHAR, "varchar", "Name of the type of the argument");
        builder.scalar("least", List.of(anyType()), true, commonType, "T", "Smallest of the values, NULL if any is NULL");
    }

    /** Presto's date functions over {@code date}; {@code year}, {@code month}, {@code day} are in {@link #addScalars}. */
    private static void addDateTimeFunctions(Builder builder)
    {
        builder.scalar("day_of_month", List.of(exact(DATE)), BIGINT, "Day of the month of the given date");
        builder.scalar("day_of_week", List.of(exact(DATE)), BIGINT, "ISO day of the week: Monday 1 to Sunday 7");
        builder.scalar("dow", List.of(exact(DATE)), BIGINT, "ISO day of the week: Monday 1 to Sunday 7");
        builder.scalar("day_of_year", List.of(exact(DATE)), BIGINT, "Day of the year, from 1");
        builder.scalar("doy", List.of(exact(DATE)), BIGINT, "Day of the year, from 1");
        builder.scalar("week", List.of(exact(DATE)), BIGINT, "ISO week of the year, 1 to 53");
        builder.scalar("week_of_year", List.of(exact(DATE)), BIGINT, "ISO week of the year, 1 to 53");
        builder.scalar("year_of_week", List.of(exact(DATE)), BIGINT, "Year of the ISO week");
        builder.scalar("yow", List.of(exact(DATE)), BIGINT, "Year of the ISO week");
        builder.scalar("quarter", List.of(exact(DATE)), BIGINT, "Quarter of the year, 1 to 4");
        builder.scalar("last_day_of_month", List.of(exact(DATE)), DATE, "Last day of the date's month");
        builder.scalar("date_trunc", List.of(anyVarchar(), exact(DATE)), types -> DATE, "date", "Truncates to the unit: day, week (to Monday), month, quarter or year");
        builder.scalar("date_add", List.of(anyVarchar(), exact(BIGINT), exact(DATE)), types -> DATE, "date", "Adds a number of units: day, week, month, quarter or year");
        builder.scalar("date_diff", List.of(anyVarchar(), exact(DATE), exact(DATE)), types -> BIGINT, "bigint", "Complete units from the first date to the second");
        builder.scalar("to_iso8601", List.of(exact(DATE)), types -> VarcharType.VARCHAR, "varchar", "The date as ISO 8601 text (YYYY-MM-DD)");
        builder.scalar("from_iso8601_date", List.of(anyVarchar()), types -> DATE, "date", "Parses an ISO 8601 date (YYYY-MM-DD)");
        builder.scalar("date_format", List.of(exact(DATE), anyVarchar()), types -> VarcharType.VARCHAR, "varchar", "Formats the date with MySQL format specifiers");
        builder.scalar("date", List.of(anyVarchar()), types -> DATE, "date", "The text as a date, like CAST(x AS date)");
        builder.scalar("date", List.of(exact(DATE)), DATE, "The date itself");
    }

    private static final class Builder
    {
        private final Map<String, List<FunctionSignature>> functions = new LinkedHashMap<>();
        private final Map<OperatorType, List<FunctionSignature>> operators = new LinkedHashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();

        void operator(OperatorType operator, List<ArgumentPattern> arguments, Type returnType)
        {
            operator(operator, arguments, types -> returnType, returnType.displayName());
        }

        void operator(OperatorType operator, List<ArgumentPattern> arguments, Function<List<Type>, Type> returnType, String returnTypeDisplay)
        {
            operators.computeIfAbsent(operator, key -> new ArrayList<>())
                    .add(new FunctionSignature(operator.functionName(), operator.symbol(), FunctionKind.SCALAR, arguments, false, returnType, returnTypeDisplay, ""));
        }

        void scalar(String name, List<ArgumentPattern> arguments, Type returnType, String description)
        {
            scalar(name, arguments, types -> returnType, returnType.displayName(), description);
        }

        void scalar(String name, List<ArgumentPattern> arguments, Function<List<Type>, Type> returnType, String returnTypeDisplay, String description)
        {
            scalar(name, arguments, false, returnType, returnTypeDisplay, description);
        }

        void scalar(String name, List<ArgumentPattern> arguments, boolean variadic, Function<List<Type>, Type> returnType, String returnTypeDisplay, String description)
        {
            add(new FunctionSignature(name, name, FunctionKind.SCALAR, arguments, variadic, returnType, returnTypeDisplay, description));
        }

        void aggregate(String name, List<ArgumentPattern> arguments, Type returnType, String description)
        {
            aggregate(name, arguments, types -> returnType, returnType.displayName(), description);
        }

        void aggregate(String name, List<ArgumentPattern> arguments, Function<List<Type>, Type> returnType, String returnTypeDisplay, String description)
        {
            add(new FunctionSignature(name, name, FunctionKind.AGGREGATE, arguments, false, returnType, returnTypeDisplay, description));
        }

        void alias(String alias, String name)
        {
            requireNonNull(functions.get(name), "no function " + name);
            aliases.put(alias, name);
        }

        private void add(FunctionSignature signature)
        {
            List<FunctionSignature> signatures = functions.computeIfAbsent(signature.name(), key -> new ArrayList<>());
            if (!signatures.isEmpty() && signatures.get(0).kind() != signature.kind()) {
                throw new IllegalArgumentException(signature.name() + " is both a scalar and an aggregate function");
            }
            signatures.add(signature);
        }
    }
}
