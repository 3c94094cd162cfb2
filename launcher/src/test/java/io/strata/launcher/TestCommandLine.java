package io.strata.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.strata.launcher.CommandLine.flag;
import static io.strata.launcher.CommandLine.repeatable;
import static io.strata.launcher.CommandLine.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCommandLine
{
    private static final List<CommandLine.Option> OPTIONS = List.of(
            value("server", "URL", "the server"),
            repeatable("session", "NAME=VALUE", "a session property"),
            value("workers", "N", "workers"),
            flag("debug", "debug output"));

    @Test
    void testValuesFlagsAndPositionals()
    {
        CommandLine commandLine = CommandLine.parse("sql", OPTIONS, List.of(
                "--server", "http://localhost:8080", "--session=a=1", "--session", "b=2", "--debug", "extra"));
        assertThat(commandLine.value("server")).contains("http://localhost:8080");
        assertThat(commandLine.values("session")).containsExactly("a=1", "b=2");
        assertThat(commandLine.isSet("debug")).isTrue();
        assertThat(commandLine.isSet("workers")).isFalse();
        assertThat(commandLine.value("workers")).isEqualTo(Optional.empty());
        assertThat(commandLine.positionals()).containsExactly("extra");
    }

    @Test
    void testValueMayStartWithDash()
    {
        CommandLine commandLine = CommandLine.parse("sql", OPTIONS, List.of("--server", "-x", "--", "--debug"));
        assertThat(commandLine.value("server")).contains("-x");
        assertThat(commandLine.isSet("debug")).isFalse();
        assertThat(commandLine.positionals()).containsExactly("--debug");
    }

    @Test
    void testErrorsNameTheOption()
    {
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("--sever", "x")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Unknown option --sever for 'sql'");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("-s")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown option -s");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("--server")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --server of 'sql' needs a value: --server URL");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("--server", "a", "--server", "b")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --server of 'sql' is given more than once");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("--debug=yes")))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --debug of 'sql' takes no value");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of("stray")).withoutPositionals())
                .isInstanceOf(UsageException.class)
                .hasMessage("Unexpected argument for 'sql': stray");
        assertThatThrownBy(() -> CommandLine.parse("sql", OPTIONS, List.of()).requiredValue("server"))
                .isInstanceOf(UsageException.class)
                .hasMessage("'sql' needs --server");
    }

    @Test
    void testIntegers()
    {
        assertThat(CommandLine.parse("cluster start", OPTIONS, List.of()).intValue("workers", 3, 0)).isEqualTo(3);
        assertThat(CommandLine.parse("cluster start", OPTIONS, List.of("--workers", "2")).intValue("workers", 0, 0)).isEqualTo(2);
        assertThatThrownBy(() -> CommandLine.parse("cluster start", OPTIONS, List.of("--workers", "two")).intValue("workers", 0, 0))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --workers of 'cluster start' must be an integer: two");
        assertThatThrownBy(() -> CommandLine.parse("cluster start", OPTIONS, List.of("--workers", "-1")).intValue("workers", 0, 0))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --workers of 'cluster start' must be at least 0: -1");
    }

    @Test
    void testDescribe()
    {
        assertThat(CommandLine.describe(List.of(value("server", "URL", "the server"), flag("debug", "debug output"))))
                .isEqualTo("""
                          --server URL  the server
                          --debug       debug output
                        """);
    }

    @Test
    void testMainExitCodes()
    {
        assertThat(Main.run(List.of())).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run(List.of("frobnicate"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run(List.of("sql", "--bogus"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run(List.of("cluster", "restart"))).isEqualTo(Main.EXIT_USAGE);
        // refused before anything starts: not NAME=VALUE, or a property the cluster sets itself
        assertThat(Main.run(List.of("cluster", "start", "--config", "query.max-memory-per-node"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run(List.of("cluster", "start", "--config", "node.role=worker"))).isEqualTo(Main.EXIT_USAGE);
        assertThat(Main.run(List.of("help"))).isEqualTo(Main.EXIT_SUCCESS);
    }
}
