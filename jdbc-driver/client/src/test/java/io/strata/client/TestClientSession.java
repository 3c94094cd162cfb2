package io.strata.client;

import io.strata.protocol.Dialect;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestClientSession
{
    private static final URI SERVER = URI.create("http://coordinator:8080");

    @Test
    void defaults()
    {
        ClientSession session = ClientSession.builder(SERVER, "alice").build();
        assertThat(session.source()).isEqualTo(ClientSession.DEFAULT_SOURCE);
        assertThat(session.catalog()).isEmpty();
        assertThat(session.transactionId()).isEmpty();
        assertThat(session.dialect()).isEqualTo(Dialect.PRESTO);
        assertThat(session.requestTimeout()).isEqualTo(ClientSession.DEFAULT_REQUEST_TIMEOUT);
        assertThat(session.properties()).isEmpty();
    }

    @Test
    void rejectsWhatCannotBeSent()
    {
        assertInvalid(ClientSession.builder(URI.create("ftp://coordinator"), "alice"), "http or https");
        assertInvalid(ClientSession.builder(SERVER, ""), "user is empty");
        assertInvalid(ClientSession.builder(SERVER, "zoë"), "user must be printable ASCII");
        assertInvalid(ClientSession.builder(SERVER, "alice").catalog("tp\nch"), "catalog must be printable ASCII");
        assertInvalid(ClientSession.builder(SERVER, "alice").schema("tiny"), "schema is set without a catalog");
        assertInvalid(ClientSession.builder(SERVER, "alice").property("a=b", "1"), "contain no '='");
        assertInvalid(ClientSession.builder(SERVER, "alice").clientTags(Set.of("a,b")), "contain no comma");
        assertInvalid(ClientSession.builder(SERVER, "alice").requestTimeout(Duration.ZERO), "requestTimeout must be positive");
        // values of properties and prepared statements are URL-encoded on the wire: anything goes
        ClientSession.builder(SERVER, "alice").property("p", "zoë\n=,").preparedStatement("naïve name", "SELECT 'ü'").build();
    }

    @Test
    void laterAnnouncementsWin()
    {
        SessionUpdates updates = SessionUpdates.builder()
                .setSessionProperty("a", "1")
                .resetSessionProperty("a")
                .resetSessionProperty("b")
                .setSessionProperty("b", "2")
                .addPreparedStatement("p", "VALUES 1")
                .deallocatePreparedStatement("p")
                .build();
        assertThat(updates.setSessionProperties()).containsExactly(Map.entry("b", "2"));
        assertThat(updates.resetSessionProperties()).containsExactly("a");
        assertThat(updates.addedPreparedStatements()).isEmpty();
        assertThat(updates.deallocatedPreparedStatements()).containsExactly("p");
    }

    @Test
    void appliesUpdates()
    {
        ClientSession session = ClientSession.builder(SERVER, "alice")
                .catalog("tpch")
                .property("a", "1")
                .property("b", "2")
                .preparedStatement("p", "VALUES 1")
                .transactionId(Optional.of("tx-1"))
                .build();
        assertThat(session.withUpdates(SessionUpdates.none())).isSameAs(session);

        ClientSession updated = session.withUpdates(SessionUpdates.builder()
                .setSchema("tiny")
                .resetSessionProperty("a")
                .setSessionProperty("c", "3")
                .setSessionProperty("b", "20")
                .deallocatePreparedStatement("p")
                .addPreparedStatement("q", "VALUES 2")
                .clearTransactionId()
                .build());
        assertThat(updated.catalog()).contains("tpch");
        assertThat(updated.schema()).contains("tiny");
        assertThat(updated.properties()).containsExactly(Map.entry("b", "20"), Map.entry("c", "3"));
        assertThat(updated.preparedStatements()).containsExactly(Map.entry("q", "VALUES 2"));
        assertThat(updated.transactionId()).isEmpty();

        // ending one transaction and starting the next in one statement leaves the new one open
        ClientSession restarted = session.withUpdates(SessionUpdates.builder().clearTransactionId().startedTransactionId("tx-2").build());
        assertThat(restarted.transactionId()).contains("tx-2");
    }

    private static void assertInvalid(ClientSession.Builder builder, String message)
    {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
