package io.strata.core.metadata;

import io.strata.spi.type.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * One overload of a function or operator: what each argument position accepts (the last one repeats when
 * {@code variadic}), and the return type as a function of the bound argument types.
 *
 * @param name the name calls carry in the IR
 * @param displayName the name messages and {@code SHOW FUNCTIONS} show ({@code abs}, {@code +})
 * @param returnTypeDisplay the return type as {@code SHOW FUNCTIONS} shows it ({@code decimal(p,s)})
 */
public record FunctionSignature(
        String name,
        String displayName,
        FunctionKind kind,
        List<ArgumentPattern> arguments,
        boolean variadic,
        Function<List<Type>, Type> returnType,
        String returnTypeDisplay,
        String description)
{
    public FunctionSignature
    {
        requireNonNull(name, "name is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(kind, "kind is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        requireNonNull(returnType, "returnType is null");
        requireNonNull(returnTypeDisplay, "returnTypeDisplay is null");
        requireNonNull(description, "description is null");
        if (variadic && arguments.isEmpty()) {
            throw new IllegalArgumentException("a variadic signature needs an argument to repeat");
        }
    }

    /** Binds actual argument types, or empty when this overload does not take them. */
    public Optional<ResolvedFunction> bind(List<Type> actualTypes)
    {
        if (variadic ? actualTypes.size() < arguments.size() : actualTypes.size() != arguments.size()) {
            return Optional.empty();
        }
        List<Type> bound = new ArrayList<>();
        for (int i = 0; i < actualTypes.size(); i++) {
            ArgumentPattern pattern = arguments.get(Math.min(i, arguments.size() - 1));
            Optional<Type> type = pattern.bind(actualTypes.get(i));
            if (type.isEmpty()) {
                return Optional.empty();
            }
            bound.add(type.get());
        }
        return Optional.of(new ResolvedFunction(name, kind, bound, returnType.apply(List.copyOf(bound))));
    }

    /** The argument list as messages show it: {@code integer, bigint} or {@code varchar(x)...}. */
    public String argumentsDisplay()
    {
        return arguments.stream().map(ArgumentPattern::display).collect(Collectors.joining(", ")) + (variadic ? "..." : "");
    }

    /** {@code abs(decimal(p,s))}. */
    public String display()
    {
        return displayName + "(" + argumentsDisplay() + ")";
    }
}
