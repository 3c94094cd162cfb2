package io.strata.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestQueryState
{
    @Test
    void onlyFinishedAndFailedAreDone()
    {
        for (QueryState state : QueryState.values()) {
            assertThat(state.isDone())
                    .as("%s", state)
                    .isEqualTo(state == QueryState.FINISHED || state == QueryState.FAILED);
        }
    }

    @Test
    void statesAreInLifecycleOrder()
    {
        assertThat(QueryState.values()).containsExactly(
                QueryState.QUEUED,
                QueryState.WAITING_FOR_PREREQUISITES,
                QueryState.DISPATCHING,
                QueryState.PLANNING,
                QueryState.STARTING,
                QueryState.RUNNING,
                QueryState.FINISHING,
                QueryState.FINISHED,
                QueryState.FAILED);
    }
}
