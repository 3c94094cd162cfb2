package io.strata.core.optimizer;

import io.strata.core.planner.TestingPlanner;
import io.strata.core.session.Session;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.strata.core.planner.TestingPlanner.tpchSession;
import static org.assertj.core.api.Assertions.assertThat;

class TestPushLimitThroughProjections
{
    private final TestingPlanner planner = new TestingPlanner();

    @Test
    void limitReachesTheSortBelowAProjection()
    {
        String sql = "SELECT x + 1 FROM (SELECT n_nationkey AS x FROM nation ORDER BY n_name) LIMIT 3";
        String plan = planner.explain(tpchSession(), sql);
        assertThat(plan).contains("- TopN[3, n_name ASC NULLS LAST]").doesNotContain("Limit[");

        Session session = tpchSession();
        Session disabled = new Session(session.queryId(), session.user(), session.source(), session.catalog(), session.schema(), session.timeZone(),
                session.language(), session.clientTags(), session.clientInfo(), session.traceToken(),
                Map.of("optimizer_disabled_passes", "push-limit-through-projections"), session.catalogProperties(), session.preparedStatements(),
                session.transactionId(), session.start());
        assertThat(planner.explain(disabled, sql)).contains("- Limit[3]").doesNotContain("TopN");
    }

    @Test
    void limitGoesIntoEachInputOfAUnion()
    {
        String plan = planner.explain(tpchSession(), "SELECT n_name FROM nation UNION ALL SELECT r_name FROM region LIMIT 2");
        assertThat(plan.split("Limit\\[2\\]", -1)).hasSize(4);
    }
}
