package io.strata.core.optimizer;

import io.strata.core.expression.Call;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SymbolReference;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.Assignment;
import io.strata.core.planner.plan.JoinNode;
import io.strata.core.planner.plan.JoinNode.EquiJoinClause;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.core.planner.plan.ProjectNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.strata.spi.type.BooleanType.BOOLEAN;

/**
 * Makes a join from its sides and its conditions: each equality of an expression of the left side and one of the
 * right becomes a criterion (its sides computed into symbols by a projection over their input when they are not
 * symbols, and cast to a common type when their types differ, so that the hash join compares equal layouts); the
 * other conditions become the join's filter.
 */
final class EquiJoins
{
    private EquiJoins() {}

    static JoinNode join(PlanNodeId id, JoinNode.Type type, PlanNode left, PlanNode right, List<RowExpression> conditions, OptimizerContext context)
    {
        return join(id, type, left, right, conditions, false, context);
    }

    static JoinNode join(PlanNodeId id, JoinNode.Type type, PlanNode left, PlanNode right, List<RowExpression> conditions, boolean singleMatch,
            OptimizerContext context)
    {
        Set<Symbol> leftSymbols = new HashSet<>(left.outputSymbols());
        Set<Symbol> rightSymbols = new HashSet<>(right.outputSymbols());
        List<Assignment> leftKeys = identity(left.outputSymbols());
        List<Assignment> rightKeys = identity(right.outputSymbols());
        List<EquiJoinClause> criteria = new ArrayList<>();
        List<RowExpression> filter = new ArrayList<>();
        for (RowExpression condition : List.copyOf(new LinkedHashSet<>(conditions))) {
            Optional<EquiJoinClause> clause = Optional.empty();
            if (condition instanceof Call call && call.functionName().equals(FunctionNames.EQUAL) && call.arguments().size() == 2) {
                RowExpression first = call.arguments().get(0);
                RowExpression second = call.arguments().get(1);
                if (within(first, leftSymbols) && within(second, rightSymbols)) {
                    clause = clause(first, second, leftKeys, rightKeys, context);
                }
                else if (within(second, leftSymbols) && within(first, rightSymbols)) {
                    clause = clause(second, first, leftKeys, rightKeys, context);
                }
            }
            if (clause.isPresent()) {
                if (!criteria.contains(clause.get())) {
                    criteria.add(clause.get());
                }
            }
            else {
                filter.add(condition);
            }
        }
        PlanNode newLeft = leftKeys.size() == left.outputSymbols().size() ? left : new ProjectNode(context.idAllocator().nextId(), left, leftKeys);
        PlanNode newRight = rightKeys.size() == right.outputSymbols().size() ? right : new ProjectNode(context.idAllocator().nextId(), right, rightKeys);
        Optional<RowExpression> joinFilter = filter.isEmpty() ? Optional.empty() : Optional.of(Expressions.and(filter));
        return new JoinNode(id, type, newLeft, newRight, criteria, joinFilter, singleMatch);
    }

    /** The conditions a join holds: its criteria as equalities, then its filter's conjuncts. */
    static List<RowExpression> conditions(JoinNode node)
    {
        List<RowExpression> conditions = new ArrayList<>();
        node.criteria().forEach(clause -> conditions.add(new Call(FunctionNames.EQUAL,
                List.of(new SymbolReference(clause.left()), new SymbolReference(clause.right())), BOOLEAN)));
        node.filter().ifPresent(filter -> conditions.addAll(Expressions.conjuncts(filter)));
        return conditions;
    }

    private static Optional<EquiJoinClause> clause(RowExpression left, RowExpression right, List<Assignment> leftKeys, List<Assignment> rightKeys,
            OptimizerContext context)
    {
        Type leftType = left.type();
        Type rightType = right.type();
        boolean varchars = leftType instanceof VarcharType && rightType instanceof VarcharType;
        RowExpression leftKey = left;
        RowExpression rightKey = right;
        if (!varchars && !leftType.equals(rightType)) {
            Optional<Type> common = TypeCoercion.commonSuperType(leftType, rightType);
            if (common.isEmpty()) {
                return Optional.empty();
            }
            leftKey = cast(left, common.get());
            rightKey = cast(right, common.get());
        }
        return Optional.of(new EquiJoinClause(keySymbol(leftKey, leftKeys, context), keySymbol(rightKey, rightKeys, context)));
    }

    private static RowExpression cast(RowExpression expression, Type type)
    {
        return expression.type().equals(type) ? expression : new SpecialForm(SpecialForm.Form.CAST, List.of(expression), type);
    }

    private static Symbol keySymbol(RowExpression expression, List<Assignment> assignments, OptimizerContext context)
    {
        if (expression instanceof SymbolReference reference) {
            return reference.symbol();
        }
        for (Assignment assignment : assignments) {
            if (assignment.expression().equals(expression)) {
                return assignment.symbol();
            }
        }
        Symbol symbol = context.symbolAllocator().newSymbol("expr", expression.type());
        assignments.add(new Assignment(symbol, expression));
        return symbol;
    }

    private static boolean within(RowExpression expression, Set<Symbol> symbols)
    {
        Set<Symbol> referenced = Expressions.symbolsReferenced(expression);
        return !referenced.isEmpty() && symbols.containsAll(referenced);
    }

    static List<Assignment> identity(List<Symbol> symbols)
    {
        List<Assignment> assignments = new ArrayList<>();
        for (Symbol symbol : symbols) {
            assignments.add(new Assignment(symbol, new SymbolReference(symbol)));
        }
        return assignments;
    }
}
