package io.strata.core.expression;

/**
 * Names of the {@link Call}s that build and take apart arrays, maps and rows (the functions over them, such
 * as {@code cardinality} or {@code element_at}, use their SQL names).
 */
public final class NestedFunctionNames
{
    /** {@code ARRAY[a, b, ...]}. */
    public static final String ARRAY_CONSTRUCTOR = "$array";
    /** {@code ROW(a, b, ...)}. */
    public static final String ROW_CONSTRUCTOR = "$row";
    /** {@code value[index]} of an array (1-based) or a map (by key). */
    public static final String SUBSCRIPT = "$subscript";
    /** {@code row.field}: the row and the 0-based field index as a bigint constant. */
    public static final String FIELD = "$field";

    private NestedFunctionNames() {}
}
