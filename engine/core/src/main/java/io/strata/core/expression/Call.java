package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * A resolved scalar function or operator. {@code functionName} is one of {@link FunctionNames} (operators)
 * or a scalar function's SQL name in lower case; the argument types and {@code type} are exactly what the
 * implementation receives and returns (the analyzer inserted casts), so execution picks a kernel from
 * them without resolving anything again.
 */
public record Call(String functionName, List<RowExpression> arguments, Type type)
        implements RowExpression
{
    public Call
    {
        requireNonNull(functionName, "functionName is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(type, "type is null");
    }

    @Override
    public List<RowExpression> children()
    {
        return arguments;
    }

    @Override
    public <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitCall(this, context);
    }

    @Override
    public String toString()
    {
        return functionName + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
