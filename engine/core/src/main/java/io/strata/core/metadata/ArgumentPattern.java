package io.strata.core.metadata;

import io.strata.spi.type.BigintType;
import io.strata.spi.type.CharType;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.IntegerType;
import io.strata.spi.type.SmallintType;
import io.strata.spi.type.TinyintType;
import io.strata.spi.type.Type;
import io.strata.spi.type.UnknownType;
import io.strata.spi.type.VarcharType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What an overload accepts in one argument position, and the type an actual argument is bound to there.
 */
public sealed interface ArgumentPattern
        permits ArgumentPattern.Exact, ArgumentPattern.AnyDecimal, ArgumentPattern.AnyVarchar, ArgumentPattern.AnyType, ArgumentPattern.AnyChar
{
    /** The type the implementation takes for an argument of type {@code actual}, or empty if it cannot take it. */
    Optional<Type> bind(Type actual);

    /** How signatures in messages show this position. */
    String display();

    static ArgumentPattern exact(Type type)
    {
        return new Exact(type);
    }

    static ArgumentPattern anyDecimal()
    {
        return new AnyDecimal();
    }

    static ArgumentPattern anyVarchar()
    {
        return new AnyVarchar();
    }

    static ArgumentPattern anyType()
    {
        return new AnyType();
    }

    static ArgumentPattern anyChar()
    {
        return new AnyChar();
    }

    /** {@code char(x)} of any length, taken as it is. */
    record AnyChar()
            implements ArgumentPattern
    {
        @Override
        public Optional<Type> bind(Type actual)
        {
            return actual instanceof CharType ? Optional.of(actual) : Optional.empty();
        }

        @Override
        public String display()
        {
            return "char(x)";
        }
    }

    /** Exactly this type; arguments that coerce to it implicitly are cast. */
    record Exact(Type type)
            implements ArgumentPattern
    {
        public Exact
        {
            requireNonNull(type, "type is null");
        }

        @Override
        public Optional<Type> bind(Type actual)
        {
            return TypeCoercion.canCoerce(actual, type) ? Optional.of(type) : Optional.empty();
        }

        @Override
        public String display()
        {
            return type.displayName();
        }
    }

    /** {@code decimal(p,s)} for any p and s; {@code integer} and {@code bigint} widen to their decimals. */
    record AnyDecimal()
            implements ArgumentPattern
    {
        @Override
        public Optional<Type> bind(Type actual)
        {
            if (actual instanceof DecimalType || actual instanceof IntegerType || actual instanceof BigintType || actual instanceof TinyintType || actual instanceof SmallintType) {
                return Optional.of(TypeCoercion.asDecimal(actual));
            }
            return Optional.empty();
        }

        @Override
        public String display()
        {
            return "decimal(p,s)";
        }
    }

    /** {@code varchar(x)} of any length; {@code unknown} binds to unbounded {@code varchar}. */
    record AnyVarchar()
            implements ArgumentPattern
    {
        @Override
        public Optional<Type> bind(Type actual)
        {
            if (actual instanceof VarcharType) {
                return Optional.of(actual);
            }
            if (actual instanceof UnknownType) {
                return Optional.of(VarcharType.VARCHAR);
            }
            return Optional.empty();
        }

        @Override
        public String display()
        {
            return "varchar(x)";
        }
    }

    /** Any type, taken as it is. */
    record AnyType()
            implements ArgumentPattern
    {
        @Override
        public Optional<Type> bind(Type actual)
        {
            return Optional.of(actual);
        }

        @Override
        public String display()
        {
            return "T";
        }
    }
}
