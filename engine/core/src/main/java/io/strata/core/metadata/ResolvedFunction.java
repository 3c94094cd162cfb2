package io.strata.core.metadata;

import io.strata.spi.type.Type;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A function or operator bound to argument types: {@code name} is what the IR carries ({@code $add},
 * {@code substr}, {@code sum}); {@code argumentTypes} are the types the implementation takes, to which the
 * analyzer casts the actual arguments where they differ; {@code returnType} what it returns.
 */
public record ResolvedFunction(String name, FunctionKind kind, List<Type> argumentTypes, Type returnType)
{
    public ResolvedFunction
    {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        argumentTypes = List.copyOf(requireNonNull(argumentTypes, "argumentTypes is null"));
        requireNonNull(returnType, "returnType is null");
    }
}
