package io.strata.launcher;

import io.strata.launcher.cli.OutputFormat;
import io.strata.launcher.cli.SqlCommand;
import io.strata.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps docs/configuration.md in step with the code it documents. */
class TestConfigurationDocs
{
    @Test
    void testEveryServerPropertyIsDocumented()
            throws IOException
    {
        String docs = docs();
        for (ServerConfig.Property property : ServerConfig.properties()) {
            assertThat(docs).as("docs/configuration.md documents " + property.key()).contains("| `" + property.key() + "` |");
        }
    }

    @Test
    void testEveryCliOptionAndFormatIsDocumented()
            throws IOException
    {
        String docs = docs();
        for (CommandLine.Option option : SqlCommand.OPTIONS) {
            if (!option.name().equals("help")) {
                assertThat(docs).as("docs/configuration.md documents sql --" + option.name()).contains("`" + option.synopsis());
            }
        }
        for (OutputFormat format : OutputFormat.values()) {
            assertThat(docs).contains("| `" + format.name() + "` |");
        }
    }

    private static String docs()
            throws IOException
    {
        return Files.readString(TestingStrata.projectRoot().resolve("docs").resolve("configuration.md"), UTF_8);
    }
}
