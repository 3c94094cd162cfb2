package io.strata.launcher.cli;

import io.strata.client.ClientSession;
import io.strata.client.HttpClientFactory;
import io.strata.launcher.CommandLine;
import io.strata.launcher.UsageException;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.launcher.CommandLine.flag;
import static io.strata.launcher.CommandLine.repeatable;
import static io.strata.launcher.CommandLine.value;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * {@code strata sql}: runs SQL against a coordinator through the statement client.
 * <ul>
 * <li>batch, with {@code --execute SQL} or {@code --file F} (or SQL piped into standard input): each
 * statement in turn, rows to standard output in {@code --output-format} (default {@code CSV}, as
 * presto-cli), errors to standard error as {@code Query <id> failed: line L:C: message}; the first failed
 * statement stops the run with exit code 1 unless {@code --ignore-errors};
 * <li>interactive, when standard input is a terminal and neither option is given: the
 * {@link InteractiveConsole}, default format {@code ALIGNED}.
 * </ul>
 */
public final class SqlCommand
{
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
    public static final String SOURCE = "strata-cli";

    public static final List<CommandLine.Option> OPTIONS = List.of(
            value("server", "URL", "coordinator to send statements to (default " + DEFAULT_SERVER + ")"),
            value("catalog", "CATALOG", "default catalog of the session"),
            value("schema", "SCHEMA", "default schema of the session (needs --catalog)"),
            value("user", "USER", "user name (default: the operating system user)"),
            value("execute", "SQL", "run these statements and exit"),
            value("file", "FILE", "run the statements in this file and exit"),
            value("output-format", "FORMAT", "ALIGNED, CSV, CSV_HEADER, TSV, TSV_HEADER or JSON (default: CSV in batch, ALIGNED interactive)"),
            repeatable("session", "NAME=VALUE", "session property"),
            flag("ignore-errors", "in batch mode, go on after a failed statement (exit code 1 at the end)"),
            flag("help", "show this help"));

    private SqlCommand() {}

    public static String usage()
    {
        return "Usage: strata sql [--server URL] [--catalog CATALOG] [--schema SCHEMA] [--user USER] [--execute SQL | --file FILE]\n"
                + "                  [--output-format FORMAT] [--session NAME=VALUE ...] [--ignore-errors]\n\n"
                + CommandLine.describe(OPTIONS);
    }

    /** Runs the command and returns its exit code; a bad command line is a {@link UsageException}. */
    public static int run(List<String> arguments)
    {
        CommandLine commandLine = CommandLine.parse("sql", OPTIONS, arguments).withoutPositionals();
        if (commandLine.isSet("help")) {
            System.out.print(usage());
            return 0;
        }
        if (commandLine.isSet("execute") && commandLine.isSet("file")) {
            throw new UsageException("'sql' takes --execute or --file, not both");
        }
        ClientSession session = clientSession(commandLine);
        Optional<OutputFormat> format = commandLine.value("output-format").map(SqlCommand::outputFormat);
        OkHttpClient httpClient = HttpClientFactory.createHttpClient();
        StatementRunner runner = new StatementRunner(httpClient, session);

        Optional<String> text = commandLine.value("execute");
        if (commandLine.isSet("file")) {
            text = Optional.of(readFile(Path.of(commandLine.requiredValue("file"))));
        }
        if (text.isEmpty() && isStandardInputTerminal()) {
            return InteractiveConsole.run(runner, format.orElse(OutputFormat.ALIGNED), InteractiveConsole.defaultHistoryFile());
        }
        if (text.isEmpty()) {
            text = Optional.of(readStandardInput());
        }
        return runBatch(runner, text.get(), format.orElse(OutputFormat.CSV), commandLine.isSet("ignore-errors"));
    }

    /** Runs every statement of {@code text}; exit code 0 if all succeeded, otherwise 1. */
    static int runBatch(StatementRunner runner, String text, OutputFormat format, boolean ignoreErrors)
    {
        List<String> statements = StatementSplitter.split(text).allStatements();
        Writer output = new OutputStreamWriter(System.out, UTF_8);
        // Ctrl-C or SIGTERM: cancel the statement on the server rather than leave it running
        Thread cancelOnExit = new Thread(runner::cancelRunning, "cancel-running-statement");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        try {
            int exitCode = 0;
            for (String statement : statements) {
                StatementRunner.Outcome outcome = runner.run(statement, format, output, System.err, false);
                if (outcome != StatementRunner.Outcome.SUCCEEDED) {
                    exitCode = 1;
                    if (!ignoreErrors) {
                        break;
                    }
                }
            }
            return exitCode;
        }
        finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            }
            catch (IllegalStateException e) {
                // the JVM is already shutting down and the hook is running
            }
        }
    }

    static ClientSession clientSession(CommandLine commandLine)
    {
        URI server = serverUri(commandLine.value("server").orElse(DEFAULT_SERVER));
        String user = commandLine.value("user").orElse(System.getProperty("user.name", "strata"));
        ClientSession.Builder builder = ClientSession.builder(server, user).source(SOURCE);
        commandLine.value("catalog").ifPresent(builder::catalog);
        Optional<String> schema = commandLine.value("schema");
        if (schema.isPresent()) {
            if (!commandLine.isSet("catalog")) {
                throw new UsageException("'sql' needs --catalog with --schema");
            }
            builder.schema(schema.get());
        }
        builder.properties(sessionProperties(commandLine.values("session")));
        try {
            return builder.build();
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("Invalid session for 'sql': " + e.getMessage());
        }
    }

    static Map<String, String> sessionProperties(List<String> assignments)
    {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("Option --session of 'sql' must be NAME=VALUE: " + assignment);
            }
            properties.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
        }
        return properties;
    }

    /** The coordinator's URI; {@code host:port} alone means {@code http://host:port}. */
    static URI serverUri(String text)
    {
        requireNonNull(text, "text is null");
        String withScheme = text.contains("://") ? text : "http://" + text;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageException("Option --server of 'sql' must be an http(s) URL with a host: " + text);
            }
            return uri;
        }
        catch (URISyntaxException e) {
            throw new UsageException("Option --server of 'sql' is not a valid URL: " + text);
        }
    }

    static OutputFormat outputFormat(String name)
    {
        try {
            return OutputFormat.fromName(name);
        }
        catch (IllegalArgumentException e) {
            throw new UsageException("Option --output-format of 'sql': " + e.getMessage());
        }
    }

    private static String readFile(Path file)
    {
        try {
            return Files.readString(file, UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new UsageException("Option --file of 'sql': no such file: " + file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String readStandardInput()
    {
        try {
            InputStream input = System.in;
            return new String(input.readAllBytes(), UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input", e);
        }
    }

    /**
     * Whether standard input is a terminal. {@code bin/strata} knows ({@code test -t 0}) and passes
     * {@code -Dstrata.stdin.tty}; without it, the JVM's console tells (which also needs standard output on
     * the terminal).
     */
    @SuppressWarnings("SystemConsoleNull") // Java 17: console() is null unless both streams are a terminal
    public static boolean isStandardInputTerminal()
    {
        String property = System.getProperty("strata.stdin.tty");
        if (property != null) {
            return Boolean.parseBoolean(property);
        }
        return System.console() != null;
    }
}
