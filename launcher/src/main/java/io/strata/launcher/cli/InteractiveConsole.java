package io.strata.launcher.cli;

import io.strata.client.ClientSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * The interactive prompt: JLine line editing, history in {@code ~/.strata_history}, statements ended by
 * {@code ;} over as many lines as needed, {@code quit} / {@code exit} (or Ctrl-D) to leave. Ctrl-C on the
 * prompt clears the line; while a statement runs it cancels the statement. {@code USE} and
 * {@code SET SESSION} last for the rest of the console's life, through the {@link StatementRunner}.
 */
public final class InteractiveConsole
{
    private static final String HELP = """
            Statements end with ';' and may span lines. Examples:
              SHOW CATALOGS;
              USE tpch.tiny;
              SELECT n_name FROM nation ORDER BY n_nationkey LIMIT 3;
              SET SESSION name = 'value';
            Ctrl-C cancels a running statement or clears the line; quit, exit or Ctrl-D leaves.
            """;

    private InteractiveConsole() {}

    public static Path defaultHistoryFile()
    {
        return Path.of(System.getProperty("user.home"), ".strata_history");
    }

    /** Runs the prompt until the user leaves; returns the exit code (always 0: failed statements were shown). */
    public static int run(StatementRunner runner, OutputFormat format, Path historyFile)
    {
        requireNonNull(runner, "runner is null");
        requireNonNull(format, "format is null");
        requireNonNull(historyFile, "historyFile is null");
        try (Terminal terminal = TerminalBuilder.builder().name("strata").system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("strata")
                    .parser(new SqlLineParser())
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P -> ")
                    .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                    .build();
            Writer output = new OutputStreamWriter(System.out, UTF_8);
            PrintStream messages = System.err;
            try {
                loop(reader, terminal, runner, format, output, messages);
            }
            finally {
                saveHistory(reader.getHistory());
            }
            return 0;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the terminal", e);
        }
    }

    private static void loop(LineReader reader, Terminal terminal, StatementRunner runner, OutputFormat format, Writer output, PrintStream messages)
    {
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt(runner.session()));
            }
            catch (UserInterruptException e) {
                // Ctrl-C on the prompt drops what was typed
                continue;
            }
            catch (EndOfFileException e) {
                return;
            }

            String command = SqlLineParser.consoleCommand(line);
            if (command.equals("quit") || command.equals("exit")) {
                return;
            }
            if (command.equals("help")) {
                messages.print(HELP);
                messages.flush();
                continue;
            }

            for (String statement : StatementSplitter.split(line).allStatements()) {
                // JLine routes SIGINT to this handler while no line is being read
                Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.cancelRunning());
                try {
                    if (runner.run(statement, format, output, messages, true) == StatementRunner.Outcome.CANCELED) {
                        break;
                    }
                }
                finally {
                    terminal.handle(Terminal.Signal.INT, previous);
                }
            }
        }
    }

    /** {@code strata:tpch.tiny> }, or as much of the catalog and schema as the session has. */
    static String prompt(ClientSession session)
    {
        StringBuilder prompt = new StringBuilder("strata");
        session.catalog().ifPresent(catalog -> prompt.append(':').append(catalog));
        session.schema().ifPresent(schema -> prompt.append('.').append(schema));
        return prompt.append("> ").toString();
    }

    private static void saveHistory(History history)
    {
        try {
            history.save();
        }
        catch (IOException e) {
            System.err.println("Cannot save history: " + e.getMessage());
        }
    }
}
