package io.strata.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.protocol.ServerInfo;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static io.strata.client.TestingCoordinator.status;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 10, unit = SECONDS)
class TestServerInfoClient
{
    private static final OkHttpClient HTTP_CLIENT = HttpClientFactory.createHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterAll
    static void shutDownHttpClient()
    {
        HTTP_CLIENT.dispatcher().executorService().shutdown();
        HTTP_CLIENT.connectionPool().evictAll();
    }

    @Test
    void fetchesServerInfo()
            throws IOException
    {
        ServerInfo info = new ServerInfo(new ServerInfo.NodeVersion("0.1"), "test", true, false, Optional.of("1.00m"), Optional.of("c1"));
        ObjectMapper mapper = ProtocolJson.createObjectMapper();
        try (TestingCoordinator coordinator = new TestingCoordinator()) {
            coordinator.respond("GET", "/v1/info", status(200).body("application/json", mapper.writeValueAsString(info)));
            assertThat(ServerInfoClient.fetchServerInfo(HTTP_CLIENT, coordinator.uri(), Duration.ofSeconds(2))).isEqualTo(info);
        }
    }

    @Test
    void failuresAreTyped()
            throws IOException
    {
        try (TestingCoordinator coordinator = new TestingCoordinator()) {
            coordinator.respond("GET", "/v1/info", status(503).body("text/plain", "starting"));
            assertThatThrownBy(() -> ServerInfoClient.fetchServerInfo(HTTP_CLIENT, coordinator.uri(), Duration.ofSeconds(2)))
                    .isInstanceOfSatisfying(ClientProtocolException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(503);
                        assertThat(e.bodySnippet()).isEqualTo("starting");
                    });
        }
    }
}
