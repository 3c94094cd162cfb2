package io.strata.core.optimizer;

import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.TableHandle;
import io.strata.core.optimizer.DomainTranslator.SymbolDomain;
import io.strata.core.planner.Expressions;
import io.strata.core.planner.plan.FilterNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.planner.plan.TableScanNode;
import io.strata.core.planner.plan.ValuesNode;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ConstraintApplicationResult;
import io.strata.spi.connector.Domain;
import io.strata.spi.connector.TupleDomain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Offers the conjuncts of a filter over a table scan that read as column domains (see
 * {@link DomainTranslator}) to the connector through {@code ConnectorMetadata.applyFilter}. The scan takes the
 * connector's narrowed table handle and records what the connector enforces in its
 * {@code enforcedConstraint}; the filter keeps every conjunct the connector did not take (all conjuncts on
 * a column the connector hands back in its remaining filter, and those that are no domain at all), and
 * disappears when none is left:
 * <pre>
 * - Filter[l_shipdate &lt;= DATE '1998-09-02' AND l_comment LIKE '%x%']     - Filter[l_comment LIKE '%x%']
 *     - TableScan[lineitem]                                      =&gt;         - TableScan[lineitem]
 *                                                                                    constraint on l_shipdate: (-inf, DATE '1998-09-02']
 * </pre>
 * Conjuncts that contradict each other ({@code a = 1 AND a = 2}) make the whole filter an empty VALUES,
 * without asking the connector.
 */
public final class PushPredicateIntoTableScan
        implements PlanOptimizer
{
    @Override
    public String name()
    {
        return "push-predicate-into-table-scan";
    }

    @Override
    public PlanNode optimize(PlanNode plan, OptimizerContext context)
    {
        return plan.accept(new Rewriter(), context);
    }

    private static final class Rewriter
            extends PlanRewriter<OptimizerContext>
    {
        @Override
        public PlanNode visitFilter(FilterNode node, OptimizerContext context)
        {
            if (!(node.source() instanceof TableScanNode scan)) {
                return rewriteSources(node, context);
            }
            Map<Symbol, ColumnHandle> columns = new LinkedHashMap<>();
            for (int i = 0; i < scan.outputs().size(); i++) {
                columns.put(scan.outputs().get(i), scan.columns().get(i));
            }

            Map<ColumnHandle, Domain> domains = new LinkedHashMap<>();
            List<RowExpression> conjuncts = Expressions.conjuncts(node.predicate());
            List<Optional<ColumnHandle>> conjunctColumns = new ArrayList<>();
            for (RowExpression conjunct : conjuncts) {
                Optional<SymbolDomain> domain = DomainTranslator.toDomain(conjunct).filter(candidate -> columns.containsKey(candidate.symbol()));
                conjunctColumns.add(domain.map(candidate -> columns.get(candidate.symbol())));
                domain.ifPresent(candidate -> domains.merge(columns.get(candidate.symbol()), candidate.domain(), Domain::intersect));
            }
            if (domains.isEmpty()) {
                return node;
            }
            TupleDomain offered = TupleDomain.withColumnDomains(domains);
            if (offered.isNone()) {
                return new ValuesNode(node.id(), node.outputSymbols(), List.of());
            }
            TableHandle table = new TableHandle(scan.catalogName(), scan.table());
            Optional<ConstraintApplicationResult> result = context.metadata().applyFilter(context.session(), table, offered);
            if (result.isEmpty()) {
                return node;
            }

            TupleDomain remaining = result.get().remainingFilter();
            Set<ColumnHandle> remainingColumns = remaining.isNone() ? domains.keySet() : remaining.domains().orElseThrow().keySet();
            Map<ColumnHandle, Domain> enforced = new LinkedHashMap<>(domains);
            enforced.keySet().removeAll(remainingColumns);
            List<RowExpression> kept = new ArrayList<>();
            for (int i = 0; i < conjuncts.size(); i++) {
                if (conjunctColumns.get(i).map(column -> !enforced.containsKey(column)).orElse(true)) {
                    kept.add(conjuncts.get(i));
                }
            }

            TableHandle narrowed = new TableHandle(scan.catalogName(), result.get().handle());
            TableScanNode newScan = new TableScanNode(
                    scan.id(),
                    scan.catalogName(),
                    narrowed.connectorHandle(),
                    scan.outputs(),
                    scan.columns(),
                    scan.enforcedConstraint().intersect(TupleDomain.withColumnDomains(enforced)),
                    context.metadata().getTableStatistics(context.session(), narrowed));
            if (kept.isEmpty()) {
                return newScan;
            }
            return new FilterNode(node.id(), newScan, Expressions.and(kept));
        }
    }
}
