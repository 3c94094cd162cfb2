package io.strata.core.analyzer;

import io.strata.core.analyzer.BoundSubquery.Kind;
import io.strata.core.expression.InputReference;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SubqueryReference;
import io.strata.core.metadata.OperatorType;
import io.strata.core.metadata.TypeCoercion;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static io.strata.spi.type.BooleanType.BOOLEAN;
import static java.util.Objects.requireNonNull;

/**
 * Binds the subqueries of expressions: analyzes each (with the clause's scope as its outer scope, so that it may
 * be correlated), records it as a {@link BoundSubquery} and stands a {@link SubqueryReference} in its place. One
 * per statement; the recorded subqueries go into the {@link QueryAnalysis}.
 */
final class SubqueryAnalyzer
{
    private final QueryAnalyzer queries;
    private final List<BoundSubquery> subqueries = new ArrayList<>();

    SubqueryAnalyzer(QueryAnalyzer queries)
    {
        this.queries = requireNonNull(queries, "queries is null");
    }

    List<BoundSubquery> subqueries()
    {
        return List.copyOf(subqueries);
    }

    /** {@code (SELECT ...)} as a value. */
    RowExpression scalar(Query query, Scope scope, Node node)
    {
        BoundRelation relation = singleColumn(query, scope, node);
        Type type = relation.type().field(0).type();
        return register(new BoundSubquery(Kind.SCALAR, relation, Optional.empty(), Optional.empty(), type));
    }

    RowExpression exists(Query query, Scope scope)
    {
        BoundRelation relation = queries.analyzeSubquery(query, scope);
        return register(new BoundSubquery(Kind.EXISTS, relation, Optional.empty(), Optional.empty(), BOOLEAN));
    }

    /** {@code value IN (query)}, or with a comparison and a quantifier {@code value op ANY|ALL (query)}. */
    RowExpression in(RowExpression value, Query query, Scope scope, Kind kind, Optional<OperatorType> comparison, Node node)
    {
        BoundRelation relation = singleColumn(query, scope, node);
        Type fieldType = relation.type().field(0).type();
        Type common = TypeCoercion.commonSuperType(value.type(), fieldType)
                .orElseThrow(() -> new StrataException(ErrorCode.TYPE_MISMATCH, node.location(),
                        "Value expression and result of subquery must be of the same type: " + value.type() + " vs " + fieldType, null));
        if (kind != Kind.IN && !common.isOrderable() && comparison.map(operator -> operator != OperatorType.EQUAL && operator != OperatorType.NOT_EQUAL).orElse(false)) {
            throw new StrataException(ErrorCode.TYPE_MISMATCH, node.location(), "Type " + common + " is not orderable", null);
        }
        RowExpression coercedValue = ExpressionAnalyzer.coerce(value, common);
        BoundRelation coercedRelation = relation;
        if (!fieldType.equals(common)) {
            RowExpression cast = ExpressionAnalyzer.coerce(new InputReference(0, fieldType), common);
            RelationType type = new RelationType(List.of(Field.unqualified(relation.type().field(0).name(), common)));
            coercedRelation = new BoundQuerySpecification(relation, Optional.empty(), Optional.empty(), Optional.empty(), List.of(cast), false, List.of(),
                    OptionalLong.empty(), type);
        }
        return register(new BoundSubquery(kind, coercedRelation, Optional.of(coercedValue), comparison, BOOLEAN));
    }

    private BoundRelation singleColumn(Query query, Scope scope, Node node)
    {
        BoundRelation relation = queries.analyzeSubquery(query, scope);
        if (relation.type().size() != 1) {
            throw new StrataException(ErrorCode.NOT_SUPPORTED, node.location(),
                    "Multiple columns returned by subquery are not yet supported. Found " + relation.type().size(), null);
        }
        return relation;
    }

    private RowExpression register(BoundSubquery subquery)
    {
        subqueries.add(subquery);
        return new SubqueryReference(subqueries.size() - 1, subquery.type());
    }
}
