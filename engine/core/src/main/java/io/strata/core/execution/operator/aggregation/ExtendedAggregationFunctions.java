package io.strata.core.execution.operator.aggregation;

import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * The aggregates beyond {@code count}, {@code sum}, {@code avg}, {@code min} and {@code max}, with Presto's
 * names and result types: {@code count_if}, {@code arbitrary} / {@code any_value}, {@code bool_and} /
 * {@code every}, {@code bool_or}, {@code max_by}, {@code min_by}, the variance family, {@code corr},
 * {@code covar_samp}, {@code covar_pop}, {@code regr_slope}, {@code regr_intercept}, {@code skewness}, {@code kurtosis},
 * {@code geometric_mean}, {@code approx_distinct} and {@code approx_percentile}. Numeric arguments
 * arrive as bigint or double (the analyzer coerces integers and decimals as Presto's signatures say).
 */
final class ExtendedAggregationFunctions
{
    private ExtendedAggregationFunctions() {}

    /** The aggregate of this name over these argument types, if it is one of these. */
    static Optional<AggregationFunction> resolve(String name, List<Type> argumentTypes)
    {
        int arity = argumentTypes.size();
        Type first = arity > 0 ? argumentTypes.get(0) : null;
        switch (name) {
            case "count_if":
                if (arity == 1 && first instanceof BooleanType) {
                    return function(name, argumentTypes, List.of(BIGINT), BIGINT, CountIfAccumulator::new);
                }
                break;
            case "arbitrary":
            case "any_value":
                if (arity == 1) {
                    return function(name, argumentTypes, List.of(first), first, () -> new ArbitraryAccumulator(first));
                }
                break;
            case "bool_and":
            case "every":
            case "bool_or":
                if (arity == 1 && first instanceof BooleanType) {
                    boolean and = !name.equals("bool_or");
                    return function(name, argumentTypes, List.of(BOOLEAN), BOOLEAN, () -> new BooleanAndOrAccumulator(and));
                }
                break;
            case "max_by":
            case "min_by":
                if (arity == 2 && argumentTypes.get(1).isOrderable()) {
                    Type key = argumentTypes.get(1);
                    boolean max = name.equals("max_by");
                    return function(name, argumentTypes, List.of(first, key), first, () -> new MinMaxByAccumulator(first, key, max));
                }
                break;
            case "stddev":
            case "stddev_samp":
            case "stddev_pop":
            case "variance":
            case "var_samp":
            case "var_pop":
                if (arity == 1 && isNumeric(first)) {
                    VarianceAccumulator.Kind kind = varianceKind(name);
                    return function(name, argumentTypes, List.of(BIGINT, DOUBLE, DOUBLE), DOUBLE, () -> new VarianceAccumulator(kind));
                }
                break;
            case "corr":
            case "regr_slope":
            case "regr_intercept":
            case "covar_samp":
            case "covar_pop":
                if (arity == 2 && isNumeric(first) && isNumeric(argumentTypes.get(1))) {
                    CovarianceAccumulator.Kind kind = CovarianceAccumulator.Kind.valueOf(name.toUpperCase(Locale.ENGLISH));
                    List<Type> intermediate = new ArrayList<>(List.of(BIGINT));
                    intermediate.addAll(Collections.nCopies(CovarianceAccumulator.intermediateColumns(kind) - 1, DOUBLE));
                    return function(name, argumentTypes, intermediate, DOUBLE, () -> new CovarianceAccumulator(kind));
                }
                break;
            case "skewness":
            case "kurtosis":
                if (arity == 1 && isNumeric(first)) {
                    boolean kurtosis = name.equals("kurtosis");
                    return function(name, argumentTypes, List.of(BIGINT, DOUBLE, DOUBLE, DOUBLE, DOUBLE), DOUBLE, () -> new CentralMomentsAccumulator(kurtosis));
                }
                break;
            case "geometric_mean":
                if (arity == 1 && isNumeric(first)) {
                    return function(name, argumentTypes, List.of(DOUBLE, BIGINT), DOUBLE, GeometricMeanAccumulator::new);
                }
                break;
            case "approx_distinct":
                if (arity == 1) {
                    return function(name, argumentTypes, List.of(VARCHAR), BIGINT, () -> new ApproxDistinctAccumulator(false));
                }
                if (arity == 2 && argumentTypes.get(1) instanceof DoubleType) {
                    return function(name, argumentTypes, List.of(VARCHAR), BIGINT, () -> new ApproxDistinctAccumulator(true));
                }
                break;
            case "approx_percentile":
                if (arity == 2 && isNumeric(first) && argumentTypes.get(1) instanceof DoubleType) {
                    boolean doubles = first instanceof DoubleType;
                    return function(name, argumentTypes, List.of(VARCHAR), doubles ? DOUBLE : BIGINT, () -> new ApproxPercentileAccumulator(doubles));
                }
                break;
            default:
                break;
        }
        return Optional.empty();
    }

    private static Optional<AggregationFunction> function(String name, List<Type> argumentTypes, List<Type> intermediateTypes, Type finalType,
            Supplier<GroupedAccumulator> accumulator)
    {
        return Optional.of(new AggregationFunction(name, argumentTypes, intermediateTypes, finalType, accumulator));
    }

    private static boolean isNumeric(Type type)
    {
        return type instanceof BigintType || type instanceof IntegerType || type instanceof DoubleType;
    }

    private static VarianceAccumulator.Kind varianceKind(String name)
    {
        switch (name) {
            case "stddev":
            case "stddev_samp":
                return VarianceAccumulator.Kind.STDDEV_SAMP;
            case "stddev_pop":
                return VarianceAccumulator.Kind.STDDEV_POP;
            case "var_pop":
                return VarianceAccumulator.Kind.VAR_POP;
            default:
                return VarianceAccumulator.Kind.VAR_SAMP;
        }
    }
}
