package io.strata.connector.tpch;

import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static io.strata.connector.tpch.TestingTpch.splits;
import static io.strata.connector.tpch.TestingTpch.tableHandle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTpchConnectorFactory
{
    @Test
    void testServiceLoaderFindsFactory()
    {
        List<ConnectorFactory> factories = new ArrayList<>();
        ServiceLoader.load(ConnectorFactory.class).forEach(factories::add);
        assertThat(factories)
                .filteredOn(factory -> factory.name().equals("tpch"))
                .singleElement()
                .isInstanceOf(TpchConnectorFactory.class);
    }

    @Test
    void testDefaultSplitsPerNode()
    {
        Connector connector = new TpchConnectorFactory().create("tpch", Map.of());
        assertThat(splits(connector, tableHandle(connector, "tiny", "lineitem"))).hasSize(TpchConfig.DEFAULT_SPLITS_PER_NODE);
        assertThat(splits(connector, tableHandle(connector, "tiny", "nation"))).hasSize(1);
        assertThat(splits(connector, tableHandle(connector, "tiny", "region"))).hasSize(1);
    }

    @Test
    void testSplitsPerNode()
    {
        Connector connector = new TpchConnectorFactory().create("tpch", Map.of("tpch.splits-per-node", "7"));
        assertThat(splits(connector, tableHandle(connector, "sf1", "orders")))
                .containsExactly(
                        new TpchSplit("orders", 1, 1, 7),
                        new TpchSplit("orders", 1, 2, 7),
                        new TpchSplit("orders", 1, 3, 7),
                        new TpchSplit("orders", 1, 4, 7),
                        new TpchSplit("orders", 1, 5, 7),
                        new TpchSplit("orders", 1, 6, 7),
                        new TpchSplit("orders", 1, 7, 7));
        assertThat(splits(connector, tableHandle(connector, "sf1", "nation"))).containsExactly(new TpchSplit("nation", 1, 1, 1));
    }

    @Test
    void testInvalidSplitsPerNode()
    {
        for (String value : List.of("0", "-1", "many", "", "1.5", "1025")) {
            assertThatThrownBy(() -> new TpchConnectorFactory().create("tpch", Map.of("tpch.splits-per-node", value)))
                    .as("value '%s'", value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tpch.splits-per-node");
        }
    }

    @Test
    void testUnknownProperty()
    {
        assertThatThrownBy(() -> new TpchConnectorFactory().create("tpch", Map.of("tpch.splits-per-node", "2", "tpch.column-naming", "SIMPLIFIED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tpch.column-naming");
    }
}
