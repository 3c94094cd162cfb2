package io.strata.launcher;

import io.strata.launcher.config.EtcDirectory;
import io.strata.launcher.config.InvalidConfigurationException;
import io.strata.launcher.config.NodeConfiguration;
import io.strata.server.config.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestServerCommand
{
    @TempDir
    Path directory;

    @Test
    void testCoordinatorConfiguration()
    {
        Path etc = writeEtc(Map.of("http-server.http.port", "0", "coordinator.id", "c7"));
        ServerConfig config = ServerCommand.serverConfig(EtcDirectory.load(etc));
        assertThat(config.nodeId()).isEqualTo("node-1");
        assertThat(config.coordinatorId()).isEqualTo("c7");
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void testBadPropertyIsNamed()
    {
        NodeConfiguration configuration = EtcDirectory.load(writeEtc(Map.of("http-server.http.port", "eighty")));
        assertThatThrownBy(() -> ServerCommand.serverConfig(configuration))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("http-server.http.port");
    }

    @Test
    void testUnknownPropertyIsNamed()
    {
        NodeConfiguration configuration = EtcDirectory.load(writeEtc(Map.of("http-server.http.prot", "8080")));
        assertThatThrownBy(() -> ServerCommand.serverConfig(configuration))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("http-server.http.prot");
    }

    @Test
    void testWorkerConfiguration()
    {
        ServerConfig config = ServerCommand.serverConfig(EtcDirectory.load(writeEtc(Map.of("node.role", "worker", "http-server.http.port", "0"))));
        assertThat(config.role()).isEqualTo(ServerConfig.NodeRole.WORKER);
        assertThat(ServerCommand.describe(config)).isEqualTo("worker node-1");
    }

    @Test
    void testLaterRolesAreNotAvailableYet()
    {
        for (String role : List.of("resource-manager", "gateway")) {
            NodeConfiguration configuration = EtcDirectory.load(writeEtc(Map.of("node.role", role)));
            assertThatThrownBy(() -> ServerCommand.serverConfig(configuration))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("node.role=" + role)
                    .hasMessageContaining("not available yet");
        }
    }

    @Test
    void testUnknownRole()
    {
        NodeConfiguration configuration = EtcDirectory.load(writeEtc(Map.of("node.role", "janitor")));
        assertThatThrownBy(() -> ServerCommand.serverConfig(configuration))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("node.role=janitor");
    }

    @Test
    void testBadPropertyStopsTheServerCommand()
    {
        Path etc = writeEtc(Map.of("http-server.http.port", "-1"));
        assertThat(Main.run(List.of("server", "--etc", etc.toString()))).isEqualTo(Main.EXIT_FAILURE);
        assertThat(Main.run(List.of("server", "--etc", directory.resolve("missing").toString()))).isEqualTo(Main.EXIT_FAILURE);
        assertThat(Main.run(List.of("server"))).isEqualTo(Main.EXIT_USAGE);
    }

    private Path writeEtc(Map<String, String> config)
    {
        Path etc = directory.resolve("etc");
        Map<String, String> configProperties = new LinkedHashMap<>(config);
        EtcDirectory.write(etc, Map.of("node.id", "node-1", "node.environment", "test"), configProperties, Map.of("tpch", Map.of("connector.name", "tpch")));
        return etc;
    }
}
