package io.strata.launcher.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.launcher.acceptance.RawProtocolClient.RawResponse;
import io.strata.protocol.Dialect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on a query's life seen through the raw protocol, shared by the driver and the raw HTTP tests.
 */
final class ProtocolAssertions
{
    /**
     * A statement that runs for several seconds on two busy cores (it generates all of SF1's six million
     * {@code lineitem} rows and matches none), with a one-row result: long enough to be canceled while running,
     * cheap in memory.
     */
    static final String LONG_QUERY = "SELECT count(*) FROM tpch.sf1.lineitem WHERE l_comment LIKE '%xyz%'";

    private ProtocolAssertions() {}

    /**
     * Follows {@code nextUri} until the query reports {@code RUNNING}, and returns that response.
     *
     * @throws AssertionError if the query ends first or is not running within the timeout
     */
    static RawResponse awaitRunning(RawProtocolClient client, Dialect dialect, RawResponse first, Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        RawResponse current = first.requireOk();
        while (!current.state().equals("RUNNING")) {
            Optional<URI> nextUri = current.nextUri();
            if (nextUri.isEmpty()) {
                throw new AssertionError("query ended before it was seen running, so it cannot be canceled: " + current);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("query not running within " + timeout + ": " + current);
            }
            current = client.get(dialect, nextUri.get()).requireOk();
        }
        if (current.nextUri().isEmpty()) {
            throw new AssertionError("query ended before it could be canceled: " + current);
        }
        return current;
    }

    /**
     * Asserts that the query behind {@code nextUri} was canceled: the URI is now gone (404 or 410), or following it
     * ends, within the timeout, in {@code FAILED} with error {@code USER_CANCELED} (code 3).
     */
    static void assertCanceled(RawProtocolClient client, Dialect dialect, URI nextUri, Duration timeout)
    {
        RawResponse after = client.get(dialect, nextUri);
        if (after.code() == 404 || after.code() == 410) {
            return;
        }
        assertThat(after.code()).as("GET of a canceled query's nextUri: %s", after).isEqualTo(200);
        List<RawResponse> rest = client.followToEnd(dialect, after, timeout);
        RawResponse last = rest.get(rest.size() - 1);
        JsonNode error = last.json().path("error");
        assertThat(error.path("errorName").asText()).as("a canceled query's end: %s", last).isEqualTo("USER_CANCELED");
        assertThat(error.path("errorCode").asInt(-1)).as("a canceled query's end: %s", last).isEqualTo(3);
        assertThat(last.state()).as("a canceled query's end: %s", last).isEqualTo("FAILED");
    }
}
