package io.strata.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.protocol.ServerInfo;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * {@code GET /v1/info}: the version, environment and health of a node, as drivers (for the product
 * version) and routers (for health) read it. Sent without credentials, as the stock drivers do; not retried.
 */
public final class ServerInfoClient
{
    private static final ObjectMapper MAPPER = ProtocolJson.createObjectMapper();
    private static final int SNIPPET_LENGTH = 500;

    private ServerInfoClient() {}

    /**
     * Fetches a node's {@link ServerInfo}.
     *
     * @param server the node's base URI, e.g. {@code http://coordinator:8080}
     * @param timeout the bound on the whole exchange
     * @throws ClientConnectionException if the node cannot be reached in time
     * @throws ClientProtocolException if it answers with anything but 200 and a ServerInfo body
     */
    public static ServerInfo fetchServerInfo(OkHttpClient httpClient, URI server, Duration timeout)
    {
        requireNonNull(httpClient, "httpClient is null");
        requireNonNull(server, "server is null");
        requireNonNull(timeout, "timeout is null");
        HttpUrl url = HttpUrl.get(server).newBuilder().encodedPath("/v1/info").build();
        Call call = httpClient.newCall(new Request.Builder().url(url).header("User-Agent", StatementClient.USER_AGENT).get().build());
        call.timeout().timeout(timeout.toNanos(), NANOSECONDS);
        try (Response response = call.execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.code() != 200) {
                throw new ClientProtocolException(
                        "Unexpected response status: GET " + url + " returned " + response.code(),
                        OptionalInt.of(response.code()),
                        snippet(bytes));
            }
            try {
                return MAPPER.readValue(bytes, ServerInfo.class);
            }
            catch (JsonProcessingException e) {
                throw new ClientProtocolException("Invalid response to GET " + url + ": " + e.getOriginalMessage(), OptionalInt.of(200), snippet(bytes), e);
            }
        }
        catch (IOException e) {
            throw new ClientConnectionException("Error fetching " + url + ": " + e.getMessage(), e);
        }
    }

    private static String snippet(byte[] body)
    {
        String text = new String(body, UTF_8).strip();
        return text.length() <= SNIPPET_LENGTH ? text : text.substring(0, SNIPPET_LENGTH) + "...";
    }
}
