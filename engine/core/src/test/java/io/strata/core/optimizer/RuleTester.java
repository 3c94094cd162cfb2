package io.strata.core.optimizer;

import io.strata.core.execution.expression.KernelConstantEvaluator;
import io.strata.core.expression.ConstantEvaluator;
import io.strata.core.metadata.Metadata;
import io.strata.core.planner.PlanNodeIdAllocator;
import io.strata.core.planner.PlanPrinter;
import io.strata.core.planner.SymbolAllocator;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.session.Session;
import org.assertj.core.api.Assertions;

import java.util.function.Function;

import static io.strata.core.metadata.TestingMetadata.createTestingMetadata;
import static io.strata.core.metadata.TestingMetadata.testingSession;

/**
 * Checks one optimizer pass on a hand-built plan:
 * <pre>
 * tester.assertThat(new MergeLimitWithSort())
 *         .on(p -&gt; p.limit(10, p.sort(p.values("a"), p.ascending("a"))))
 *         .matches("""
 *                 - TopN[10, a ASC NULLS LAST] =&gt; [a:bigint]
 *                     - Values[0 rows] =&gt; [a:bigint]
 *                 """);
 * </pre>
 * Plans are compared as {@link PlanPrinter} text, which shows node kinds, symbols with their types,
 * expressions and the connector's constraint.
 */
public final class RuleTester
{
    private final Metadata metadata;
    private final Session session;
    private final ConstantEvaluator evaluator;

    public RuleTester()
    {
        this(createTestingMetadata(), testingSession(), new KernelConstantEvaluator());
    }

    public RuleTester(Metadata metadata, Session session, ConstantEvaluator evaluator)
    {
        this.metadata = metadata;
        this.session = session;
        this.evaluator = evaluator;
    }

    public Metadata metadata()
    {
        return metadata;
    }

    public Session session()
    {
        return session;
    }

    public String print(PlanNode plan)
    {
        return PlanPrinter.textPlan(plan, metadata, session);
    }

    public RuleAssert assertThat(PlanOptimizer pass)
    {
        return new RuleAssert(pass);
    }

    public final class RuleAssert
    {
        private final PlanOptimizer pass;
        private PlanNode before;
        private PlanNode after;

        private RuleAssert(PlanOptimizer pass)
        {
            this.pass = pass;
        }

        public RuleAssert on(Function<PlanBuilder, PlanNode> planFactory)
        {
            before = planFactory.apply(new PlanBuilder(metadata, session));
            OptimizerContext context = new OptimizerContext(session, metadata, evaluator, PlanNodeIdAllocator.forPlan(before), SymbolAllocator.forPlan(before));
            after = pass.optimize(before, context);
            return this;
        }

        /** The rewritten plan prints as {@code expected}. */
        public RuleAssert matches(String expected)
        {
            Assertions.assertThat(print(after)).as("plan after %s, from\n%s", pass.name(), print(before)).isEqualTo(expected);
            return this;
        }

        /** The pass left the plan as it was. */
        public void doesNotFire()
        {
            Assertions.assertThat(print(after)).as("plan after %s", pass.name()).isEqualTo(print(before));
            Assertions.assertThat(after).isEqualTo(before);
        }
    }
}
