package io.strata.core.execution.remote;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestHttpTaskManagerConfig
{
    @Test
    void testDefaults()
    {
        HttpTaskManagerConfig config = HttpTaskManagerConfig.fromProperties(Map.of("task.quantum", "1s"));
        assertThat(config).isEqualTo(HttpTaskManagerConfig.DEFAULT);
        assertThat(config.maxErrorDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.statusMaxWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void testProperties()
    {
        HttpTaskManagerConfig config = HttpTaskManagerConfig.fromProperties(Map.of(
                "query.remote-task.max-error-duration", "2s",
                "query.remote-task.request-timeout", "1500ms",
                "task.status-refresh-max-wait", "0ms",
                "query.remote-task.min-backoff", "5ms",
                "query.remote-task.max-backoff", "1s"));
        assertThat(config).isEqualTo(new HttpTaskManagerConfig(
                Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ZERO, Duration.ofMillis(5), Duration.ofSeconds(1)));
    }

    @Test
    void testBadValuesNameTheProperty()
    {
        assertThatThrownBy(() -> HttpTaskManagerConfig.fromProperties(Map.of("query.remote-task.max-error-duration", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query.remote-task.max-error-duration")
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> HttpTaskManagerConfig.fromProperties(Map.of("query.remote-task.request-timeout", "0s")))
                .hasMessageContaining("query.remote-task.request-timeout")
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> HttpTaskManagerConfig.fromProperties(Map.of("task.status-refresh-max-wait", "1m")))
                .hasMessageContaining("task.status-refresh-max-wait");
        assertThatThrownBy(() -> HttpTaskManagerConfig.fromProperties(Map.of("query.remote-task.min-backoff", "2s", "query.remote-task.max-backoff", "1s")))
                .hasMessageContaining("query.remote-task.min-backoff")
                .hasMessageContaining("query.remote-task.max-backoff");
    }
}
