package io.strata.core.execution.expression;

import io.strata.core.expression.FunctionNames;

import java.util.Optional;

/**
 * The comparison operators, each with its truth table over the outcome of comparing two values: less,
 * equal, greater, unordered (a NaN), so that kernels map a comparison to a boolean without branching.
 */
public enum ComparisonOperator
{
    EQUAL(FunctionNames.EQUAL, 0, 1, 0, 0),
    NOT_EQUAL(FunctionNames.NOT_EQUAL, 1, 0, 1, 1),
    LESS_THAN(FunctionNames.LESS_THAN, 1, 0, 0, 0),
    LESS_THAN_OR_EQUAL(FunctionNames.LESS_THAN_OR_EQUAL, 1, 1, 0, 0),
    GREATER_THAN(FunctionNames.GREATER_THAN, 0, 0, 1, 0),
    GREATER_THAN_OR_EQUAL(FunctionNames.GREATER_THAN_OR_EQUAL, 0, 1, 1, 0);

    private final String functionName;
    private final byte[] table;

    ComparisonOperator(String functionName, int less, int equal, int greater, int unordered)
    {
        this.functionName = functionName;
        this.table = new byte[] {(byte) less, (byte) equal, (byte) greater, (byte) unordered};
    }

    /**
     * The result for each outcome, indexed by {@code compare + 1} (0 less, 1 equal, 2 greater) and 3 for unordered.
     * A copy: the caller may keep it.
     */
    public byte[] truthTable()
    {
        return table.clone();
    }

    public static Optional<ComparisonOperator> fromFunctionName(String name)
    {
        for (ComparisonOperator operator : values()) {
            if (operator.functionName.equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
