package io.strata.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

/**
 * Runs {@code bin/strata} of the built tree (the project root is the system property
 * {@code strata.root.dir}), never building ({@code STRATA_NO_BUILD=1}: the tests run after
 * {@code package}), with output captured in files so that no pipe can fill and block the process.
 */
public final class TestingStrata
{
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private TestingStrata() {}

    public record Result(int exitCode, String stdout, String stderr)
    {
        @Override
        public String toString()
        {
            return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    public static Path projectRoot()
    {
        String root = requireNonNull(System.getProperty("strata.root.dir"), "system property strata.root.dir is not set (the parent pom sets it)");
        return Path.of(root).toAbsolutePath().normalize();
    }

    public static Path script()
    {
        return projectRoot().resolve("bin").resolve("strata");
    }

    /** The classpath {@code bin/strata} runs with: the launcher jar and {@code launcher/target/lib/*}. */
    public static String builtClasspath()
    {
        Path target = projectRoot().resolve("launcher").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            Path jar = files
                    .filter(file -> file.getFileName().toString().matches("strata-launcher-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no launcher jar in " + target + ": run mvn package first"));
            return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs {@code bin/strata} with these arguments. */
    public static ProcessBuilder processBuilder(List<String> arguments)
    {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectRoot().toFile());
        builder.environment().put("STRATA_NO_BUILD", "1");
        return builder;
    }

    /** Runs {@code bin/strata} to its end, killing it after {@code timeout}. */
    public static Result run(List<String> arguments, Duration timeout)
    {
        Path stdout = null;
        Path stderr = null;
        Process process = null;
        try {
            stdout = Files.createTempFile("strata-stdout", ".txt");
            stderr = Files.createTempFile("strata-stderr", ".txt");
            process = processBuilder(arguments)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("bin/strata " + arguments + " did not finish within " + timeout + "\n--- stdout ---\n"
                        + Files.readString(stdout, UTF_8) + "\n--- stderr ---\n" + Files.readString(stderr, UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    public static Result run(String... arguments)
    {
        return run(List.of(arguments), DEFAULT_TIMEOUT);
    }

    private static void deleteQuietly(Path file)
    {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // a temporary file
        }
    }
}
