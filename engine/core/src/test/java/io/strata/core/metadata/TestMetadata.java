package io.strata.core.metadata;

import io.strata.core.session.Session;
import io.strata.protocol.ErrorCode;
import io.strata.spi.Location;
import io.strata.spi.StrataException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.strata.core.metadata.TestingMetadata.createTestingMetadata;
import static io.strata.core.metadata.TestingMetadata.testingSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMetadata
{
    private static final Optional<Location> LOCATION = Optional.of(new Location(2, 7));

    private final Metadata metadata = createTestingMetadata();

    @Test
    void qualifiesNamesWithSessionDefaults()
    {
        assertThat(Metadata.qualifyObjectName(testingSession(), List.of("orders"), LOCATION)).isEqualTo(new QualifiedObjectName("testing", "sales", "orders"));
        assertThat(Metadata.qualifyObjectName(testingSession(), List.of("other", "orders"), LOCATION)).isEqualTo(new QualifiedObjectName("testing", "other", "orders"));
        assertThat(Metadata.qualifyObjectName(testingSession(), List.of("c", "s", "t"), LOCATION)).isEqualTo(new QualifiedObjectName("c", "s", "t"));
        Session none = Session.simple("q", "u", Optional.empty(), Optional.empty());
        assertFails(() -> Metadata.qualifyObjectName(none, List.of("s", "t"), LOCATION), ErrorCode.MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set");
        assertThat(Metadata.qualifyObjectName(none, List.of("c", "s", "t"), LOCATION)).isEqualTo(new QualifiedObjectName("c", "s", "t"));
        Session noSchema = Session.simple("q", "u", Optional.of("testing"), Optional.empty());
        assertFails(() -> Metadata.qualifyObjectName(noSchema, List.of("t"), LOCATION), ErrorCode.MISSING_SCHEMA_NAME, "Schema must be specified when session schema is not set");
        assertFails(() -> Metadata.qualifyObjectName(noSchema, List.of("a", "b", "c", "d"), LOCATION), ErrorCode.SYNTAX_ERROR, "Too many dots in table name: a.b.c.d");
    }

    @Test
    void resolvesTables()
    {
        ResolvedTable table = metadata.resolveTable(testingSession(), List.of("customer"), LOCATION);
        assertThat(table.name()).isEqualTo(new QualifiedObjectName("testing", "sales", "customer"));
        assertThat(table.columns()).extracting(TableColumn::name).containsExactly("custkey", "name", "comment");
        assertThat(metadata.getTableName(testingSession(), table.handle())).isEqualTo(table.name());

        assertFails(() -> metadata.resolveTable(testingSession(), List.of("nope"), LOCATION), ErrorCode.TABLE_NOT_FOUND, "Table 'testing.sales.nope' does not exist");
        assertFails(() -> metadata.resolveTable(testingSession(), List.of("empty", "orders"), LOCATION), ErrorCode.TABLE_NOT_FOUND, "Table 'testing.empty.orders' does not exist");
        assertFails(() -> metadata.resolveTable(testingSession(), List.of("nope", "orders"), LOCATION), ErrorCode.SCHEMA_NOT_FOUND, "Schema 'nope' does not exist");
        assertFails(() -> metadata.resolveTable(testingSession(), List.of("nope", "sales", "orders"), LOCATION), ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nope' does not exist");
    }

    @Test
    void listsInOrder()
    {
        assertThat(metadata.listCatalogs()).containsExactly("system", "testing");
        assertThat(metadata.listSchemas(testingSession(), "testing", LOCATION)).containsExactly("empty", "information_schema", "sales");
        assertThat(metadata.listTables(testingSession(), "testing", "sales", LOCATION)).containsExactly("customer", "orders");
    }

    private static void assertFails(Runnable action, ErrorCode code, String message)
    {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(StrataException.class, failure -> {
            assertThat(failure.errorCode()).isEqualTo(code);
            assertThat(failure.rawMessage()).isEqualTo(message);
            assertThat(failure.location()).isEqualTo(LOCATION);
        });
    }
}
