package io.strata.core.analyzer;

import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.NestedFunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.TypeCoercion;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.RowType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * Binds the expressions over arrays, maps and rows: constructors, subscripts, field access and the
 * functions of {@code io.strata.core.execution.expression.NestedCalls}, with Presto's type rules (generic signatures such as
 * {@code element_at(array(T), bigint) -> T} that a per-argument pattern cannot express). Every argument
 * leaves here coerced to the exact type the kernel takes.
 */
final class NestedFunctionBinder
{
    private static final Set<String> FUNCTIONS = Set.of("element_at", "cardinality", "contains", "array_position", "array_distinct",
            "array_sort", "array_max", "array_min", "array_join", "split", "map", "map_keys", "map_values", "sequence");

    /** What SHOW FUNCTIONS lists for each: name, return type, argument types, description. */
    static final List<List<String>> LISTING = List.of(
            List.of("array_distinct", "array(E)", "array(E)", "The array without duplicate elements, in first-seen order"),
            List.of("array_join", "varchar", "array(E), varchar", "The elements as text joined by the delimiter, nulls skipped"),
            List.of("array_join", "varchar", "array(E), varchar, varchar", "The elements as text joined by the delimiter, nulls replaced"),
            List.of("array_max", "E", "array(E)", "The greatest element (null if any element is null)"),
            List.of("array_min", "E", "array(E)", "The least element (null if any element is null)"),
            List.of("array_position", "bigint", "array(E), E", "1-based position of the first element equal to the value, 0 if none"),
            List.of("array_sort", "array(E)", "array(E)", "The elements in ascending order, nulls last"),
            List.of("cardinality", "bigint", "array(E)", "Number of elements of the array"),
            List.of("cardinality", "bigint", "map(K,V)", "Number of entries of the map"),
            List.of("concat", "array(E)", "array(E), array(E)", "The arrays one after the other"),
            List.of("contains", "boolean", "array(E), E", "Whether the array has an element equal to the value"),
            List.of("element_at", "E", "array(E), bigint", "The element at the 1-based index (negative: from the end), null when out of range"),
            List.of("element_at", "V", "map(K,V), K", "The value of the key, null when absent"),
            List.of("map", "map(K,V)", "array(K), array(V)", "The map of the keys to the values at the same positions"),
            List.of("map_keys", "array(K)", "map(K,V)", "The keys of the map"),
            List.of("map_values", "array(V)", "map(K,V)", "The values of the map"),
            List.of("sequence", "array(bigint)", "bigint, bigint", "The integers from start to stop"),
            List.of("sequence", "array(bigint)", "bigint, bigint, bigint", "The integers from start to stop by step"),
            List.of("split", "array(varchar)", "varchar, varchar", "The string split at each occurrence of the delimiter"),
            List.of("split", "array(varchar)", "varchar, varchar, bigint", "The string split into at most limit parts"));

    private NestedFunctionBinder() {}

    /** {@code ARRAY[...]}: the elements coerced to their common super type. */
    static RowExpression arrayConstructor(List<RowExpression> elements, Optional<Location> location)
    {
        Type elementType = TypeCoercion.commonSuperType(elements.stream().map(RowExpression::type).toList())
                .orElseThrow(() -> new StrataException(ErrorCode.TYPE_MISMATCH, location, "All ARRAY elements must be the same type: " + typeList(elements), null));
        return new Call(NestedFunctionNames.ARRAY_CONSTRUCTOR, coerceAll(elements, elementType), new ArrayType(elementType));
    }

    static RowExpression rowConstructor(List<RowExpression> fields)
    {
        return new Call(NestedFunctionNames.ROW_CONSTRUCTOR, fields, RowType.anonymous(fields.stream().map(RowExpression::type).toList()));
    }

    /** {@code base[index]}: an array element (1-based) or a map value. */
    static RowExpression subscript(RowExpression base, RowExpression index, Optional<Location> location)
    {
        if (base.type() instanceof ArrayType arrayType) {
            requireCoercible(index, BIGINT, "Array subscript", location);
            return new Call(NestedFunctionNames.SUBSCRIPT, List.of(base, ExpressionAnalyzer.coerce(index, BIGINT)), arrayType.elementType());
        }
        if (base.type() instanceof MapType mapType) {
            requireCoercible(index, mapType.keyType(), "Map subscript", location);
            return new Call(NestedFunctionNames.SUBSCRIPT, List.of(base, ExpressionAnalyzer.coerce(index, mapType.keyType())), mapType.valueType());
        }
        if (base.type() instanceof RowType) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, location, "Subscripts of rows are not supported: use row.field", null);
        }
        throw new StrataException(ErrorCode.TYPE_MISMATCH, location, "Cannot use subscript on a value of type " + base.type(), null);
    }

    /** {@code row.field}, or empty when {@code base} is not a row or has no such field. */
    static Optional<RowExpression> field(RowExpression base, String name, Optional<Location> location)
    {
        if (!(base.type() instanceof RowType rowType)) {
            return Optional.empty();
        }
        int index = rowType.indexOf(name);
        if (index < 0) {
            throw new StrataException(ErrorCode.COLUMN_NOT_FOUND, location, "Field '" + name + "' not found in " + rowType, null);
        }
        return Optional.of(new Call(NestedFunctionNames.FIELD, List.of(base, new Constant((long) index, BIGINT)), rowType.fields().get(index).type()));
    }

    /** The call, when {@code name} is one of these functions (or {@code concat} of arrays); else empty. */
    static Optional<RowExpression> function(String rawName, List<RowExpression> arguments, Optional<Location> location)
    {
        String name = rawName.toLowerCase(Locale.ENGLISH);
        List<Type> types = arguments.stream().map(RowExpression::type).toList();
        if (name.equals(FunctionNames.CONCAT) && types.stream().anyMatch(type -> type instanceof ArrayType)) {
            return Optional.of(concat(arguments, location));
        }
        if (!FUNCTIONS.contains(name)) {
            return Optional.empty();
        }
        Optional<RowExpression> bound = bind(name, arguments, types);
        if (bound.isEmpty()) {
            throw new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location, "Unexpected parameters (" + typeList(arguments) + ") for function " + name, null);
        }
        return bound;
    }

    private static Optional<RowExpression> bind(String name, List<RowExpression> arguments, List<Type> types)
    {
        int count = arguments.size();
        Type first = count > 0 ? types.get(0) : UnknownType.UNKNOWN;
        Optional<ArrayType> array = first instanceof ArrayType arrayType ? Optional.of(arrayType) : Optional.empty();
        Optional<MapType> map = first instanceof MapType mapType ? Optional.of(mapType) : Optional.empty();
        switch (name) {
            case "cardinality":
                if (count == 1 && (array.isPresent() || map.isPresent())) {
                    return call(name, arguments, List.of(first), BIGINT);
                }
                return Optional.empty();
            case "element_at":
                if (count == 2 && array.isPresent() && TypeCoercion.canCoerce(types.get(1), BIGINT)) {
                    return call(name, arguments, List.of(first, BIGINT), array.get().elementType());
                }
                if (count == 2 && map.isPresent() && TypeCoercion.canCoerce(types.get(1), map.get().keyType())) {
                    return call(name, arguments, List.of(first, map.get().keyType()), map.get().valueType());
                }
                return Optional.empty();
            case "contains":
            case "array_position": {
                if (count != 2 || array.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Type> common = TypeCoercion.commonSuperType(array.get().elementType(), types.get(1));
                if (common.isEmpty()) {
                    return Optional.empty();
                }
                Type result = name.equals("contains") ? BOOLEAN : BIGINT;
                return call(name, arguments, List.of(new ArrayType(common.get()), common.get()), result);
            }
            case "array_distinct":
                return count == 1 && array.isPresent() ? call(name, arguments, List.of(first), first) : Optional.empty();
            case "array_sort":
            case "array_max":
            case "array_min": {
                if (count != 1 || array.isEmpty()) {
                    return Optional.empty();
                }
                Type elementType = array.get().elementType();
                if (elementType.layout().isNested() || !elementType.isOrderable()) {
                    throw new StrataException(ErrorCode.NOT_SUPPORTED, name + " is not supported for " + first + " (elements must be orderable)");
                }
                return call(name, arguments, List.of(first), name.equals("array_sort") ? first : elementType);
            }
            case "array_join": {
                if ((count != 2 && count != 3) || array.isEmpty() || array.get().elementType().layout().isNested()) {
                    return Optional.empty();
                }
                for (int i = 1; i < count; i++) {
                    if (!TypeCoercion.canCoerce(types.get(i), VARCHAR)) {
                        return Optional.empty();
                    }
                }
                List<Type> expected = new ArrayList<>(List.of(first, VARCHAR));
                if (count == 3) {
                    expected.add(VARCHAR);
                }
                return call(name, arguments, expected, VARCHAR);
            }
            case "split": {
                if ((count != 2 && count != 3) || !isVarchar(types.get(0)) || !isVarchar(types.get(1)) || (count == 3 && !TypeCoercion.canCoerce(types.get(2), BIGINT))) {
                    return Optional.empty();
                }
                List<Type> expected = new ArrayList<>(List.of(VARCHAR, VARCHAR));
                if (count == 3) {
                    expected.add(BIGINT);
                }
                return call(name, arguments, expected, new ArrayType(VARCHAR));
            }
            case "map": {
                if (count != 2 || array.isEmpty() || !(types.get(1) instanceof ArrayType values)) {
                    return Optional.empty();
                }
                return call(name, arguments, List.of(first, values), new MapType(array.get().elementType(), values.elementType()));
            }
            case "map_keys":
                return count == 1 && map.isPresent() ? call(name, arguments, List.of(first), new ArrayType(map.get().keyType())) : Optional.empty();
            case "map_values":
                return count == 1 && map.isPresent() ? call(name, arguments, List.of(first), new ArrayType(map.get().valueType())) : Optional.empty();
            case "sequence": {
                if (count != 2 && count != 3) {
                    return Optional.empty();
                }
                for (Type type : types) {
                    if (!TypeCoercion.canCoerce(type, BIGINT)) {
                        return Optional.empty();
                    }
                }
                return call(name, arguments, types.stream().map(type -> (Type) BIGINT).toList(), new ArrayType(BIGINT));
            }
            default:
                return Optional.empty();
        }
    }

    private static RowExpression concat(List<RowExpression> arguments, Optional<Location> location)
    {
        // concat(array, element) and concat(element, array) are Presto's too: an element is a one-element array
        Optional<Type> arrayType = TypeCoercion.commonSuperType(arguments.stream()
                .map(argument -> argument.type() instanceof ArrayType || argument.type() instanceof UnknownType ? argument.type() : new ArrayType(argument.type()))
                .toList());
        if (arrayType.isEmpty() || !(arrayType.get() instanceof ArrayType type)) {
            throw new StrataException(ErrorCode.FUNCTION_NOT_FOUND, location, "Unexpected parameters (" + typeList(arguments) + ") for function concat", null);
        }
        List<RowExpression> operands = new ArrayList<>();
        for (RowExpression argument : arguments) {
            if (argument.type() instanceof ArrayType || argument.type() instanceof UnknownType) {
                operands.add(ExpressionAnalyzer.coerce(argument, type));
            }
            else {
                operands.add(new Call(NestedFunctionNames.ARRAY_CONSTRUCTOR, List.of(ExpressionAnalyzer.coerce(argument, type.elementType())), type));
            }
        }
        return new Call(FunctionNames.CONCAT, operands, type);
    }

    private static boolean isVarchar(Type type)
    {
        return type instanceof VarcharType || type instanceof UnknownType;
    }

    private static Optional<RowExpression> call(String name, List<RowExpression> arguments, List<Type> expected, Type returnType)
    {
        List<RowExpression> coerced = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            RowExpression argument = arguments.get(i);
            Type type = expected.get(i);
            if (!TypeCoercion.canCoerce(argument.type(), type)) {
                return Optional.empty();
            }
            coerced.add(argument.type() instanceof VarcharType && type instanceof VarcharType ? argument : ExpressionAnalyzer.coerce(argument, type));
        }
        return Optional.of(new Call(name, coerced, returnType));
    }

    private static void requireCoercible(RowExpression value, Type type, String what, Optional<Location> location)
    {
        if (!TypeCoercion.canCoerce(value.type(), type)) {
            throw new StrataException(ErrorCode.TYPE_MISMATCH, location, what + " must be of type " + type + ": actual type " + value.type(), null);
        }
    }

    private static List<RowExpression> coerceAll(List<RowExpression> expressions, Type type)
    {
        return expressions.stream().map(expression -> ExpressionAnalyzer.coerce(expression, type)).toList();
    }

    private static String typeList(List<RowExpression> expressions)
    {
        return expressions.stream().map(expression -> expression.type().displayName()).collect(Collectors.joining(", "));
    }
}
