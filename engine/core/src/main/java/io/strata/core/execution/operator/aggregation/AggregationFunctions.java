package io.strata.core.execution.operator.aggregation;

import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.Type;

import java.util.List;
import java.util.Optional;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.DoubleType.DOUBLE;

/**
 * Resolves {@code count}, {@code count(*)}, {@code sum}, {@code avg}, {@code min} and {@code max} by argument
 * type, with Presto's result types: {@code sum(integer|bigint)} is bigint, {@code sum(decimal(p, s))} is
 * {@code decimal(38, s)}, {@code avg} of integers and doubles is double, {@code avg(decimal(p, s))} is
 * {@code decimal(p, s)}, {@code sum} and {@code avg} of an interval are that interval.
 */
public final class AggregationFunctions
{
    private AggregationFunctions() {}

    /**
     * The aggregate of this name over these argument types.
     *
     * @param outputType the type the plan expects; checked against the function's
     * @throws StrataException {@code FUNCTION_IMPLEMENTATION_MISSING} when there is no such aggregate
     */
    public static AggregationFunction resolve(String name, List<Type> argumentTypes, Type outputType)
    {
        AggregationFunction function = resolve(name, argumentTypes);
        if (!function.finalType().equals(outputType)) {
            throw new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING,
                    "Aggregate " + name + argumentTypes + " returns " + function.finalType() + ", the plan expects " + outputType);
        }
        return function;
    }

    private static AggregationFunction resolve(String name, List<Type> argumentTypes)
    {
        Optional<AggregationFunction> extended = ExtendedAggregationFunctions.resolve(name, argumentTypes);
        if (extended.isPresent()) {
            return extended.get();
        }
        if (name.equals("count")) {
            if (argumentTypes.size() > 1) {
                throw missing(name, argumentTypes);
            }
            boolean countAll = argumentTypes.isEmpty();
            return new AggregationFunction(name, argumentTypes, List.of(BIGINT), BIGINT, () -> new CountAccumulator(countAll));
        }
        if (argumentTypes.size() != 1) {
            throw missing(name, argumentTypes);
        }
        Type type = argumentTypes.get(0);
        switch (name) {
            case "sum":
                if (type instanceof RealType) {
                    return new AggregationFunction(name, argumentTypes, List.of(DOUBLE), type, () -> new RealResultAccumulator(new DoubleSumAccumulator(false)));
                }
                if (type instanceof BigintType || type instanceof IntegerType) {
                    return new AggregationFunction(name, argumentTypes, List.of(BIGINT), BIGINT, LongSumAccumulator::new);
                }
                if (type instanceof DoubleType) {
                    return new AggregationFunction(name, argumentTypes, List.of(DOUBLE), DOUBLE, () -> new DoubleSumAccumulator(false));
                }
                if (type instanceof DecimalType) {
                    DecimalType sumType = new DecimalType(DecimalType.MAX_PRECISION, ((DecimalType) type).scale());
                    return new AggregationFunction(name, argumentTypes, List.of(sumType), sumType, () -> DecimalSumAccumulator.sum(sumType));
                }
                if (type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType) {
                    boolean months = type instanceof IntervalYearMonthType;
                    return new AggregationFunction(name, argumentTypes, List.of(BIGINT), type, () -> new IntervalAccumulator(false, months));
                }
                break;
            case "avg":
                if (type instanceof RealType) {
                    return new AggregationFunction(name, argumentTypes, List.of(DOUBLE, BIGINT), type, () -> new RealResultAccumulator(new DoubleSumAccumulator(true)));
                }
                if (type instanceof BigintType || type instanceof IntegerType || type instanceof DoubleType) {
                    return new AggregationFunction(name, argumentTypes, List.of(DOUBLE, BIGINT), DOUBLE, () -> new DoubleSumAccumulator(true));
                }
                if (type instanceof DecimalType) {
                    DecimalType decimal = (DecimalType) type;
                    DecimalType sumType = new DecimalType(DecimalType.MAX_PRECISION, decimal.scale());
                    return new AggregationFunction(name, argumentTypes, List.of(sumType, BIGINT), decimal, () -> DecimalSumAccumulator.average(sumType, decimal));
                }
                if (type instanceof IntervalDayTimeType || type instanceof IntervalYearMonthType) {
                    boolean months = type instanceof IntervalYearMonthType;
                    return new AggregationFunction(name, argumentTypes, List.of(BIGINT, BIGINT), type, () -> new IntervalAccumulator(true, months));
                }
                break;
            case "min":
            case "max":
                if (type.isOrderable()) {
                    boolean max = name.equals("max");
                    return new AggregationFunction(name, argumentTypes, List.of(type), type, () -> MinMaxAccumulator.create(type, max));
                }
                break;
            default:
                break;
        }
        throw missing(name, argumentTypes);
    }

    private static StrataException missing(String name, List<Type> argumentTypes)
    {
        return new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "No aggregate " + name + argumentTypes);
    }
}
