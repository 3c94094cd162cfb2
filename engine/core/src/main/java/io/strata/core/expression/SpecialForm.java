package io.strata.core.expression;

import io.strata.spi.type.Type;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Expressions whose evaluation is not "evaluate all arguments, then apply": they short-circuit, treat
 * null specially or take a type as an argument.
 */
public record SpecialForm(Form form, List<RowExpression> arguments, Type type)
        implements RowExpression
{
    public enum Form
    {
        /** {@code a AND b AND ...}: three-valued. */
        AND,
        /** {@code a OR b OR ...}: three-valued. */
        OR,
        /** {@code IF(condition, then, else)}; {@code else} may be a null constant. */
        IF,
        /** {@code COALESCE(a, b, ...)}. */
        COALESCE,
        /** {@code NULLIF(a, b)}. */
        NULL_IF,
        /** {@code a IS NULL} (boolean, never null). */
        IS_NULL,
        /** {@code value IN (a, b, ...)}: argument 0 is the value. */
        IN,
        /** {@code value BETWEEN low AND high}. */
        BETWEEN,
        /** {@code CAST(value AS type)}: the target is {@link SpecialForm#type()}; failures raise errors. */
        CAST,
        /** {@code TRY_CAST(value AS type)}: failures give null. */
        TRY_CAST,
        /**
         * Searched CASE: arguments are {@code when1, then1, when2, then2, ..., else} (else always present,
         * possibly a null constant).
         */
        SWITCH,
    }

    public SpecialForm
    {
        requireNonNull(form, "form is null");
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
        return visitor.visitSpecialForm(this, context);
    }

    @Override
    public String toString()
    {
        return form + arguments.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")")) + "::" + type;
    }
}
