package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A literal. {@code value} is of the Java class of the type's {@link io.strata.spi.type.ValueLayout}
 * ({@code Long} for bigint and short decimal, {@code Integer} for integer and date, {@code Double},
 * {@code Boolean}, {@code Int128} for long decimal, {@code Slice} for varchar), or {@code null} for NULL.
 */
public record Constant(Object value, Type type)
        implements RowExpression
{
    public Constant
    {
        requireNonNull(type, "type is null");
    }

    public static Constant nullConstant(Type type)
    {
        return new Constant(null, type);
    }

    public boolean isNull()
    {
        return value == null;
    }

    @Override
    public List<RowExpression> children()
    {
        return List.of();
    }

    @Override
    public <R, C> R accept(RowExpressionVisitor<R, C> visitor, C context)
    {
        return visitor.visitConstant(this, context);
    }

    @Override
    public boolean equals(Object other)
    {
        if (!(other instanceof Constant)) {
            return false;
        }
        Constant that = (Constant) other;
        return Objects.equals(value, that.value) && type.equals(that.type);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(value, type);
    }

    @Override
    public String toString()
    {
        return value == null ? "null" : value + "::" + type;
    }
}
