package io.strata.core.expression;

import java.util.Set;

/**
 * Names of the operators as {@link Call}s carry them. Scalar functions use their SQL names in lower case
 * ({@code substr}, {@code lower}, {@code abs}, {@code round}, {@code year}, ...).
 * <p>
 * Decimal arithmetic follows Presto's rules; the analyzer fixes the result type and execution computes
 * exactly that type, raising {@code NUMERIC_VALUE_OUT_OF_RANGE} on overflow and {@code DIVISION_BY_ZERO}:
 * <ul>
 * <li>add/subtract: {@code decimal(min(38, 1 + max(p1 - s1, p2 - s2) + max(s1, s2)), max(s1, s2))}</li>
 * <li>multiply: {@code decimal(min(38, p1 + p2), s1 + s2)}</li>
 * <li>divide: {@code decimal(min(38, p1 + s2 + max(0, s2 - s1)), max(s1, s2))}, rounded half up</li>
 * <li>modulus: {@code decimal(min(p2 - s2, p1 - s1) + max(s1, s2), max(s1, s2))}</li>
 * </ul>
 * Integer division truncates toward zero. Date plus or minus an interval day-to-second adds whole days;
 * plus or minus an interval year-to-month adds months (clamping the day of month).
 */
public final class FunctionNames
{
    public static final String ADD = "$add";
    public static final String SUBTRACT = "$subtract";
    public static final String MULTIPLY = "$multiply";
    public static final String DIVIDE = "$divide";
    public static final String MODULUS = "$modulus";
    public static final String NEGATE = "$negate";
    public static final String EQUAL = "$equal";
    public static final String NOT_EQUAL = "$not_equal";
    public static final String LESS_THAN = "$less_than";
    public static final String LESS_THAN_OR_EQUAL = "$less_than_or_equal";
    public static final String GREATER_THAN = "$greater_than";
    public static final String GREATER_THAN_OR_EQUAL = "$greater_than_or_equal";
    public static final String IS_DISTINCT_FROM = "$is_distinct_from";
    public static final String NOT = "$not";
    /** {@code like(value, pattern)} or {@code like(value, pattern, escape)}. */
    public static final String LIKE = "$like";
    public static final String CONCAT = "concat";
    /** Functions whose result differs between calls with the same arguments: never duplicated or moved by the optimizer. */
    public static final Set<String> NON_DETERMINISTIC = Set.of("random", "rand", "uuid", "shuffle");

    private FunctionNames() {}
}
