package io.strata.launcher.cli;

import io.strata.client.ClientException;
import io.strata.client.ClientSession;
import io.strata.client.StatementClient;
import io.strata.protocol.Column;
import io.strata.protocol.ErrorLocation;
import io.strata.protocol.QueryError;
import io.strata.protocol.Warning;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs statements one after another on one session, the way the {@code sql} command and the demo do:
 * rows go to the output in an {@link OutputFormat}; update types, warnings and errors go to standard
 * error; the session changes a successful statement announces ({@code USE}, {@code SET SESSION},
 * {@code PREPARE}) are kept for the next statement. {@link #cancelRunning()} may be called from any
 * thread (a signal handler) to cancel the statement in flight.
 */
public final class StatementRunner
{
    /** How a statement ended. */
    public enum Outcome
    {
        SUCCEEDED,
        FAILED,
        CANCELED,
    }

    private static final Pattern LOCATED_MESSAGE = Pattern.compile("line \\d+:\\d+: .*", Pattern.DOTALL);

    private final OkHttpClient httpClient;
    private final AtomicReference<ClientSession> session;
    private final AtomicReference<StatementClient> running = new AtomicReference<>();

    public StatementRunner(OkHttpClient httpClient, ClientSession session)
    {
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
        this.session = new AtomicReference<>(requireNonNull(session, "session is null"));
    }

    /** The session the next statement runs with. */
    public ClientSession session()
    {
        return session.get();
    }

    /**
     * Runs {@code sql} to its end.
     *
     * @param output where rows go, in {@code format}
     * @param messages standard error: update types, warnings, errors and, when {@code interactive}, the
     *         progress line and the position of an error in the statement
     */
    public Outcome run(String sql, OutputFormat format, Writer output, PrintStream messages, boolean interactive)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(format, "format is null");
        requireNonNull(output, "output is null");
        requireNonNull(messages, "messages is null");
        long startNanos = System.nanoTime();
        ClientSession currentSession = session.get();
        StatementClient client;
        try {
            client = StatementClient.execute(httpClient, currentSession, sql);
        }
        catch (ClientException e) {
            messages.println("Error running command: " + e.getMessage());
            return Outcome.FAILED;
        }

        running.set(client);
        ProgressLine progress = new ProgressLine(messages, interactive, startNanos);
        try (client) {
            OutputPrinter printer = null;
            boolean update = false;
            while (true) {
                if (printer == null && !update && client.columns().isPresent()) {
                    update = client.updateType().isPresent();
                    if (!update) {
                        printer = format.createPrinter(columnNames(client.columns().get()), output);
                    }
                }
                List<List<Object>> rows = client.currentRows();
                if (printer != null && !rows.isEmpty()) {
                    progress.clear();
                    printer.printRows(rows);
                }
                else {
                    progress.update(client.queryId(), client.stats());
                }
                if (!client.advance()) {
                    break;
                }
            }
            progress.clear();
            output.flush();

            if (client.isCanceled()) {
                messages.println("Query " + client.queryId() + " was canceled");
                return Outcome.CANCELED;
            }
            for (Warning warning : client.warnings()) {
                messages.println("WARNING: " + warning.message());
            }
            Optional<QueryError> error = client.error();
            if (error.isPresent()) {
                messages.println(failureMessage(client.queryId(), error.get()));
                if (interactive) {
                    error.get().errorLocation().ifPresent(location -> messages.print(pointAt(sql, location)));
                }
                return Outcome.FAILED;
            }
            if (printer != null) {
                printer.finish();
            }
            else if (update) {
                String status = client.updateType().orElseThrow();
                if (client.updateCount().isPresent()) {
                    long count = client.updateCount().getAsLong();
                    status += ": " + count + (count == 1 ? " row" : " rows");
                }
                messages.println(status);
            }
            session.set(currentSession.withUpdates(client.sessionUpdates()));
            return Outcome.SUCCEEDED;
        }
        catch (ClientException e) {
            progress.clear();
            if (client.isCanceled()) {
                messages.println("Query " + client.queryId() + " was canceled");
                return Outcome.CANCELED;
            }
            messages.println("Error running command: " + e.getMessage());
            return Outcome.FAILED;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write query output", e);
        }
        finally {
            running.compareAndSet(client, null);
            messages.flush();
        }
    }

    /**
     * Cancels the statement in flight, if any.
     *
     * @return whether a statement was canceled
     */
    public boolean cancelRunning()
    {
        StatementClient client = running.get();
        if (client == null) {
            return false;
        }
        try {
            return client.cancel();
        }
        catch (ClientException e) {
            // the server abandons a query whose client stops polling; nothing more to do here
            return true;
        }
    }

    /** {@code Query <id> failed: line L:C: message}, the location only where the error has one. */
    static String failureMessage(String queryId, QueryError error)
    {
        String message = error.message();
        Optional<ErrorLocation> location = error.errorLocation();
        if (location.isPresent() && !LOCATED_MESSAGE.matcher(message).matches()) {
            message = "line " + location.get().lineNumber() + ":" + location.get().columnNumber() + ": " + message;
        }
        return "Query " + queryId + " failed: " + message;
    }

    /** The statement's line that holds {@code location}, with a caret under its column. */
    static String pointAt(String sql, ErrorLocation location)
    {
        String[] lines = sql.split("\n", -1);
        int lineIndex = location.lineNumber() - 1;
        if (lineIndex < 0 || lineIndex >= lines.length) {
            return "";
        }
        String line = lines[lineIndex];
        int column = Math.max(1, Math.min(location.columnNumber(), line.length() + 1));
        String prefix = "LINE " + location.lineNumber() + ": ";
        StringBuilder caret = new StringBuilder();
        for (int index = 0; index < column - 1; index++) {
            // keep tabs, so that the caret lines up on the terminal
            caret.append(line.charAt(index) == '\t' ? '\t' : ' ');
        }
        return prefix + line + "\n" + " ".repeat(prefix.length()) + caret + "^\n";
    }

    private static List<String> columnNames(List<Column> columns)
    {
        List<String> names = new ArrayList<>(columns.size());
        for (Column column : columns) {
            names.add(column.name());
        }
        return names;
    }
}
