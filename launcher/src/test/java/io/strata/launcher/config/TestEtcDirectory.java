package io.strata.launcher.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestEtcDirectory
{
    @TempDir
    Path etc;

    @Test
    void testLoad()
            throws IOException
    {
        write("node.properties", "node.id=coordinator-1\nnode.environment=test\n");
        write("config.properties", "# the role\nnode.role=coordinator\nhttp-server.http.port=8080   \n");
        write("catalog/tpch.properties", "connector.name=tpch\n");
        write("catalog/analytics_2.properties", "connector.name=memory\n");
        write("catalog/README.txt", "not a catalog");

        NodeConfiguration configuration = EtcDirectory.load(etc);
        assertThat(configuration.properties()).containsExactly(
                Map.entry("http-server.http.port", "8080"),
                Map.entry("node.environment", "test"),
                Map.entry("node.id", "coordinator-1"),
                Map.entry("node.role", "coordinator"));
        assertThat(configuration.catalogs().keySet()).containsExactly("analytics_2", "tpch");
        assertThat(configuration.catalogs().get("tpch")).isEqualTo(Map.of("connector.name", "tpch"));
    }

    @Test
    void testNodePropertiesMayBeAbsent()
            throws IOException
    {
        write("config.properties", "node.id=a\n");
        assertThat(EtcDirectory.load(etc).properties()).isEqualTo(Map.of("node.id", "a"));
        assertThat(EtcDirectory.load(etc).catalogs()).isEmpty();
    }

    @Test
    void testUtf8()
            throws IOException
    {
        write("config.properties", "node.id=n\u00E9ud\n");
        assertThat(EtcDirectory.load(etc).property("node.id")).contains("n\u00E9ud");
    }

    @Test
    void testMissingDirectoryAndFile()
            throws IOException
    {
        assertThatThrownBy(() -> EtcDirectory.load(etc.resolve("nope")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("etc directory does not exist");
        write("node.properties", "node.id=a\n");
        assertThatThrownBy(() -> EtcDirectory.load(etc))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("config.properties");
    }

    @Test
    void testConflictingPropertyIsNamed()
            throws IOException
    {
        write("node.properties", "node.id=a\n");
        write("config.properties", "node.id=b\n");
        assertThatThrownBy(() -> EtcDirectory.load(etc))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Property 'node.id' is set in both node.properties ('a') and config.properties ('b')");
    }

    @Test
    void testCatalogWithoutConnectorIsNamed()
            throws IOException
    {
        write("config.properties", "node.id=a\n");
        write("catalog/tpch.properties", "tpch.splits-per-node=4\n");
        assertThatThrownBy(() -> EtcDirectory.load(etc))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("tpch.properties")
                .hasMessageContaining("property 'connector.name' is required");
    }

    @Test
    void testBadCatalogName()
            throws IOException
    {
        write("config.properties", "node.id=a\n");
        write("catalog/My-Catalog.properties", "connector.name=tpch\n");
        assertThatThrownBy(() -> EtcDirectory.load(etc))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("the catalog name 'My-Catalog'");
    }

    @Test
    void testWriteReadsBack()
    {
        Path directory = etc.resolve("node");
        EtcDirectory.write(
                directory,
                Map.of("node.id", "coordinator-1"),
                Map.of("http-server.http.port", "0", "odd key", " value with \\ and\nnewline"),
                Map.of("tpch", Map.of("connector.name", "tpch")));
        NodeConfiguration configuration = EtcDirectory.load(directory);
        assertThat(configuration.properties()).isEqualTo(Map.of(
                "node.id", "coordinator-1",
                "http-server.http.port", "0",
                "odd key", " value with \\ and\nnewline"));
        assertThat(configuration.catalogs()).isEqualTo(Map.of("tpch", Map.of("connector.name", "tpch")));
    }

    private void write(String name, String text)
            throws IOException
    {
        Path file = etc.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, UTF_8);
    }
}
