package io.strata.sql.tree;

/**
 * A scalar expression.
 */
public sealed interface Expression
        extends Node
        permits Literal,
                Identifier,
                DereferenceExpression,
                Parameter,
                ArithmeticBinary,
                ArithmeticUnary,
                ComparisonExpression,
                LogicalExpression,
                NotExpression,
                IsNullPredicate,
                IsNotNullPredicate,
                BetweenPredicate,
                InListPredicate,
                InSubqueryPredicate,
                LikePredicate,
                ExistsPredicate,
                SubqueryExpression,
                QuantifiedComparison,
                SimpleCaseExpression,
                SearchedCaseExpression,
                Cast,
                Extract,
                CoalesceExpression,
                NullIfExpression,
                IfExpression,
                FunctionCall,
                CurrentTime,
                ArrayConstructor,
                SubscriptExpression,
                Row
{
}
