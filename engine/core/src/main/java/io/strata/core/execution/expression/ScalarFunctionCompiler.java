package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.airlift.slice.Slices;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Pattern;

import static io.strata.core.execution.expression.ExpressionCompiler.coerce;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * Chooses the kernels of the scalar functions registered by {@code FunctionResolver.addStringFunctions},
 * {@code addMathFunctions} and {@code addDateTimeFunctions}, from the function name and the bound argument
 * types; {@link ExpressionCompiler} asks here for every function it does not compile itself.
 */
final class ScalarFunctionCompiler
{
    private ScalarFunctionCompiler() {}

    /** The evaluator of a call of {@code name} returning {@code type}, or empty when the function is not one of these. */
    static Optional<BlockEvaluator> compile(String name, List<BlockEvaluator> arguments, Type type)
    {
        Optional<BlockEvaluator> compiled = compileString(name, arguments, type);
        if (compiled.isEmpty()) {
            compiled = compileMath(name, arguments, type);
        }
        if (compiled.isEmpty()) {
            compiled = compileDate(name, arguments, type);
        }
        return compiled;
    }

    private static Optional<BlockEvaluator> compileString(String name, List<BlockEvaluator> arguments, Type type)
    {
        switch (name) {
            case "trim":
                return Optional.of(strings(type, arguments, (blocks, positionCount) -> StringFunctionKernels.trim(blocks, positionCount, StringFunctionKernels.TrimSide.BOTH)));
            case "ltrim":
                return Optional.of(strings(type, arguments, (blocks, positionCount) -> StringFunctionKernels.trim(blocks, positionCount, StringFunctionKernels.TrimSide.LEFT)));
            case "rtrim":
                return Optional.of(strings(type, arguments, (blocks, positionCount) -> StringFunctionKernels.trim(blocks, positionCount, StringFunctionKernels.TrimSide.RIGHT)));
            case "replace":
                return Optional.of(strings(type, arguments, StringFunctionKernels::replace));
            case "strpos":
                return Optional.of(new FoldingEvaluator(BIGINT, stringsThenBigints(arguments, 2), StringFunctionKernels::strpos));
            case "reverse":
                return Optional.of(new UnaryEvaluator(type, coerce(arguments.get(0), VARCHAR), StringFunctionKernels::reverse));
            case "lpad":
                return Optional.of(new FoldingEvaluator(type, padOperands(arguments), (blocks, positionCount) -> StringFunctionKernels.pad(blocks, positionCount, true)));
            case "rpad":
                return Optional.of(new FoldingEvaluator(type, padOperands(arguments), (blocks, positionCount) -> StringFunctionKernels.pad(blocks, positionCount, false)));
            case "starts_with":
                return Optional.of(strings(BOOLEAN, arguments, StringFunctionKernels::startsWith));
            case "ends_with":
                return Optional.of(strings(BOOLEAN, arguments, StringFunctionKernels::endsWith));
            case "split_part":
                return Optional.of(new FoldingEvaluator(type, stringsThenBigints(arguments, 2), StringFunctionKernels::splitPart));
            case "chr":
                return Optional.of(new UnaryEvaluator(type, coerce(arguments.get(0), BIGINT), StringFunctionKernels::chr));
            case "codepoint":
                return Optional.of(new UnaryEvaluator(INTEGER, coerce(arguments.get(0), VARCHAR), StringFunctionKernels::codepoint));
            case "levenshtein_distance":
                return Optional.of(strings(BIGINT, arguments, StringFunctionKernels::levenshteinDistance));
            case "hamming_distance":
                return Optional.of(strings(BIGINT, arguments, StringFunctionKernels::hammingDistance));
            case "regexp_like":
                return Optional.of(regexp(BOOLEAN, stringsThenBigints(arguments, 2), RegexpKernels::like));
            case "regexp_extract":
                return Optional.of(regexp(type, stringsThenBigints(arguments, 2), RegexpKernels::extract));
            case "regexp_replace":
                return Optional.of(regexp(type, stringsThenBigints(arguments, 3), RegexpKernels::replace));
            default:
                return Optional.empty();
        }
    }

    private static BlockEvaluator strings(Type type, List<BlockEvaluator> arguments, FoldingEvaluator.Combiner combiner)
    {
        List<BlockEvaluator> operands = new ArrayList<>();
        for (BlockEvaluator argument : arguments) {
            operands.add(coerce(argument, VARCHAR));
        }
        return new FoldingEvaluator(type, operands, combiner);
    }

    /** The first {@code strings} operands as varchar, the rest as bigint. */
    private static List<BlockEvaluator> stringsThenBigints(List<BlockEvaluator> arguments, int strings)
    {
        List<BlockEvaluator> operands = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            operands.add(coerce(arguments.get(i), i < strings ? VARCHAR : BIGINT));
        }
        return operands;
    }

    private static List<BlockEvaluator> padOperands(List<BlockEvaluator> arguments)
    {
        return List.of(coerce(arguments.get(0), VARCHAR), coerce(arguments.get(1), BIGINT), coerce(arguments.get(2), VARCHAR));
    }

    private interface RegexpCombiner
    {
        FoldingEvaluator.Combiner create(Optional<Pattern> constantPattern);
    }

    private static BlockEvaluator regexp(Type type, List<BlockEvaluator> operands, RegexpCombiner combiner)
    {
        BlockEvaluator pattern = operands.get(1);
        if (pattern instanceof ConstantBlockEvaluator constant) {
            if (constant.value() == null) {
                return new ConstantBlockEvaluator(type, null);
            }
            Optional<Pattern> compiled;
            try {
                compiled = Optional.of(RegexpKernels.compile((Slice) constant.value()));
            }
            catch (StrataException e) {
                // left to fail on the first row that is not NULL, as a pattern that varies by row would
                compiled = Optional.empty();
            }
            return new FoldingEvaluator(type, operands, combiner.create(compiled));
        }
        return new FoldingEvaluator(type, operands, combiner.create(Optional.empty()));
    }

    private static Optional<BlockEvaluator> compileMath(String name, List<BlockEvaluator> arguments, Type type)
    {
        switch (name) {
            case "ceil":
            case "ceiling":
                return Optional.of(integral(arguments.get(0), type, Math::ceil, MathFunctionKernels.DecimalRounding.CEILING));
            case "floor":
                return Optional.of(integral(arguments.get(0), type, Math::floor, MathFunctionKernels.DecimalRounding.FLOOR));
            case "truncate":
                return Optional.of(integral(arguments.get(0), type, MathFunctionKernels::truncate, MathFunctionKernels.DecimalRounding.TRUNCATE));
            case "mod":
                return Optional.of(mod(arguments, type));
            case "sign":
                return Optional.of(sign(arguments.get(0), type));
            case "sqrt":
                return Optional.of(doubles(arguments, Math::sqrt));
            case "cbrt":
                return Optional.of(doubles(arguments, Math::cbrt));
            case "exp":
                return Optional.of(doubles(arguments, Math::exp));
            case "ln":
                return Optional.of(doubles(arguments, Math::log));
            case "log2":
                return Optional.of(doubles(arguments, MathFunctionKernels::log2));
            case "log10":
                return Optional.of(doubles(arguments, Math::log10));
            case "degrees":
                return Optional.of(doubles(arguments, Math::toDegrees));
            case "radians":
                return Optional.of(doubles(arguments, Math::toRadians));
            case "sin":
                return Optional.of(doubles(arguments, Math::sin));
            case "cos":
                return Optional.of(doubles(arguments, Math::cos));
            case "tan":
                return Optional.of(doubles(arguments, Math::tan));
            case "asin":
                return Optional.of(doubles(arguments, Math::asin));
            case "acos":
                return Optional.of(doubles(arguments, Math::acos));
            case "atan":
                return Optional.of(doubles(arguments, Math::atan));
            case "sinh":
                return Optional.of(doubles(arguments, Math::sinh));
            case "cosh":
                return Optional.of(doubles(arguments, Math::cosh));
            case "tanh":
                return Optional.of(doubles(arguments, Math::tanh));
            case "power":
            case "pow":
                return Optional.of(new BinaryEvaluator(DOUBLE, coerce(arguments.get(0), DOUBLE), coerce(arguments.get(1), DOUBLE),
                        (left, right, positionCount) -> MathFunctionKernels.mapDoubles(left, right, positionCount, Math::pow)));
            case "atan2":
                return Optional.of(new BinaryEvaluator(DOUBLE, coerce(arguments.get(0), DOUBLE), coerce(arguments.get(1), DOUBLE),
                        (left, right, positionCount) -> MathFunctionKernels.mapDoubles(left, right, positionCount, Math::atan2)));
            case "log":
                return Optional.of(new BinaryEvaluator(DOUBLE, coerce(arguments.get(0), DOUBLE), coerce(arguments.get(1), DOUBLE),
                        (left, right, positionCount) -> MathFunctionKernels.mapDoubles(left, right, positionCount, (base, value) -> Math.log(value) / Math.log(base))));
            case "pi":
                return Optional.of(new ConstantBlockEvaluator(DOUBLE, Math.PI));
            case "e":
                return Optional.of(new ConstantBlockEvaluator(DOUBLE, Math.E));
            case "infinity":
                return Optional.of(new ConstantBlockEvaluator(DOUBLE, Double.POSITIVE_INFINITY));
            case "nan":
                return Optional.of(new ConstantBlockEvaluator(DOUBLE, Double.NaN));
            case "is_nan":
                return Optional.of(new UnaryEvaluator(BOOLEAN, coerce(arguments.get(0), DOUBLE), (input, positionCount) -> MathFunctionKernels.testDoubles(input, positionCount, Double::isNaN)));
            case "is_finite":
                return Optional.of(new UnaryEvaluator(BOOLEAN, coerce(arguments.get(0), DOUBLE), (input, positionCount) -> MathFunctionKernels.testDoubles(input, positionCount, Double::isFinite)));
            case "is_infinite":
                return Optional.of(new UnaryEvaluator(BOOLEAN, coerce(arguments.get(0), DOUBLE), (input, positionCount) -> MathFunctionKernels.testDoubles(input, positionCount, Double::isInfinite)));
            case "random":
            case "rand":
                if (arguments.isEmpty()) {
                    return Optional.of(new FoldingEvaluator(DOUBLE, List.of(), (blocks, positionCount) -> MathFunctionKernels.randomDouble(positionCount)));
                }
                return Optional.of(new UnaryEvaluator(BIGINT, coerce(arguments.get(0), BIGINT), MathFunctionKernels::randomBigint));
            case "width_bucket":
                return Optional.of(new FoldingEvaluator(BIGINT,
                        List.of(coerce(arguments.get(0), DOUBLE), coerce(arguments.get(1), DOUBLE), coerce(arguments.get(2), DOUBLE), coerce(arguments.get(3), BIGINT)),
                        MathFunctionKernels::widthBucket));
            case "typeof":
                return Optional.of(new ConstantBlockEvaluator(type, Slices.utf8Slice(arguments.get(0).type().displayName())));
            case "greatest":
                return Optional.of(extreme(arguments, type, ComparisonOperator.GREATER_THAN_OR_EQUAL));
            case "least":
                return Optional.of(extreme(arguments, type, ComparisonOperator.LESS_THAN_OR_EQUAL));
            default:
                return Optional.empty();
        }
    }

    private static BlockEvaluator doubles(List<BlockEvaluator> arguments, DoubleUnaryOperator function)
    {
        return new UnaryEvaluator(DOUBLE, coerce(arguments.get(0), DOUBLE), (input, positionCount) -> MathFunctionKernels.mapDoubles(input, positionCount, function));
    }

    /** {@code ceil}, {@code floor}, {@code truncate}: integers are their own integral part. */
    private static BlockEvaluator integral(BlockEvaluator argument, Type type, DoubleUnaryOperator doubleFunction, MathFunctionKernels.DecimalRounding rounding)
    {
        Type argumentType = argument.type();
        if (argumentType instanceof DoubleType) {
            return new UnaryEvaluator(DOUBLE, argument, (input, positionCount) -> MathFunctionKernels.mapDoubles(input, positionCount, doubleFunction));
        }
        if (argumentType instanceof DecimalType decimal && type instanceof DecimalType result) {
            return new UnaryEvaluator(type, argument, new MathFunctionKernels.DecimalToIntegral(decimal, result, rounding));
        }
        if (argumentType instanceof UnknownType) {
            return new ConstantBlockEvaluator(type, null);
        }
        return coerce(argument, type);
    }

    private static BlockEvaluator mod(List<BlockEvaluator> arguments, Type type)
    {
        BlockEvaluator left = arguments.get(0);
        BlockEvaluator right = arguments.get(1);
        if (type instanceof DecimalType result) {
            BlockEvaluator leftDecimal = coerce(left, asDecimal(left.type()));
            BlockEvaluator rightDecimal = coerce(right, asDecimal(right.type()));
            return new BinaryEvaluator(type, leftDecimal, rightDecimal,
                    DecimalKernels.kernel(ArithmeticOperator.MODULUS, (DecimalType) leftDecimal.type(), (DecimalType) rightDecimal.type(), result));
        }
        if (type instanceof DoubleType) {
            return new BinaryEvaluator(type, coerce(left, DOUBLE), coerce(right, DOUBLE), ArithmeticKernels.doubles(ArithmeticOperator.MODULUS));
        }
        if (type instanceof BigintType) {
            return new BinaryEvaluator(type, coerce(left, BIGINT), coerce(right, BIGINT), ArithmeticKernels.bigint(ArithmeticOperator.MODULUS));
        }
        return new BinaryEvaluator(type, coerce(left, INTEGER), coerce(right, INTEGER), ArithmeticKernels.integer(ArithmeticOperator.MODULUS));
    }

    private static Type asDecimal(Type type)
    {
        if (type instanceof DecimalType) {
            return type;
        }
        return type instanceof IntegerType ? new DecimalType(10, 0) : new DecimalType(19, 0);
    }

    private static BlockEvaluator sign(BlockEvaluator argument, Type type)
    {
        Type argumentType = argument.type();
        if (argumentType instanceof DoubleType) {
            return new UnaryEvaluator(DOUBLE, argument, (input, positionCount) -> MathFunctionKernels.mapDoubles(input, positionCount, Math::signum));
        }
        if (argumentType instanceof DecimalType) {
            return new UnaryEvaluator(type, argument, MathFunctionKernels::signDecimal);
        }
        if (argumentType instanceof BigintType) {
            return new UnaryEvaluator(BIGINT, argument, MathFunctionKernels::signBigint);
        }
        if (argumentType instanceof IntegerType) {
            return new UnaryEvaluator(INTEGER, argument, MathFunctionKernels::signInteger);
        }
        return new ConstantBlockEvaluator(type, null);
    }

    /**
     * {@code greatest}/{@code least}: the operands in their common type, folded pairwise; a position is NULL
     * when any operand is.
     */
    private static BlockEvaluator extreme(List<BlockEvaluator> arguments, Type type, ComparisonOperator keepLeft)
    {
        if (type instanceof UnknownType) {
            return new ConstantBlockEvaluator(type, null);
        }
        List<BlockEvaluator> operands = new ArrayList<>();
        for (BlockEvaluator argument : arguments) {
            operands.add(coerce(argument, type));
        }
        BinaryKernel compare = ComparisonKernels.kernel(keepLeft, type.layout());
        String name = keepLeft == ComparisonOperator.GREATER_THAN_OR_EQUAL ? "greatest" : "least";
        return new FoldingEvaluator(type, operands, (blocks, positionCount) -> {
            if (type instanceof DoubleType) {
                MathFunctionKernels.checkNotNaN(blocks, positionCount, name);
            }
            Block result = blocks[0];
            boolean[] nulls = Blocks.rawNulls(result);
            for (int k = 1; k < blocks.length; k++) {
                Block other = blocks[k];
                nulls = Blocks.orNulls(nulls, Blocks.rawNulls(other), positionCount);
                byte[] keep = ((ByteArrayBlock) compare.apply(result, other, positionCount)).rawValues();
                int[] kept = new int[positionCount];
                int[] replaced = new int[positionCount];
                int keptCount = 0;
                int replacedCount = 0;
                for (int i = 0; i < positionCount; i++) {
                    if (keep[i] != 0) {
                        kept[keptCount++] = i;
                    }
                    else {
                        replaced[replacedCount++] = i;
                    }
                }
                if (replacedCount == 0) {
                    continue;
                }
                if (keptCount == 0) {
                    result = other;
                    continue;
                }
                result = Blocks.merge(type.layout(), positionCount,
                        new Block[] {result.copyPositions(kept, 0, keptCount), other.copyPositions(replaced, 0, replacedCount)},
                        new int[][] {kept, replaced}, new int[] {keptCount, replacedCount});
            }
            return Blocks.withNulls(result, nulls);
        });
    }

    private static Optional<BlockEvaluator> compileDate(String name, List<BlockEvaluator> arguments, Type type)
    {
        switch (name) {
            case "day_of_week":
            case "dow":
                return Optional.of(dateField(arguments, DateFunctionKernels.DateField.DAY_OF_WEEK));
            case "day_of_year":
            case "doy":
                return Optional.of(dateField(arguments, DateFunctionKernels.DateField.DAY_OF_YEAR));
            case "week":
            case "week_of_year":
                return Optional.of(dateField(arguments, DateFunctionKernels.DateField.WEEK));
            case "year_of_week":
            case "yow":
                return Optional.of(dateField(arguments, DateFunctionKernels.DateField.YEAR_OF_WEEK));
            case "quarter":
                return Optional.of(dateField(arguments, DateFunctionKernels.DateField.QUARTER));
            case "last_day_of_month":
                return Optional.of(new UnaryEvaluator(DATE, coerce(arguments.get(0), DATE), DateFunctionKernels::lastDayOfMonth));
            case "date_trunc": {
                Optional<DateFunctionKernels.DateUnit> unit = constantUnit(arguments.get(0));
                return Optional.of(new FoldingEvaluator(DATE, List.of(coerce(arguments.get(0), VARCHAR), coerce(arguments.get(1), DATE)),
                        (blocks, positionCount) -> DateFunctionKernels.dateTrunc(blocks, positionCount, unit)));
            }
            case "date_add": {
                Optional<DateFunctionKernels.DateUnit> unit = constantUnit(arguments.get(0));
                return Optional.of(new FoldingEvaluator(DATE, List.of(coerce(arguments.get(0), VARCHAR), coerce(arguments.get(1), BIGINT), coerce(arguments.get(2), DATE)),
                        (blocks, positionCount) -> DateFunctionKernels.dateAdd(blocks, positionCount, unit)));
            }
            case "date_diff": {
                Optional<DateFunctionKernels.DateUnit> unit = constantUnit(arguments.get(0));
                return Optional.of(new FoldingEvaluator(BIGINT, List.of(coerce(arguments.get(0), VARCHAR), coerce(arguments.get(1), DATE), coerce(arguments.get(2), DATE)),
                        (blocks, positionCount) -> DateFunctionKernels.dateDiff(blocks, positionCount, unit)));
            }
            case "to_iso8601":
                return Optional.of(new UnaryEvaluator(type, coerce(arguments.get(0), DATE), DateFunctionKernels::toIso8601));
            case "from_iso8601_date":
                return Optional.of(new UnaryEvaluator(DATE, coerce(arguments.get(0), VARCHAR), DateFunctionKernels::fromIso8601Date));
            case "date":
                return Optional.of(coerce(arguments.get(0), DATE));
            case "date_format":
                return Optional.of(new FoldingEvaluator(type, List.of(coerce(arguments.get(0), DATE), coerce(arguments.get(1), VARCHAR)), DateFunctionKernels::dateFormat));
            default:
                return Optional.empty();
        }
    }

    /** The unit of a constant, valid unit argument: resolved once here rather than per row. */
    private static Optional<DateFunctionKernels.DateUnit> constantUnit(BlockEvaluator argument)
    {
        if (argument instanceof ConstantBlockEvaluator constant && constant.value() instanceof Slice text) {
            return DateFunctionKernels.DateUnit.parse(text);
        }
        return Optional.empty();
    }

    private static BlockEvaluator dateField(List<BlockEvaluator> arguments, DateFunctionKernels.DateField field)
    {
        return new UnaryEvaluator(BIGINT, coerce(arguments.get(0), DATE), (input, positionCount) -> DateFunctionKernels.field(input, positionCount, field));
    }
}
