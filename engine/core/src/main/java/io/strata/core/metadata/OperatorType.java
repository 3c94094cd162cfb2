package io.strata.core.metadata;

import io.strata.core.expression.FunctionNames;

import static java.util.Objects.requireNonNull;

/**
 * The operators of SQL, with the name their {@link io.strata.core.expression.Call}s carry and the symbol
 * error messages show.
 */
public enum OperatorType
{
    ADD(FunctionNames.ADD, "+"),
    SUBTRACT(FunctionNames.SUBTRACT, "-"),
    MULTIPLY(FunctionNames.MULTIPLY, "*"),
    DIVIDE(FunctionNames.DIVIDE, "/"),
    MODULUS(FunctionNames.MODULUS, "%"),
    NEGATE(FunctionNames.NEGATE, "-"),
    EQUAL(FunctionNames.EQUAL, "="),
    NOT_EQUAL(FunctionNames.NOT_EQUAL, "<>"),
    LESS_THAN(FunctionNames.LESS_THAN, "<"),
    LESS_THAN_OR_EQUAL(FunctionNames.LESS_THAN_OR_EQUAL, "<="),
    GREATER_THAN(FunctionNames.GREATER_THAN, ">"),
    GREATER_THAN_OR_EQUAL(FunctionNames.GREATER_THAN_OR_EQUAL, ">="),
    IS_DISTINCT_FROM(FunctionNames.IS_DISTINCT_FROM, "IS DISTINCT FROM");

    private final String functionName;
    private final String symbol;

    OperatorType(String functionName, String symbol)
    {
        this.functionName = requireNonNull(functionName, "functionName is null");
        this.symbol = requireNonNull(symbol, "symbol is null");
    }

    /** The name a {@link io.strata.core.expression.Call} of this operator carries ({@code $add}, ...). */
    public String functionName()
    {
        return functionName;
    }

    /** How SQL writes the operator. */
    public String symbol()
    {
        return symbol;
    }

    public boolean isComparison()
    {
        switch (this) {
            case EQUAL:
            case NOT_EQUAL:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
            case IS_DISTINCT_FROM:
                return true;
            case ADD:
            case SUBTRACT:
            case MULTIPLY:
            case DIVIDE:
            case MODULUS:
            case NEGATE:
                return false;
        }
        throw new AssertionError("unknown operator " + this);
    }
}
