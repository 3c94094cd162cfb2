package io.strata.sql.tree;

/**
 * A constant written in the statement.
 */
public sealed interface Literal
        extends Expression
        permits NullLiteral,
                BooleanLiteral,
                LongLiteral,
                DecimalLiteral,
                DoubleLiteral,
                StringLiteral,
                GenericLiteral,
                IntervalLiteral
{
}
