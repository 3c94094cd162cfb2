package io.strata.core.execution.expression;

import io.airlift.slice.Slice;
import io.strata.core.expression.Call;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.NestedFunctionNames;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.block.ArrayBlock;
import io.strata.spi.block.ArrayBlockBuilder;
import io.strata.spi.block.Block;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.ByteArrayBlock;
import io.strata.spi.block.LongArrayBlock;
import io.strata.spi.block.LongBlockBuilder;
import io.strata.spi.block.MapBlock;
import io.strata.spi.block.RowBlock;
import io.strata.spi.block.VariableWidthBlock;
import io.strata.spi.block.VariableWidthBlockBuilder;
import io.strata.spi.type.ArrayType;
import io.strata.spi.type.MapType;
import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;

/**
 * Kernels of the functions over arrays, maps and rows, and how a call of one compiles. The analyzer binds
 * these calls with their arguments already of the types the kernels take (see
 * {@code io.strata.core.analyzer.NestedFunctionBinder}); SQL's null rule (a null argument gives a null result)
 * holds unless a function says otherwise.
 * <p>
 * Kernels work on the child blocks: a constructor interleaves its argument blocks into one element block, a
 * subscript gathers one element per row, cardinality subtracts offsets; per-row loops remain where each row
 * has its own number of elements.
 */
public final class NestedCalls
{
    public static final String ARRAY_CONSTRUCTOR = NestedFunctionNames.ARRAY_CONSTRUCTOR;
    public static final String ROW_CONSTRUCTOR = NestedFunctionNames.ROW_CONSTRUCTOR;
    public static final String SUBSCRIPT = NestedFunctionNames.SUBSCRIPT;
    public static final String FIELD = NestedFunctionNames.FIELD;

    private static final Set<String> NAMES = Set.of(ARRAY_CONSTRUCTOR, ROW_CONSTRUCTOR, SUBSCRIPT, FIELD, "element_at", "cardinality",
            "contains", "array_position", "array_distinct", "array_sort", "array_max", "array_min", "array_join", "split",
            "map", "map_keys", "map_values", "sequence");

    private NestedCalls() {}

    /** Whether the call is one of these functions (concat only over arrays). */
    public static boolean handles(Call call)
    {
        if (call.functionName().equals(FunctionNames.CONCAT)) {
            return call.type() instanceof ArrayType;
        }
        return NAMES.contains(call.functionName());
    }

    static BlockEvaluator compile(Call call, List<BlockEvaluator> arguments)
    {
        Type type = call.type();
        switch (call.functionName()) {
            case ARRAY_CONSTRUCTOR:
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> arrayConstructor((ArrayType) type, blocks, positionCount));
            case ROW_CONSTRUCTOR:
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> new RowBlock(positionCount, null, blocks));
            case FIELD: {
                int field = (int) (long) (Long) ((ConstantBlockEvaluator) arguments.get(1)).value();
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> {
                    RowBlock rows = (RowBlock) input;
                    return Blocks.withNulls(rows.getField(field), rows.rawNulls());
                });
            }
            case SUBSCRIPT:
            case "element_at": {
                boolean strict = call.functionName().equals(SUBSCRIPT);
                if (arguments.get(0).type() instanceof MapType mapType) {
                    return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> mapSubscript(mapType, blocks[0], blocks[1], positionCount, strict));
                }
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> arraySubscript(type, blocks[0], blocks[1], positionCount, strict));
            }
            case "cardinality":
                return new UnaryEvaluator(type, arguments.get(0), NestedCalls::cardinality);
            case "contains": {
                Type elementType = ((ArrayType) arguments.get(0).type()).elementType();
                return new FoldingEvaluator(BOOLEAN, arguments, (blocks, positionCount) -> contains(elementType, blocks[0], blocks[1], positionCount));
            }
            case "array_position": {
                Type elementType = ((ArrayType) arguments.get(0).type()).elementType();
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> arrayPosition(elementType, blocks[0], blocks[1], positionCount));
            }
            case "array_distinct":
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> arrayDistinct((ArrayType) type, input, positionCount));
            case "array_sort":
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> arraySort((ArrayType) type, input, positionCount));
            case "array_max":
            case "array_min": {
                int sign = call.functionName().equals("array_max") ? 1 : -1;
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> arrayExtreme(type, input, positionCount, sign));
            }
            case "array_join": {
                Type elementType = ((ArrayType) arguments.get(0).type()).elementType();
                UnaryKernel toVarchar = CastKernels.kernel(elementType, VARCHAR, false);
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> arrayJoin(toVarchar, blocks, positionCount));
            }
            case FunctionNames.CONCAT:
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> arrayConcat((ArrayType) type, blocks, positionCount));
            case "split":
                return new FoldingEvaluator(type, arguments, NestedCalls::split);
            case "map":
                return new FoldingEvaluator(type, arguments, (blocks, positionCount) -> mapConstructor((MapType) type, blocks[0], blocks[1], positionCount));
            case "map_keys":
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> {
                    MapBlock maps = (MapBlock) input;
                    return new ArrayBlock(positionCount, maps.rawNulls(), maps.rawOffsets(), maps.rawKeys());
                });
            case "map_values":
                return new UnaryEvaluator(type, arguments.get(0), (input, positionCount) -> {
                    MapBlock maps = (MapBlock) input;
                    return new ArrayBlock(positionCount, maps.rawNulls(), maps.rawOffsets(), maps.rawValues());
                });
            case "sequence":
                return new FoldingEvaluator(type, arguments, NestedCalls::sequence);
            default:
                throw new StrataException(ErrorCode.FUNCTION_IMPLEMENTATION_MISSING, "No kernel for " + call);
        }
    }

    /** SQL {@code =}, {@code <>} or {@code IS DISTINCT FROM} of two arrays, maps or rows of the same type. */
    static BinaryKernel comparison(Type type, ComparisonOperator operator)
    {
        if (operator != ComparisonOperator.EQUAL && operator != ComparisonOperator.NOT_EQUAL) {
            return ordering(type, operator);
        }
        boolean negate = operator == ComparisonOperator.NOT_EQUAL;
        return (left, right, positionCount) -> {
            boolean[] nulls = Blocks.orNulls(left, right, positionCount);
            byte[] out = new byte[positionCount];
            for (int i = 0; i < positionCount; i++) {
                if (Blocks.isNull(nulls, i)) {
                    continue;
                }
                int result = NestedValues.equal(type, left, i, right, i);
                if (result == NestedValues.INDETERMINATE) {
                    if (nulls == null || nulls == Blocks.rawNulls(left) || nulls == Blocks.rawNulls(right)) {
                        nulls = nulls == null ? new boolean[positionCount] : nulls.clone();
                    }
                    nulls[i] = true;
                }
                else {
                    out[i] = (byte) ((result == NestedValues.TRUE) != negate ? 1 : 0);
                }
            }
            return new ByteArrayBlock(positionCount, nulls, out);
        };
    }

    /** {@code <}, {@code <=}, {@code >}, {@code >=} by {@link NestedValues#order}. */
    private static BinaryKernel ordering(Type type, ComparisonOperator operator)
    {
        if (type instanceof MapType) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, "Maps are not orderable: " + type);
        }
        return (left, right, positionCount) -> {
            boolean[] nulls = Blocks.orNulls(left, right, positionCount);
            byte[] out = new byte[positionCount];
            for (int i = 0; i < positionCount; i++) {
                if (Blocks.isNull(nulls, i)) {
                    continue;
                }
                int comparison = NestedValues.order(type, left, i, right, i);
                boolean result = switch (operator) {
                    case LESS_THAN -> comparison < 0;
                    case LESS_THAN_OR_EQUAL -> comparison <= 0;
                    case GREATER_THAN -> comparison > 0;
                    case GREATER_THAN_OR_EQUAL -> comparison >= 0;
                    case EQUAL -> comparison == 0;
                    case NOT_EQUAL -> comparison != 0;
                };
                out[i] = (byte) (result ? 1 : 0);
            }
            return new ByteArrayBlock(positionCount, nulls, out);
        };
    }

    static BinaryKernel distinctFrom(Type type)
    {
        return (left, right, positionCount) -> {
            byte[] out = new byte[positionCount];
            for (int i = 0; i < positionCount; i++) {
                out[i] = (byte) (NestedValues.identical(type, left, i, right, i) ? 0 : 1);
            }
            return new ByteArrayBlock(positionCount, null, out);
        };
    }

    private static Block arrayConstructor(ArrayType type, Block[] elements, int positionCount)
    {
        int width = elements.length;
        int[] offsets = new int[positionCount + 1];
        for (int i = 0; i < positionCount; i++) {
            offsets[i + 1] = offsets[i] + width;
        }
        if (width == 0) {
            return new ArrayBlock(positionCount, null, offsets, Blocks.nullBlock(type.elementType(), 0));
        }
        // element j of row i goes to position i * width + j: interleave the argument blocks
        int[][] indexes = new int[width][positionCount];
        int[] counts = new int[width];
        for (int j = 0; j < width; j++) {
            for (int i = 0; i < positionCount; i++) {
                indexes[j][i] = i * width + j;
            }
            counts[j] = positionCount;
        }
        Block interleaved = Blocks.merge(type.elementType(), positionCount * width, elements, indexes, counts);
        return new ArrayBlock(positionCount, null, offsets, interleaved);
    }

    private static Block arraySubscript(Type elementType, Block arrayInput, Block indexInput, int positionCount, boolean strict)
    {
        ArrayBlock arrays = (ArrayBlock) arrayInput;
        long[] indexes = ((LongArrayBlock) indexInput).rawValues();
        int[] positions = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = -1;
            if (arrays.isNull(i) || indexInput.isNull(i)) {
                continue;
            }
            long index = indexes[i];
            int length = arrays.getLength(i);
            if (index == 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "SQL array indices start at 1");
            }
            if (strict) {
                if (index < 0) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript is negative: " + index);
                }
                if (index > length) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Array subscript out of bounds");
                }
            }
            if (index > length || -index > length) {
                continue;
            }
            // element_at counts a negative index from the end
            int element = index > 0 ? (int) index - 1 : length + (int) index;
            positions[i] = arrays.getOffset(i) + element;
        }
        return NestedBlocks.gather(elementType, arrays.rawElements(), positions, positionCount);
    }

    private static Block mapSubscript(MapType type, Block mapInput, Block keyInput, int positionCount, boolean strict)
    {
        MapBlock maps = (MapBlock) mapInput;
        int[] positions = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = -1;
            if (maps.isNull(i) || keyInput.isNull(i)) {
                continue;
            }
            int entry = NestedValues.findKey(type.keyType(), maps, i, keyInput, i);
            if (entry < 0 && strict) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key not present in map: " + keyText(type.keyType(), keyInput, i));
            }
            positions[i] = entry;
        }
        return NestedBlocks.gather(type.valueType(), maps.rawValues(), positions, positionCount);
    }

    private static String keyText(Type keyType, Block keys, int position)
    {
        Object value = keys.getValue(position);
        return value instanceof Slice slice ? slice.toStringUtf8() : String.valueOf(value);
    }

    private static Block cardinality(Block input, int positionCount)
    {
        long[] out = new long[positionCount];
        int[] offsets = input instanceof ArrayBlock arrays ? arrays.rawOffsets() : ((MapBlock) input).rawOffsets();
        for (int i = 0; i < positionCount; i++) {
            out[i] = offsets[i + 1] - offsets[i];
        }
        return new LongArrayBlock(positionCount, Blocks.rawNulls(input), out);
    }

    private static Block contains(Type elementType, Block arrayInput, Block valueInput, int positionCount)
    {
        ArrayBlock arrays = (ArrayBlock) arrayInput;
        boolean[] nulls = Blocks.orNulls(arrayInput, valueInput, positionCount);
        boolean[] resultNulls = nulls == null ? null : nulls.clone();
        byte[] out = new byte[positionCount];
        Block elements = arrays.rawElements();
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                continue;
            }
            boolean indeterminate = false;
            int start = arrays.getOffset(i);
            for (int element = start; element < start + arrays.getLength(i); element++) {
                int result = NestedValues.equalOrNull(elementType, elements, element, valueInput, i);
                if (result == NestedValues.TRUE) {
                    out[i] = 1;
                    indeterminate = false;
                    break;
                }
                indeterminate |= result == NestedValues.INDETERMINATE;
            }
            if (indeterminate) {
                // not found, but a null element might have been equal: unknown, as Presto answers
                if (resultNulls == null) {
                    resultNulls = new boolean[positionCount];
                }
                resultNulls[i] = true;
            }
        }
        return new ByteArrayBlock(positionCount, resultNulls, out);
    }

    private static Block arrayPosition(Type elementType, Block arrayInput, Block valueInput, int positionCount)
    {
        ArrayBlock arrays = (ArrayBlock) arrayInput;
        boolean[] nulls = Blocks.orNulls(arrayInput, valueInput, positionCount);
        long[] out = new long[positionCount];
        Block elements = arrays.rawElements();
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                continue;
            }
            int start = arrays.getOffset(i);
            for (int element = start; element < start + arrays.getLength(i); element++) {
                if (NestedValues.equalOrNull(elementType, elements, element, valueInput, i) == NestedValues.TRUE) {
                    out[i] = element - start + 1;
                    break;
                }
            }
        }
        return new LongArrayBlock(positionCount, nulls, out);
    }

    private static Block arrayDistinct(ArrayType type, Block input, int positionCount)
    {
        ArrayBlock arrays = (ArrayBlock) input;
        Block elements = arrays.rawElements();
        Type elementType = type.elementType();
        List<Integer> kept = new ArrayList<>();
        int[] offsets = new int[positionCount + 1];
        for (int i = 0; i < positionCount; i++) {
            int rowStart = kept.size();
            if (!arrays.isNull(i)) {
                int start = arrays.getOffset(i);
                for (int element = start; element < start + arrays.getLength(i); element++) {
                    boolean seen = false;
                    for (int k = rowStart; k < kept.size() && !seen; k++) {
                        seen = NestedValues.identical(elementType, elements, kept.get(k), elements, element);
                    }
                    if (!seen) {
                        kept.add(element);
                    }
                }
            }
            offsets[i + 1] = kept.size();
        }
        int[] positions = kept.stream().mapToInt(Integer::intValue).toArray();
        return new ArrayBlock(positionCount, arrays.rawNulls(), offsets, elements.copyPositions(positions, 0, positions.length));
    }

    private static Block arraySort(ArrayType type, Block input, int positionCount)
    {
        ArrayBlock arrays = (ArrayBlock) input;
        Block elements = arrays.rawElements();
        Type elementType = type.elementType();
        int[] offsets = new int[positionCount + 1];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < positionCount; i++) {
            if (!arrays.isNull(i)) {
                List<Integer> row = new ArrayList<>();
                int start = arrays.getOffset(i);
                for (int element = start; element < start + arrays.getLength(i); element++) {
                    row.add(element);
                }
                // ascending, nulls last, as Presto's array_sort
                row.sort((a, b) -> {
                    boolean aNull = elements.isNull(a);
                    boolean bNull = elements.isNull(b);
                    if (aNull || bNull) {
                        return Boolean.compare(aNull, bNull);
                    }
                    return NestedValues.compare(elementType, elements, a, elements, b);
                });
                order.addAll(row);
            }
            offsets[i + 1] = order.size();
        }
        int[] positions = order.stream().mapToInt(Integer::intValue).toArray();
        return new ArrayBlock(positionCount, arrays.rawNulls(), offsets, elements.copyPositions(positions, 0, positions.length));
    }

    private static Block arrayExtreme(Type elementType, Block input, int positionCount, int sign)
    {
        ArrayBlock arrays = (ArrayBlock) input;
        Block elements = arrays.rawElements();
        int[] positions = new int[positionCount];
        for (int i = 0; i < positionCount; i++) {
            positions[i] = -1;
            if (arrays.isNull(i)) {
                continue;
            }
            int start = arrays.getOffset(i);
            int best = -1;
            for (int element = start; element < start + arrays.getLength(i); element++) {
                if (elements.isNull(element)) {
                    // Presto: a null element makes the result null
                    best = -1;
                    break;
                }
                if (best < 0 || sign * NestedValues.compare(elementType, elements, element, elements, best) > 0) {
                    best = element;
                }
            }
            positions[i] = best;
        }
        return NestedBlocks.gather(elementType, elements, positions, positionCount);
    }

    private static Block arrayJoin(UnaryKernel toVarchar, Block[] blocks, int positionCount)
    {
        ArrayBlock arrays = (ArrayBlock) blocks[0];
        VariableWidthBlock delimiters = (VariableWidthBlock) blocks[1];
        VariableWidthBlock replacements = blocks.length > 2 ? (VariableWidthBlock) blocks[2] : null;
        boolean[] nulls = Blocks.orNulls(arrays, delimiters, positionCount);
        if (replacements != null) {
            nulls = Blocks.orNulls(nulls, replacements.rawNulls(), positionCount);
        }
        Block elementBlock = arrays.rawElements();
        VariableWidthBlock elements = (VariableWidthBlock) toVarchar.apply(elementBlock, elementBlock.positionCount());
        VariableWidthBlockBuilder builder = new VariableWidthBlockBuilder(positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            StringBuilderBytes text = new StringBuilderBytes();
            boolean first = true;
            int start = arrays.getOffset(i);
            for (int element = start; element < start + arrays.getLength(i); element++) {
                Slice value;
                if (elements.isNull(element)) {
                    if (replacements == null) {
                        continue;
                    }
                    value = replacements.getSlice(i);
                }
                else {
                    value = elements.getSlice(element);
                }
                if (!first) {
                    text.append(delimiters.getSlice(i));
                }
                text.append(value);
                first = false;
            }
            builder.appendBytes(text.bytes, 0, text.length);
        }
        return builder.build();
    }

    /** A growable byte buffer for building one string. */
    private static final class StringBuilderBytes
    {
        private byte[] bytes = new byte[32];
        private int length;

        void append(Slice slice)
        {
            if (length + slice.length() > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + slice.length()));
            }
            slice.getBytes(0, bytes, length, slice.length());
            length += slice.length();
        }
    }

    private static Block arrayConcat(ArrayType type, Block[] blocks, int positionCount)
    {
        boolean[] nulls = null;
        for (Block block : blocks) {
            nulls = Blocks.orNulls(nulls, Blocks.rawNulls(block), positionCount);
        }
        ArrayBlockBuilder builder = (ArrayBlockBuilder) type.createBlockBuilder(positionCount);
        BlockBuilder elementBuilder = builder.elementBuilder();
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            for (Block block : blocks) {
                ArrayBlock arrays = (ArrayBlock) block;
                int start = arrays.getOffset(i);
                for (int element = start; element < start + arrays.getLength(i); element++) {
                    elementBuilder.appendFrom(arrays.rawElements(), element);
                }
            }
            builder.closeEntry();
        }
        return builder.build();
    }

    private static Block split(Block[] blocks, int positionCount)
    {
        VariableWidthBlock strings = (VariableWidthBlock) blocks[0];
        VariableWidthBlock delimiters = (VariableWidthBlock) blocks[1];
        LongArrayBlock limits = blocks.length > 2 ? (LongArrayBlock) blocks[2] : null;
        boolean[] nulls = Blocks.orNulls(strings, delimiters, positionCount);
        if (limits != null) {
            nulls = Blocks.orNulls(nulls, limits.rawNulls(), positionCount);
        }
        ArrayBlockBuilder builder = new ArrayBlockBuilder(new VariableWidthBlockBuilder(positionCount * 2), positionCount);
        VariableWidthBlockBuilder elements = (VariableWidthBlockBuilder) builder.elementBuilder();
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            Slice string = strings.getSlice(i);
            Slice delimiter = delimiters.getSlice(i);
            long limit = limits == null ? Long.MAX_VALUE : limits.rawValues()[i];
            if (limit <= 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Limit must be positive");
            }
            if (delimiter.length() == 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "The delimiter may not be the empty string");
            }
            int start = 0;
            long parts = 1;
            while (parts < limit) {
                int found = string.indexOf(delimiter, start);
                if (found < 0) {
                    break;
                }
                elements.appendSlice(string, start, found - start);
                start = found + delimiter.length();
                parts++;
            }
            elements.appendSlice(string, start, string.length() - start);
            builder.closeEntry();
        }
        return builder.build();
    }

    private static Block mapConstructor(MapType type, Block keyInput, Block valueInput, int positionCount)
    {
        ArrayBlock keyArrays = (ArrayBlock) keyInput;
        ArrayBlock valueArrays = (ArrayBlock) valueInput;
        boolean[] nulls = Blocks.orNulls(keyInput, valueInput, positionCount);
        int[] offsets = new int[positionCount + 1];
        int[] keyPositions = new int[keyArrays.rawElements().positionCount()];
        int[] valuePositions = new int[valueArrays.rawElements().positionCount()];
        int count = 0;
        Block keys = keyArrays.rawElements();
        for (int i = 0; i < positionCount; i++) {
            if (!Blocks.isNull(nulls, i)) {
                int length = keyArrays.getLength(i);
                if (length != valueArrays.getLength(i)) {
                    throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Key and value arrays must be the same length");
                }
                int keyStart = keyArrays.getOffset(i);
                for (int j = 0; j < length; j++) {
                    int key = keyStart + j;
                    if (keys.isNull(key)) {
                        throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "map key cannot be null");
                    }
                    for (int k = keyStart; k < key; k++) {
                        if (NestedValues.identical(type.keyType(), keys, k, keys, key)) {
                            throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "Duplicate map keys (" + keyText(type.keyType(), keys, key) + ") are not allowed");
                        }
                    }
                    keyPositions[count] = key;
                    valuePositions[count] = valueArrays.getOffset(i) + j;
                    count++;
                }
            }
            offsets[i + 1] = count;
        }
        return new MapBlock(positionCount, nulls, offsets,
                keys.copyPositions(keyPositions, 0, count),
                valueArrays.rawElements().copyPositions(valuePositions, 0, count));
    }

    private static Block sequence(Block[] blocks, int positionCount)
    {
        LongArrayBlock starts = (LongArrayBlock) blocks[0];
        LongArrayBlock stops = (LongArrayBlock) blocks[1];
        LongArrayBlock steps = blocks.length > 2 ? (LongArrayBlock) blocks[2] : null;
        boolean[] nulls = Blocks.orNulls(starts, stops, positionCount);
        if (steps != null) {
            nulls = Blocks.orNulls(nulls, steps.rawNulls(), positionCount);
        }
        LongBlockBuilder elements = new LongBlockBuilder(positionCount);
        ArrayBlockBuilder builder = new ArrayBlockBuilder(elements, positionCount);
        for (int i = 0; i < positionCount; i++) {
            if (Blocks.isNull(nulls, i)) {
                builder.appendNull();
                continue;
            }
            long start = starts.rawValues()[i];
            long stop = stops.rawValues()[i];
            long step = steps == null ? (start <= stop ? 1 : -1) : steps.rawValues()[i];
            if (step == 0) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "step must not be zero");
            }
            if ((step > 0 && start > stop) || (step < 0 && start < stop)) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start");
            }
            long length = (stop - start) / step + 1;
            if (length > 10_000) {
                throw new StrataException(ErrorCode.INVALID_FUNCTION_ARGUMENT, "result of sequence function must not have more than 10000 entries");
            }
            for (long k = 0; k < length; k++) {
                elements.appendLong(start + k * step);
            }
            builder.closeEntry();
        }
        return builder.build();
    }
}
