package io.strata.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging on standard error, one line per record:
 * {@code 2025-01-31T12:00:00.123Z INFO io.strata.server.X message}, a stack trace below when there is one.
 */
public final class Logging
{
    private Logging() {}

    /** Replaces any logging configuration with one handler on standard error at {@code level}. */
    public static void configure(Level level)
    {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new OneLineFormatter());
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }

    /**
     * Writes one record straight to standard error, in the same format. For shutdown hooks: the JVM may
     * already have reset java.util.logging, whose own hook removes every handler.
     */
    public static void logDirectly(Level level, String loggerName, String message)
    {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(loggerName);
        System.err.print(new OneLineFormatter().format(record));
        System.err.flush();
    }

    static final class OneLineFormatter
            extends Formatter
    {
        private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        public String format(LogRecord record)
        {
            StringBuilder line = new StringBuilder()
                    .append(TIMESTAMP.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ').append(record.getLevel().getName())
                    .append(' ').append(record.getLoggerName())
                    .append(' ').append(formatMessage(record))
                    .append('\n');
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
