package io.strata.launcher.cli;

import io.strata.launcher.TestingStrata;
import io.strata.launcher.cluster.ClusterLauncher;
import io.strata.launcher.cluster.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/strata sql} from the built tree against one local coordinator, exact output per format. */
@Tag("process")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSqlCommandProcess
{
    private static final String NATIONS = "SELECT n_name FROM tpch.tiny.nation ORDER BY n_nationkey LIMIT 3";

    @TempDir
    static Path directory;

    private LocalCluster cluster;
    private String server;

    @BeforeAll
    void startCluster()
    {
        cluster = ClusterLauncher.builder(directory.resolve("cluster")).classpath(TestingStrata.builtClasspath()).build().start();
        server = cluster.coordinators().get(0).toString();
    }

    @AfterAll
    void stopCluster()
    {
        if (cluster != null) {
            List<Long> pids = new ArrayList<>(cluster.pids().values());
            try {
                cluster.close();
            }
            finally {
                for (long pid : pids) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
    }

    @Test
    void testAligned()
    {
        assertThat(sql(NATIONS, "ALIGNED")).isEqualTo(
                "  n_name   \n" +
                "-----------\n" +
                " ALGERIA   \n" +
                " ARGENTINA \n" +
                " BRAZIL    \n" +
                "(3 rows)\n");
    }

    @Test
    void testCsv()
    {
        assertThat(sql(NATIONS, "CSV")).isEqualTo("\"ALGERIA\"\n\"ARGENTINA\"\n\"BRAZIL\"\n");
        assertThat(sql(NATIONS, "CSV_HEADER")).isEqualTo("\"n_name\"\n\"ALGERIA\"\n\"ARGENTINA\"\n\"BRAZIL\"\n");
    }

    @Test
    void testTsv()
    {
        assertThat(sql(NATIONS, "TSV")).isEqualTo("ALGERIA\nARGENTINA\nBRAZIL\n");
        assertThat(sql(NATIONS, "TSV_HEADER")).isEqualTo("n_name\nALGERIA\nARGENTINA\nBRAZIL\n");
    }

    @Test
    void testJson()
    {
        assertThat(sql(NATIONS, "JSON")).isEqualTo("{\"n_name\":\"ALGERIA\"}\n{\"n_name\":\"ARGENTINA\"}\n{\"n_name\":\"BRAZIL\"}\n");
    }

    @Test
    void testSelectOneAndCatalogs()
    {
        assertThat(sql("SELECT 1", "CSV")).isEqualTo("\"1\"\n");
        assertThat(sql("SHOW CATALOGS", "CSV")).contains("\"tpch\"\n");
    }

    @Test
    void testSessionCarriesAcrossStatements()
    {
        // USE changes the session of the statements after it, through the client's session updates
        TestingStrata.Result result = TestingStrata.run("sql", "--server", server, "--output-format", "CSV",
                "--execute", "USE tpch.tiny; SELECT count(*) FROM nation");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("\"25\"\n");
    }

    @Test
    void testCatalogSchemaAndFile()
            throws IOException
    {
        Path file = directory.resolve("query.sql");
        Files.writeString(file, "-- the first region\nSELECT r_name FROM region ORDER BY r_regionkey LIMIT 1;\n", UTF_8);
        TestingStrata.Result result = TestingStrata.run("sql", "--server", server, "--catalog", "tpch", "--schema", "tiny",
                "--file", file.toString(), "--output-format", "TSV");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("AFRICA\n");
    }

    @Test
    void testFailure()
    {
        TestingStrata.Result result = TestingStrata.run("sql", "--server", server, "--execute", "SELECT * FROM tpch.tiny.no_such_table");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).as(result.toString()).containsPattern("(?m)^Query \\S+ failed: line 1:\\d+: .*no_such_table");
    }

    @Test
    void testUnreachableServer()
    {
        TestingStrata.Result result = TestingStrata.run("sql", "--server", "http://127.0.0.1:1", "--execute", "SELECT 1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("Error running command: ");
    }

    private String sql(String sql, String format)
    {
        TestingStrata.Result result = TestingStrata.run("sql", "--server", server, "--execute", sql, "--output-format", format);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).as(result.toString()).isEmpty();
        return result.stdout();
    }
}
