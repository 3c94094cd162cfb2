package io.strata.launcher;

import io.strata.launcher.config.EtcDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/strata server --etc DIR} from the built tree: ready line, SIGTERM, bad properties. */
@Tag("process")
class TestServerCommandProcess
{
    private static final Pattern READY = Pattern.compile("Strata coordinator (\\w+) ready at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path directory;

    @Test
    void testReadyAndSigterm()
            throws IOException, InterruptedException
    {
        Path etc = directory.resolve("etc");
        EtcDirectory.write(
                etc,
                Map.of("node.id", "process-test", "node.environment", "test"),
                Map.of("node.role", "coordinator", "coordinator.id", "pt", "http-server.http.host", "127.0.0.1", "http-server.http.port", "0"),
                Map.of("tpch", Map.of("connector.name", "tpch")));
        Path log = directory.resolve("server.log");
        Process process = TestingStrata.processBuilder(List.of("server", "--etc", etc.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Matcher ready = awaitReady(process, log, Duration.ofSeconds(60));
            assertThat(ready.group(1)).isEqualTo("pt");
            URI server = URI.create(ready.group(2));
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.resolve("/v1/info")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"starting\":false");

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(Files.readString(log, UTF_8)).contains("Strata coordinator pt stopped");
            // the server writes nothing into etc/
            try (Stream<Path> files = Files.walk(etc)) {
                assertThat(files.filter(Files::isRegularFile).map(path -> etc.relativize(path).toString()))
                        .containsExactlyInAnyOrder("node.properties", "config.properties", "catalog/tpch.properties");
            }
        }
        finally {
            process.destroyForcibly();
        }
    }

    @Test
    void testBadPropertyStopsTheProcess()
    {
        Path etc = directory.resolve("etc");
        EtcDirectory.write(etc, Map.of("node.id", "bad"), Map.of("http-server.http.port", "99999"), Map.of());
        TestingStrata.Result result = TestingStrata.run("server", "--etc", etc.toString());
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains("http-server.http.port");
    }

    @Test
    void testLaterRoleIsNotAvailableYet()
    {
        Path etc = directory.resolve("etc");
        EtcDirectory.write(etc, Map.of("node.id", "rm1"), Map.of("node.role", "resource-manager"), Map.of());
        TestingStrata.Result result = TestingStrata.run("server", "--etc", etc.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("node.role=resource-manager").contains("not available yet");
    }

    private static Matcher awaitReady(Process process, Path log, Duration timeout)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, UTF_8) : "";
            Matcher matcher = READY.matcher(text);
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server not ready within " + timeout + ":\n" + Files.readString(log, UTF_8));
    }
}
