package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.RowExpressionVisitor;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.TypeCoercion;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.Block;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.type.BigintType;
import io.strata.spi.type.BooleanType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DateType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.DoubleType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.IntervalDayTimeType;
import io.strata.spi.type.IntervalYearMonthType;
import io.strata.spi.type.RealType;
import io.strata.spi.type.TimestampType;
import io.strata.spi.type.TimestampWithTimeZoneType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarbinaryType;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DoubleType.DOUBLE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * Compiles an IR expression, whose inputs are {@link InputReference}s, into a tree of {@link BlockEvaluator}s.
 * Every kernel is chosen here, once, from the operator and the operand types; evaluation then only runs
 * loops. Operands whose types differ from what a kernel takes (a front end may leave an integer beside a
 * bigint) are cast to the common type first.
 */
public final class ExpressionCompiler
{
    private ExpressionCompiler() {}

    /**
     * The evaluator tree of an expression whose inputs are {@code InputReference}s.
     *
     * @throws IllegalArgumentException when the expression still holds symbol references
     * @throws StrataException {@code FUNCTION_IMPLEMENTATION_MISSING} for a function or operand types without a kernel
     */
    public static BlockEvaluator compile(RowExpression expression)
    {
        return expression.accept(new Compiler(), null);
    }

    private static final class Compiler
            implements RowExpressionVisitor<BlockEvaluator, Void>
    {
        @Override
        public BlockEvaluator visitConstant(Constant constant, Void context)
        {
            return new ConstantBlockEvaluator(constant.type(), constant.value());
        }

        @Override
        public BlockEvaluator visitSymbolReference(SymbolReference reference, Void context)
        {
            throw new IllegalArgumentException("symbol " + reference.symbol().name() + " was not mapped to a channel");
        }

        @Override
        public BlockEvaluator visitInputReference(InputReference reference, Void context)
        {
            return new InputReferenceEvaluator(reference.channel(), reference.type());
        }

        @Override
        public BlockEvaluator visitCall(Call call, Void context)
        {
            List<BlockEvaluator> arguments = compileAll(call.arguments());
            Type type = call.type();
            String name = call.functionName();
            if (NestedCalls.handles(call)) {
                return NestedCalls.compile(call, arguments);
            }
            Optional<ArithmeticOperator> arithmetic = ArithmeticOperator.fromFunctionName(name);
            if (arithmetic.isPresent()) {
                return arithmetic(arithmetic.get(), arguments.get(0), arguments.get(1), type, call);
            }
            Optional<ComparisonOperator> comparison = ComparisonOperator.fromFunctionName(name);
            if (comparison.isPresent()) {
                return comparison(comparison.get(), arguments.get(0), arguments.get(1), call);
            }
            switch (name) {
                case FunctionNames.IS_DISTINCT_FROM: {
                    Type common = commonType(arguments.get(0).type(), arguments.get(1).type(), call);
                    if (common.layout().isNested()) {
                        return new BinaryEvaluator(BOOLEAN, coerce(arguments.get(0), common), coerce(arguments.get(1), common), NestedCalls.distinctFrom(common));
                    }
                    if (common instanceof TimestampWithTimeZoneType) {
                        return new BinaryEvaluator(BOOLEAN, TimestampKernels.instant(coerce(arguments.get(0), common)), TimestampKernels.instant(coerce(arguments.get(1), common)),
                                ComparisonKernels.distinctFrom(BIGINT.layout()));
                    }
                    return new BinaryEvaluator(BOOLEAN, coerce(arguments.get(0), common), coerce(arguments.get(1), common),
                            ComparisonKernels.distinctFrom(common.layout()));
                }
                case FunctionNames.NEGATE:
                    return negate(coerce(arguments.get(0), type), call);
                case FunctionNames.NOT:
                    return new UnaryEvaluator(BOOLEAN, coerce(arguments.get(0), BOOLEAN), LogicalKernels::not);
                case FunctionNames.LIKE:
                    return like(arguments);
                case FunctionNames.CONCAT:
                    return new FoldingEvaluator(type, coerceAll(arguments, VARCHAR), StringKernels::concat);
                case "substr":
                case "substring": {
                    List<BlockEvaluator> operands = new ArrayList<>();
                    operands.add(coerce(arguments.get(0), VARCHAR));
                    for (int i = 1; i < arguments.size(); i++) {
                        operands.add(coerce(arguments.get(i), BIGINT));
                    }
                    return new FoldingEvaluator(type, operands, StringKernels::substr);
                }
                case "lower":
                    return new UnaryEvaluator(type, coerce(arguments.get(0), VARCHAR), StringKernels::lower);
                case "upper":
                    return new UnaryEvaluator(type, coerce(arguments.get(0), VARCHAR), StringKernels::upper);
                case "length":
                    if (arguments.get(0).type() instanceof CharType || arguments.get(0).type() instanceof VarbinaryType) {
                        return new UnaryEvaluator(BIGINT, arguments.get(0), CharAndBinaryKernels.length(arguments.get(0).type()));
                    }
                    return new UnaryEvaluator(BIGINT, coerce(arguments.get(0), VARCHAR), StringKernels::length);
                case "abs":
                    return abs(coerce(arguments.get(0), type), call);
                case "round":
                    return round(arguments, type, call);
                case "year":
                    return dateField(arguments.get(0), DateKernels::year, call);
                case "month":
                    return dateField(arguments.get(0), DateKernels::month, call);
                case "day":
                case "day_of_month":
                    return dateField(arguments.get(0), DateKernels::day, call);
                case "date_trunc":
                    if (type instanceof DateType) {
                        return ScalarFunctionCompiler.compile(name, arguments, type).orElseThrow(() -> missing(call));
                    }
                    return new BinaryEvaluator(type, coerce(arguments.get(0), VARCHAR), coerce(arguments.get(1), type), TimestampKernels::truncate);
                case "from_unixtime":
                    return new UnaryEvaluator(type, coerce(arguments.get(0), DOUBLE), TimestampKernels::fromUnixtime);
                case "to_unixtime":
                    return new UnaryEvaluator(DOUBLE, arguments.get(0), TimestampKernels::toUnixtime);
                case "at_timezone":
                    return new BinaryEvaluator(type, coerce(arguments.get(0), type), coerce(arguments.get(1), VARCHAR), TimestampKernels::atTimeZone);
                case "hour":
                    return new UnaryEvaluator(BIGINT, arguments.get(0), TimestampKernels.timeOfDayField(3_600_000_000L, 24));
                case "minute":
                    return new UnaryEvaluator(BIGINT, arguments.get(0), TimestampKernels.timeOfDayField(60_000_000L, 60));
                case "second":
                    return new UnaryEvaluator(BIGINT, arguments.get(0), TimestampKernels.timeOfDayField(1_000_000L, 60));
                default:
                    return ScalarFunctionCompiler.compile(name, arguments, type).orElseThrow(() -> missing(call));
            }
        }

        @Override
        public BlockEvaluator visitSpecialForm(SpecialForm form, Void context)
        {
            List<BlockEvaluator> arguments = compileAll(form.arguments());
            Type type = form.type();
            switch (form.form()) {
                case AND:
                    return new AndOrEvaluator(true, coerceAll(arguments, BOOLEAN));
                case OR:
                    return new AndOrEvaluator(false, coerceAll(arguments, BOOLEAN));
                case IF: {
                    BlockEvaluator otherwise = arguments.size() > 2 ? coerce(arguments.get(2), type) : new ConstantBlockEvaluator(type, null);
                    return new ConditionalEvaluators.SwitchEvaluator(type, List.of(coerce(arguments.get(0), BOOLEAN)), List.of(coerce(arguments.get(1), type)), otherwise);
                }
                case SWITCH: {
                    List<BlockEvaluator> conditions = new ArrayList<>();
                    List<BlockEvaluator> results = new ArrayList<>();
                    int pairs = (arguments.size() - 1) / 2;
                    for (int i = 0; i < pairs; i++) {
                        conditions.add(coerce(arguments.get(2 * i), BOOLEAN));
                        results.add(coerce(arguments.get(2 * i + 1), type));
                    }
                    BlockEvaluator otherwise = arguments.size() % 2 == 1 ? coerce(arguments.get(arguments.size() - 1), type) : new ConstantBlockEvaluator(type, null);
                    return new ConditionalEvaluators.SwitchEvaluator(type, conditions, results, otherwise);
                }
                case COALESCE:
                    return new ConditionalEvaluators.CoalesceEvaluator(type, coerceAll(arguments, type));
                case NULL_IF:
                    return nullIf(arguments, type, form);
                case IS_NULL:
                    return new UnaryEvaluator(BOOLEAN, arguments.get(0), LogicalKernels::isNull);
                case IN:
                    return in(arguments, form);
                case BETWEEN:
                    return between(arguments, form);
                case CAST:
                    return new UnaryEvaluator(type, arguments.get(0), CastKernels.kernel(arguments.get(0).type(), type, false));
                case TRY_CAST:
                    return new UnaryEvaluator(type, arguments.get(0), CastKernels.kernel(arguments.get(0).type(), type, true));
            }
            throw new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "No kernel for " + form.form());
        }

        private List<BlockEvaluator> compileAll(List<RowExpression> expressions)
        {
            List<BlockEvaluator> evaluators = new ArrayList<>(expressions.size());
            for (RowExpression expression : expressions) {
                evaluators.add(expression.accept(this, null));
            }
            return evaluators;
        }

        private BlockEvaluator arithmetic(ArithmeticOperator operator, BlockEvaluator left, BlockEvaluator right, Type type, Call call)
        {
            if (left.type() instanceof UnknownType || right.type() instanceof UnknownType) {
                return new ConstantBlockEvaluator(type, null);
            }
            if (type instanceof DateType) {
                return dateArithmetic(operator, left, right, call);
            }
            if (type instanceof IntervalDayTimeType && left.type() instanceof TimestampType && right.type() instanceof TimestampType) {
                Type common = commonType(left.type(), right.type(), call);
                return new BinaryEvaluator(type, coerce(left, common), coerce(right, common), TimestampKernels::difference);
            }
            if (type instanceof IntervalDayTimeType) {
                // millis and bigint factors share the long layout: bigint arithmetic with its overflow checks
                return new BinaryEvaluator(type, left, right, ArithmeticKernels.bigint(operator));
            }
            if (type instanceof IntervalYearMonthType) {
                if (left.type().layout() == right.type().layout()) {
                    return new BinaryEvaluator(type, left, right, ArithmeticKernels.integer(operator));
                }
                if (operator == ArithmeticOperator.MULTIPLY) {
                    return new BinaryEvaluator(type, left, right, ArithmeticKernels::monthsTimesBigint);
                }
                throw missing(call);
            }
            if (type instanceof DecimalType) {
                BlockEvaluator leftDecimal = coerce(left, toDecimal(left.type(), call));
                BlockEvaluator rightDecimal = coerce(right, toDecimal(right.type(), call));
                return new BinaryEvaluator(type, leftDecimal, rightDecimal,
                        DecimalKernels.kernel(operator, (DecimalType) leftDecimal.type(), (DecimalType) rightDecimal.type(), (DecimalType) type));
            }
            if (NarrowNumberKernels.isNarrowInteger(type) || type instanceof RealType) {
                return new BinaryEvaluator(type, coerce(left, type), coerce(right, type), NarrowNumberKernels.arithmetic(operator, type));
            }
            if (type instanceof TimestampWithTimeZoneType) {
                return TimestampKernels.zonedArithmetic(operator, left, right, type).orElseThrow(() -> missing(call));
            }
            if (type instanceof TimestampType) {
                return TimestampKernels.arithmetic(operator, left, right, (TimestampType) type).orElseThrow(() -> missing(call));
            }
            if (type instanceof DoubleType) {
                return new BinaryEvaluator(type, coerce(left, DOUBLE), coerce(right, DOUBLE), ArithmeticKernels.doubles(operator));
            }
            if (type instanceof BigintType) {
                return new BinaryEvaluator(type, coerce(left, BIGINT), coerce(right, BIGINT), ArithmeticKernels.bigint(operator));
            }
            if (type instanceof IntegerType) {
                return new BinaryEvaluator(type, coerce(left, INTEGER), coerce(right, INTEGER), ArithmeticKernels.integer(operator));
            }
            throw missing(call);
        }

        private BlockEvaluator dateArithmetic(ArithmeticOperator operator, BlockEvaluator left, BlockEvaluator right, Call call)
        {
            BlockEvaluator date = left;
            BlockEvaluator interval = right;
            if (operator == ArithmeticOperator.ADD && !(left.type() instanceof DateType) && right.type() instanceof DateType) {
                date = right;
                interval = left;
            }
            if (!(date.type() instanceof DateType) || (operator != ArithmeticOperator.ADD && operator != ArithmeticOperator.SUBTRACT)) {
                throw missing(call);
            }
            int sign = operator == ArithmeticOperator.ADD ? 1 : -1;
            if (interval.type() instanceof IntervalDayTimeType) {
                return new BinaryEvaluator(DateType.DATE, date, interval, (dates, intervals, positionCount) -> DateKernels.plusDayTime(dates, intervals, positionCount, sign));
            }
            if (interval.type() instanceof IntervalYearMonthType) {
                return new BinaryEvaluator(DateType.DATE, date, interval, (dates, intervals, positionCount) -> DateKernels.plusYearMonth(dates, intervals, positionCount, sign));
            }
            throw missing(call);
        }

        private BlockEvaluator comparison(ComparisonOperator operator, BlockEvaluator left, BlockEvaluator right, Call call)
        {
            Type common = commonType(left.type(), right.type(), call);
            if (common instanceof UnknownType) {
                return new ConstantBlockEvaluator(BOOLEAN, null);
            }
            if (common.layout().isNested()) {
                return new BinaryEvaluator(BOOLEAN, coerce(left, common), coerce(right, common), NestedCalls.comparison(common, operator));
            }
            if (common instanceof TimestampWithTimeZoneType) {
                return new BinaryEvaluator(BOOLEAN, TimestampKernels.instant(coerce(left, common)), TimestampKernels.instant(coerce(right, common)),
                        ComparisonKernels.kernel(operator, BIGINT.layout()));
            }
            return new BinaryEvaluator(BOOLEAN, coerce(left, common), coerce(right, common), ComparisonKernels.kernel(operator, common.layout()));
        }

        private BlockEvaluator negate(BlockEvaluator input, Call call)
        {
            Type type = input.type();
            if (type instanceof BigintType) {
                return new UnaryEvaluator(type, input, ArithmeticKernels::bigintNegate);
            }
            if (type instanceof IntegerType) {
                return new UnaryEvaluator(type, input, ArithmeticKernels::integerNegate);
            }
            if (type instanceof DoubleType) {
                return new UnaryEvaluator(type, input, ArithmeticKernels::doubleNegate);
            }
            if (type instanceof DecimalType) {
                return new UnaryEvaluator(type, input, DecimalKernels::negate);
            }
            if (type instanceof IntervalDayTimeType) {
                return new UnaryEvaluator(type, input, ArithmeticKernels::bigintNegate);
            }
            if (type instanceof IntervalYearMonthType) {
                return new UnaryEvaluator(type, input, ArithmeticKernels::integerNegate);
            }
            if (type instanceof UnknownType) {
                return input;
            }
            if (NarrowNumberKernels.isNarrowInteger(type) || type instanceof RealType) {
                return new UnaryEvaluator(type, input, NarrowNumberKernels.negate(type));
            }
            throw missing(call);
        }

        private BlockEvaluator abs(BlockEvaluator input, Call call)
        {
            Type type = input.type();
            if (type instanceof BigintType) {
                return new UnaryEvaluator(type, input, MathKernels::absBigint);
            }
            if (type instanceof IntegerType) {
                return new UnaryEvaluator(type, input, MathKernels::absInteger);
            }
            if (type instanceof DoubleType) {
                return new UnaryEvaluator(type, input, MathKernels::absDouble);
            }
            if (type instanceof DecimalType) {
                return new UnaryEvaluator(type, input, MathKernels::absDecimal);
            }
            if (NarrowNumberKernels.isNarrowInteger(type) || type instanceof RealType) {
                return new UnaryEvaluator(type, input, NarrowNumberKernels.abs(type));
            }
            throw missing(call);
        }

        private BlockEvaluator round(List<BlockEvaluator> arguments, Type type, Call call)
        {
            BlockEvaluator value = arguments.get(0);
            List<BlockEvaluator> operands = new ArrayList<>();
            operands.add(value);
            if (arguments.size() > 1) {
                operands.add(coerce(arguments.get(1), BIGINT));
            }
            boolean hasDigits = operands.size() > 1;
            if (value.type() instanceof DoubleType) {
                return new FoldingEvaluator(type, operands, (blocks, positionCount) -> MathKernels.roundDouble(blocks[0], hasDigits ? blocks[1] : null, positionCount));
            }
            if (value.type() instanceof BigintType) {
                return new FoldingEvaluator(type, operands, (blocks, positionCount) -> MathKernels.roundBigint(blocks[0], hasDigits ? blocks[1] : null, positionCount));
            }
            if (value.type() instanceof IntegerType) {
                return new FoldingEvaluator(type, operands, (blocks, positionCount) -> MathKernels.roundInteger(blocks[0], hasDigits ? blocks[1] : null, positionCount));
            }
            if (value.type() instanceof DecimalType && type instanceof DecimalType) {
                return new FoldingEvaluator(type, operands, new MathKernels.DecimalRound((DecimalType) value.type(), (DecimalType) type));
            }
            throw missing(call);
        }

        private BlockEvaluator dateField(BlockEvaluator input, UnaryKernel kernel, Call call)
        {
            if (input.type() instanceof TimestampType) {
                return new UnaryEvaluator(BIGINT, input, TimestampKernels.onDate(kernel));
            }
            if (!(input.type() instanceof DateType)) {
                throw missing(call);
            }
            return new UnaryEvaluator(BIGINT, input, kernel);
        }

        private BlockEvaluator like(List<BlockEvaluator> arguments)
        {
            BlockEvaluator value = coerce(arguments.get(0), VARCHAR);
            boolean hasEscape = arguments.size() > 2;
            if (isConstant(arguments.get(1)) && (!hasEscape || isConstant(arguments.get(2)))) {
                Object pattern = constantValue(arguments.get(1));
                Object escape = hasEscape ? constantValue(arguments.get(2)) : null;
                if (pattern == null || (hasEscape && escape == null)) {
                    return new ConstantBlockEvaluator(BOOLEAN, null);
                }
                LikeMatcher matcher = LikeMatcher.compile((Slice) pattern, Optional.ofNullable((Slice) escape));
                return new UnaryEvaluator(BOOLEAN, value, (input, positionCount) -> likeConstant(matcher, input, positionCount));
            }
            return new FoldingEvaluator(BOOLEAN, coerceAll(arguments, VARCHAR), ExpressionCompiler::likeDynamic);
        }

        private BlockEvaluator nullIf(List<BlockEvaluator> arguments, Type type, SpecialForm form)
        {
            BlockEvaluator value = coerce(arguments.get(0), type);
            Type common = commonType(arguments.get(0).type(), arguments.get(1).type(), form);
            if (common instanceof UnknownType) {
                return value;
            }
            // timestamps with time zone are equal when their instants are
            boolean zoned = common instanceof TimestampWithTimeZoneType;
            BinaryKernel equal = ComparisonKernels.kernel(ComparisonOperator.EQUAL, zoned ? BIGINT.layout() : common.layout());
            BlockEvaluator left = zoned ? TimestampKernels.instant(coerce(arguments.get(0), common)) : coerce(arguments.get(0), common);
            BlockEvaluator right = zoned ? TimestampKernels.instant(coerce(arguments.get(1), common)) : coerce(arguments.get(1), common);
            return new FoldingEvaluator(type, List.of(value, left, right), (blocks, positionCount) -> {
                ByteArrayBlock equals = (ByteArrayBlock) equal.apply(blocks[1], blocks[2], positionCount);
                byte[] values = equals.rawValues();
                boolean[] equalNulls = equals.rawNulls();
                boolean[] makeNull = null;
                for (int i = 0; i < positionCount; i++) {
                    if (values[i] != 0 && (equalNulls == null || !equalNulls[i])) {
                        if (makeNull == null) {
                            makeNull = new boolean[positionCount];
                        }
                        makeNull[i] = true;
                    }
                }
                return Blocks.withNulls(blocks[0], makeNull);
            });
        }

        private BlockEvaluator in(List<BlockEvaluator> arguments, SpecialForm form)
        {
            BlockEvaluator value = arguments.get(0);
            List<BlockEvaluator> list = arguments.subList(1, arguments.size());
            Type common = value.type();
            for (BlockEvaluator element : list) {
                common = commonType(common, element.type(), form);
            }
            if (common instanceof UnknownType) {
                return new ConstantBlockEvaluator(BOOLEAN, null);
            }
            if (common instanceof TimestampWithTimeZoneType) {
                // membership by instant, whatever the zones
                return in(coerceAll(arguments, common).stream().map(TimestampKernels::instant).collect(Collectors.toList()), form);
            }
            BlockEvaluator coercedValue = coerce(value, common);
            List<Object> constants = new ArrayList<>();
            boolean allConstant = true;
            for (BlockEvaluator element : list) {
                BlockEvaluator coerced = coerce(element, common);
                if (!isConstant(coerced)) {
                    allConstant = false;
                    break;
                }
                constants.add(constantValue(coerced));
            }
            if (allConstant && !common.layout().isNested()) {
                return new InEvaluator(coercedValue, constants);
            }
            BinaryKernel equal = common.layout().isNested()
                    ? NestedCalls.comparison(common, ComparisonOperator.EQUAL)
                    : ComparisonKernels.kernel(ComparisonOperator.EQUAL, common.layout());
            List<BlockEvaluator> operands = new ArrayList<>();
            operands.add(coercedValue);
            operands.addAll(coerceAll(list, common));
            return new FoldingEvaluator(BOOLEAN, operands, (blocks, positionCount) -> {
                Block result = equal.apply(blocks[0], blocks[1], positionCount);
                for (int i = 2; i < blocks.length; i++) {
                    result = LogicalKernels.or(result, equal.apply(blocks[0], blocks[i], positionCount), positionCount);
                }
                return result;
            });
        }

        private BlockEvaluator between(List<BlockEvaluator> arguments, SpecialForm form)
        {
            Type common = commonType(commonType(arguments.get(0).type(), arguments.get(1).type(), form), arguments.get(2).type(), form);
            if (common instanceof UnknownType) {
                return new ConstantBlockEvaluator(BOOLEAN, null);
            }
            if (common instanceof TimestampWithTimeZoneType) {
                List<BlockEvaluator> instants = coerceAll(arguments, common).stream().map(TimestampKernels::instant).toList();
                return between(List.of(instants.get(0), instants.get(1), instants.get(2)), form);
            }
            BinaryKernel greaterOrEqual = ComparisonKernels.kernel(ComparisonOperator.GREATER_THAN_OR_EQUAL, common.layout());
            BinaryKernel lessOrEqual = ComparisonKernels.kernel(ComparisonOperator.LESS_THAN_OR_EQUAL, common.layout());
            return new FoldingEvaluator(BOOLEAN, coerceAll(arguments, common), (blocks, positionCount) -> LogicalKernels.and(
                    greaterOrEqual.apply(blocks[0], blocks[1], positionCount),
                    lessOrEqual.apply(blocks[0], blocks[2], positionCount),
                    positionCount));
        }
    }

    private static Block likeConstant(LikeMatcher matcher, Block input, int positionCount)
    {
        VariableWidthBlock block = (VariableWidthBlock) input;
        byte[] data = block.rawSlice().byteArray();
        int base = block.rawSlice().byteArrayOffset();
        int[] offsets = block.rawOffsets();
        byte[] out = new byte[positionCount];
        for (int i = 0; i < positionCount; i++) {
            out[i] = (byte) (matcher.matches(data, base + offsets[i], base + offsets[i + 1]) ? 1 : 0);
        }
        return new ByteArrayBlock(positionCount, Blocks.rawNulls(input), out);
    }

    private static Block likeDynamic(Block[] blocks, int positionCount)
    {
        VariableWidthBlock values = (VariableWidthBlock) blocks[0];
        VariableWidthBlock patterns = (VariableWidthBlock) blocks[1];
        VariableWidthBlock escapes = blocks.length > 2 ? (VariableWidthBlock) blocks[2] : null;
        boolean[] nulls = Blocks.orNulls(values, patterns, positionCount);
        if (escapes != null) {
            nulls = Blocks.orNulls(nulls, escapes.rawNulls(), positionCount);
        }
        byte[] data = values.rawSlice().byteArray();
        int base = values.rawSlice().byteArrayOffset();
        int[] offsets = values.rawOffsets();
        byte[] out = new byte[positionCount];
        Slice lastPattern = null;
        Slice lastEscape = null;
        LikeMatcher matcher = null;
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                continue;
            }
            Slice pattern = patterns.getSlice(i);
            Slice escape = escapes == null ? null : escapes.getSlice(i);
            if (matcher == null || !pattern.equals(lastPattern) || (escape != null && !escape.equals(lastEscape))) {
                matcher = LikeMatcher.compile(pattern, Optional.ofNullable(escape));
                lastPattern = pattern;
                lastEscape = escape;
            }
            out[i] = (byte) (matcher.matches(data, base + offsets[i], base + offsets[i + 1]) ? 1 : 0);
        }
        return new ByteArrayBlock(positionCount, nulls, out);
    }

    private static boolean isConstant(BlockEvaluator evaluator)
    {
        return evaluator instanceof ConstantBlockEvaluator;
    }

    /** The value of a constant operand, possibly null. */
    private static Object constantValue(BlockEvaluator evaluator)
    {
        return ((ConstantBlockEvaluator) evaluator).value();
    }

    private static List<BlockEvaluator> coerceAll(List<BlockEvaluator> evaluators, Type type)
    {
        return evaluators.stream().map(evaluator -> coerce(evaluator, type)).collect(Collectors.toList());
    }

    /** The evaluator cast to {@code type} if its type differs (varchar lengths do not matter: same layout). */
    static BlockEvaluator coerce(BlockEvaluator evaluator, Type type)
    {
        Type from = evaluator.type();
        if (from.equals(type) || (from instanceof VarcharType && type instanceof VarcharType)) {
            return evaluator;
        }
        if (evaluator instanceof ConstantBlockEvaluator) {
            Object value = ((ConstantBlockEvaluator) evaluator).value();
            return new ConstantBlockEvaluator(type, value == null ? null : CastValues.cast(value, from, type));
        }
        return new UnaryEvaluator(type, evaluator, CastKernels.kernel(from, type, false));
    }

    private static Type toDecimal(Type type, RowExpression expression)
    {
        if (type instanceof DecimalType) {
            return type;
        }
        if (type instanceof IntegerType) {
            return new DecimalType(10, 0);
        }
        if (type instanceof BigintType) {
            return new DecimalType(19, 0);
        }
        throw missing(expression);
    }

    /** The type both operands are compared in, as Presto's type coercion picks it. */
    static Type commonType(Type left, Type right, RowExpression expression)
    {
        if (left.equals(right)) {
            return left;
        }
        if (left instanceof UnknownType) {
            return right;
        }
        if (right instanceof UnknownType) {
            return left;
        }
        if (ScalarCasts.involves(left) || ScalarCasts.involves(right)) {
            return TypeCoercion.commonSuperType(left, right).orElseThrow(() -> missing(expression));
        }
        if (left instanceof VarcharType && right instanceof VarcharType) {
            return VARCHAR;
        }
        if (CastValues.isNumeric(left) && CastValues.isNumeric(right)) {
            if (left instanceof DoubleType || right instanceof DoubleType) {
                return DOUBLE;
            }
            if (left instanceof DecimalType || right instanceof DecimalType) {
                DecimalType leftDecimal = (DecimalType) toDecimal(left, expression);
                DecimalType rightDecimal = (DecimalType) toDecimal(right, expression);
                int scale = Math.max(leftDecimal.scale(), rightDecimal.scale());
                int integerDigits = Math.max(leftDecimal.precision() - leftDecimal.scale(), rightDecimal.precision() - rightDecimal.scale());
                return new DecimalType(Math.min(DecimalType.MAX_PRECISION, integerDigits + scale), scale);
            }
            return BIGINT;
        }
        if (left instanceof BooleanType && right instanceof BooleanType) {
            return BOOLEAN;
        }
        if (left.layout().isNested() && right.layout().isNested()) {
            return TypeCoercion.commonSuperType(left, right).orElseThrow(() -> missing(expression));
        }
        throw missing(expression);
    }

    private static StrataException missing(RowExpression expression)
    {
        String types = expression.children().stream().map(child -> child.type().displayName()).collect(Collectors.joining(", "));
        return new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "No kernel for " + expression + " over (" + types + ")");
    }
}
