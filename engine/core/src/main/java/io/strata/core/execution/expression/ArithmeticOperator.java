package io.strata.core.execution.expression;

import io.strata.core.expression.FunctionNames;

import java.util.Optional;

/**
 * The binary arithmetic operators, by their IR names.
 */
public enum ArithmeticOperator
{
    ADD(FunctionNames.ADD, "addition", "+"),
    SUBTRACT(FunctionNames.SUBTRACT, "subtraction", "-"),
    MULTIPLY(FunctionNames.MULTIPLY, "multiplication", "*"),
    DIVIDE(FunctionNames.DIVIDE, "division", "/"),
    MODULUS(FunctionNames.MODULUS, "modulus", "%");

    private final String functionName;
    private final String description;
    private final String symbol;

    ArithmeticOperator(String functionName, String description, String symbol)
    {
        this.functionName = functionName;
        this.description = description;
        this.symbol = symbol;
    }

    public String description()
    {
        return description;
    }

    public String symbol()
    {
        return symbol;
    }

    public static Optional<ArithmeticOperator> fromFunctionName(String name)
    {
        for (ArithmeticOperator operator : values()) {
            if (operator.functionName.equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
