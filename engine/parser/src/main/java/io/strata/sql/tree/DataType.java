package io.strata.sql.tree;

import io.strata.spi.Location;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A type as written, for the analyzer to resolve: a lowercase name and its parameters.
 * <p>
 * Names: {@code boolean}, {@code tinyint}, {@code smallint}, {@code integer} (also written {@code int}),
 * {@code bigint}, {@code real}, {@code double} (also {@code double precision}), {@code decimal},
 * {@code varchar}, {@code char}, {@code varbinary}, {@code date}, {@code time}, {@code timestamp},
 * {@code time with time zone}, {@code timestamp with time zone}, {@code interval day to second},
 * {@code interval year to month} (or any other {@code interval f [to f]}), {@code array}, {@code map},
 * {@code row}, or any other name written as an identifier (kept as written if quoted).
 * <p>
 * Parameters: numbers for {@code decimal(p, s)}, {@code varchar(n)}, {@code char(n)} and the precision of
 * {@code time(p)} and {@code timestamp(p)} (also with time zone); types for {@code array(T)} and
 * {@code map(K, V)}; fields for {@code row(name T, ...)}.
 */
public record DataType(Optional<Location> location, String name, List<Parameter> parameters)
        implements Node
{
    public DataType
    {
        requireNonNull(location, "location is null");
        requireNonNull(name, "name is null");
        parameters = List.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public DataType(String name, List<Parameter> parameters)
    {
        this(Optional.empty(), name, parameters);
    }

    /** A type without parameters, such as {@code bigint}. */
    public DataType(String name)
    {
        this(Optional.empty(), name, List.of());
    }

    @Override
    public <R, C> R accept(AstVisitor<R, C> visitor, C context)
    {
        return visitor.visitDataType(this, context);
    }

    @Override
    public List<Node> children()
    {
        List<Node> children = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter instanceof TypeParameter typeParameter) {
                children.add(typeParameter.type());
            }
            else if (parameter instanceof RowField rowField) {
                children.add(rowField.type());
            }
        }
        return List.copyOf(children);
    }

    @Override
    public boolean equals(Object other)
    {
        return NodeEquality.equals(this, other);
    }

    @Override
    public int hashCode()
    {
        return NodeEquality.hashCode(this);
    }

    /** A parameter of a type: a number, a type, or a field of a row type. */
    public sealed interface Parameter
            permits NumericParameter, TypeParameter, RowField
    {}

    /** A number: a length, a precision or a scale. */
    public record NumericParameter(long value)
            implements Parameter
    {}

    /** A type, such as the element type of {@code array(T)}. */
    public record TypeParameter(DataType type)
            implements Parameter
    {
        public TypeParameter
        {
            requireNonNull(type, "type is null");
        }
    }

    /** A field of a row type: {@code name type}, or just {@code type} for an anonymous field. */
    public record RowField(Optional<Identifier> name, DataType type)
            implements Parameter
    {
        public RowField
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}
