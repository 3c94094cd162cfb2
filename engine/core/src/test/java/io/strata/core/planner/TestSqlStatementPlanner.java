package io.strata.core.planner;

import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import io.strata.core.session.SessionUpdates;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.core.planner.TestingPlanner.testingSession;
import static io.strata.core.planner.TestingPlanner.tpchSession;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements other than queries: SHOW and DESCRIBE (answered as VALUES plans), EXPLAIN, and the statements
 * that only change the session.
 */
class TestSqlStatementPlanner
{
    private static final Session NO_CATALOG = Session.simple("test_query", "test", Optional.empty(), Optional.empty());

    private final TestingPlanner planner = new TestingPlanner();

    private static Session with(Session session, Map<String, String> systemProperties, Map<String, String> preparedStatements, Optional<String> transactionId)
    {
        return new Session(session.queryId(), session.user(), session.source(), session.catalog(), session.schema(), session.timeZone(), session.language(),
                session.clientTags(), session.clientInfo(), session.traceToken(), systemProperties, session.catalogProperties(), preparedStatements, transactionId,
                session.start());
    }

    private List<List<String>> rows(Session session, String sql)
    {
        return planner.rows(session, sql);
    }

    private List<Type> outputTypes(Session session, String sql)
    {
        return planner.plan(session, sql).plan().orElseThrow().outputs().stream().map(Symbol::type).toList();
    }

    private SessionUpdates updates(Session session, String sql, String expectedUpdateType)
    {
        PlannedStatement planned = planner.plan(session, sql);
        assertThat(planned.plan()).isEmpty();
        assertThat(planned.updateType()).contains(expectedUpdateType);
        return planned.sessionUpdates();
    }

    private void assertFails(Session session, String sql, ErrorCode code, String message)
    {
        assertThatThrownBy(() -> planner.plan(session, sql))
                .isInstanceOfSatisfying(StrataException.class, failure -> {
                    assertThat(failure.errorCode()).as(failure.getMessage()).isEqualTo(code);
                    assertThat(failure.rawMessage()).isEqualTo(message);
                });
    }

    @Test
    void showCatalogs()
    {
        assertThat(rows(testingSession(), "SHOW CATALOGS")).containsExactly(List.of("system"), List.of("testing"), List.of("tpch"));
        assertThat(rows(testingSession(), "SHOW CATALOGS LIKE 't_c%'")).containsExactly(List.of("tpch"));
        assertThat(planner.plan(testingSession(), "SHOW CATALOGS").plan().orElseThrow().columnNames()).containsExactly("Catalog");
    }

    @Test
    void showSchemas()
    {
        assertThat(rows(testingSession(), "SHOW SCHEMAS")).containsExactly(List.of("empty"), List.of("information_schema"), List.of("sales"));
        assertThat(rows(testingSession(), "SHOW SCHEMAS FROM tpch LIKE 'sf1%'")).first().isEqualTo(List.of("sf1"));
        assertFails(NO_CATALOG, "SHOW SCHEMAS", ErrorCode.MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set");
        assertFails(testingSession(), "SHOW SCHEMAS FROM nope", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nope' does not exist");
    }

    @Test
    void showTables()
    {
        assertThat(rows(testingSession(), "SHOW TABLES")).containsExactly(List.of("customer"), List.of("orders"));
        assertThat(rows(testingSession(), "SHOW TABLES FROM tpch.tiny LIKE '%item'")).containsExactly(List.of("lineitem"));
        assertThat(rows(tpchSession(), "SHOW TABLES FROM sf1 LIKE 'n%'")).containsExactly(List.of("nation"));
        assertThat(rows(testingSession(), "SHOW TABLES FROM empty")).isEmpty();
        assertFails(testingSession(), "SHOW TABLES FROM nope", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'nope' does not exist");
    }

    @Test
    void showColumnsAndDescribe()
    {
        List<List<String>> expected = List.of(
                List.of("custkey", "bigint", "", ""),
                List.of("name", "varchar(25)", "", ""),
                List.of("comment", "varchar(117)", "", ""));
        assertThat(rows(testingSession(), "SHOW COLUMNS FROM customer")).isEqualTo(expected);
        assertThat(rows(testingSession(), "DESCRIBE testing.sales.customer")).isEqualTo(expected);
        assertThat(planner.plan(testingSession(), "DESCRIBE customer").plan().orElseThrow().columnNames()).containsExactly("Column", "Type", "Extra", "Comment");
        assertFails(testingSession(), "DESCRIBE nope", ErrorCode.TABLE_NOT_FOUND, "Table 'testing.sales.nope' does not exist");
    }

    @Test
    void showSession()
    {
        Session session = with(testingSession(), Map.of("query_max_run_time", "1h"), Map.of(), Optional.empty());
        assertThat(rows(session, "SHOW SESSION LIKE 'query%'"))
                .containsExactly(List.of("query_max_run_time", "1h", "100.00d", "varchar", "Maximum run time of a query, queued time included"));
        assertThat(rows(session, "SHOW SESSION")).extracting(row -> row.get(0))
                .containsExactly("execution_policy", "hash_partition_count", "join_distribution_type", "optimizer_disabled_passes", "query_max_run_time");
        assertThat(outputTypes(session, "SHOW SESSION")).containsOnly(VARCHAR);
    }

    @Test
    void showFunctions()
    {
        assertThat(rows(testingSession(), "SHOW FUNCTIONS LIKE 'sum'")).extracting(row -> row.get(2))
                .containsExactly("bigint", "decimal(p,s)", "double", "integer", "interval day to second", "interval year to month", "real");
        assertThat(rows(testingSession(), "SHOW FUNCTIONS LIKE 'la%'"))
                .containsExactly(
                        List.of("lag", "T", "T", "window", "true", "Value of the row before the current row in the partition"),
                        List.of("lag", "T", "T, bigint", "window", "true", "Value of the row offset rows before the current row in the partition"),
                        List.of("lag", "T", "T, bigint, T", "window", "true", "Value of the row offset rows before the current row, or the default"),
                        List.of("last_day_of_month", "date", "date", "scalar", "true", "Last day of the date's month"),
                        List.of("last_value", "T", "T", "window", "true", "Value of the last row of the window frame"));
        // the array and map functions, bound outside the resolver, are listed too
        assertThat(rows(testingSession(), "SHOW FUNCTIONS LIKE 'cardinality'")).extracting(row -> row.get(2)).containsExactly("array(E)", "map(K,V)");
    }

    @Test
    void setAndResetSession()
    {
        assertThat(updates(testingSession(), "SET SESSION query_max_run_time = '10m'", "SET SESSION").setProperties())
                .isEqualTo(Map.of("query_max_run_time", "10m"));
        assertThat(updates(testingSession(), "SET SESSION optimizer_disabled_passes = 'fold' || '-constants'", "SET SESSION").setProperties())
                .isEqualTo(Map.of("optimizer_disabled_passes", "fold-constants"));
        assertThat(updates(testingSession(), "RESET SESSION query_max_run_time", "RESET SESSION").resetProperties()).containsExactly("query_max_run_time");

        assertFails(testingSession(), "SET SESSION nope = 1", ErrorCode.INVALID_SESSION_PROPERTY, "Session property nope does not exist");
        assertFails(testingSession(), "SET SESSION testing.nope = 1", ErrorCode.INVALID_SESSION_PROPERTY, "Session property testing.nope does not exist");
        assertFails(testingSession(), "SET SESSION other.nope = 1", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'other' does not exist");
        assertFails(testingSession(), "RESET SESSION nope", ErrorCode.INVALID_SESSION_PROPERTY, "Session property nope does not exist");
        assertFails(testingSession(), "SET SESSION query_max_run_time = 'soon'", ErrorCode.INVALID_SESSION_PROPERTY,
                "Invalid value 'soon' for session property query_max_run_time: not a duration such as 30s, 10m or 1.5h");
        assertFails(testingSession(), "SET SESSION optimizer_disabled_passes = 'nope'", ErrorCode.INVALID_SESSION_PROPERTY,
                "Invalid value 'nope' for session property optimizer_disabled_passes: unknown optimizer passes [nope]");
        assertFails(testingSession(), "SET SESSION query_max_run_time = 10", ErrorCode.TYPE_MISMATCH,
                "Session property query_max_run_time takes a value of type varchar, not integer");
    }

    @Test
    void disabledPassesChangeThePlan()
    {
        String sql = "SELECT orderkey FROM orders";
        assertThat(planner.explain(testingSession(), sql)).contains("TableScan[testing.sales.orders] => [orderkey:bigint]");
        Session session = with(testingSession(), Map.of("optimizer_disabled_passes", "prune-unreferenced-columns"), Map.of(), Optional.empty());
        assertThat(planner.explain(session, sql)).contains("TableScan[testing.sales.orders] => [orderkey:bigint, custkey:bigint, status:varchar(1), ");
    }

    @Test
    void use()
    {
        SessionUpdates updates = updates(testingSession(), "USE tpch.sf1", "USE");
        assertThat(updates.setCatalog()).contains("tpch");
        assertThat(updates.setSchema()).contains("sf1");

        updates = updates(testingSession(), "USE empty", "USE");
        assertThat(updates.setCatalog()).isEmpty();
        assertThat(updates.setSchema()).contains("empty");

        assertFails(testingSession(), "USE nope", ErrorCode.SCHEMA_NOT_FOUND, "Schema 'nope' does not exist");
        assertFails(testingSession(), "USE nope.sales", ErrorCode.CATALOG_NOT_FOUND, "Catalog 'nope' does not exist");
        assertFails(NO_CATALOG, "USE sales", ErrorCode.MISSING_CATALOG_NAME, "Catalog must be specified when session catalog is not set");
    }

    @Test
    void prepareExecuteDeallocate()
    {
        SessionUpdates prepared = updates(testingSession(), "PREPARE my_query FROM\n  SELECT custkey FROM orders WHERE orderkey = ? AND status = ?", "PREPARE");
        assertThat(prepared.addedPreparedStatements()).isEqualTo(Map.of("my_query", "SELECT custkey FROM orders WHERE orderkey = ? AND status = ?"));

        Session session = with(testingSession(), Map.of(), prepared.addedPreparedStatements(), Optional.empty());
        PlannedStatement executed = planner.plan(session, "EXECUTE my_query USING 42, 'F'");
        assertThat(executed.plan().orElseThrow().columnNames()).containsExactly("custkey");
        assertThat(planner.explain(session, "EXECUTE my_query USING 42, 'F'"))
                .contains("constraint on orderkey: [42]")
                .contains("constraint on status: ['F']");

        assertFails(session, "EXECUTE my_query USING 1", ErrorCode.INVALID_PARAMETER_USAGE, "Incorrect number of parameters: expected 2 but found 1");
        assertFails(session, "EXECUTE other", ErrorCode.PREPARED_STATEMENT_NOT_FOUND, "Prepared statement not found: other");
        assertFails(testingSession(), "SELECT * FROM orders WHERE orderkey = ?", ErrorCode.INVALID_PARAMETER_USAGE, "Incorrect number of parameters: expected 1 but found 0");
        assertFails(testingSession(), "PREPARE p FROM EXECUTE q", ErrorCode.NOT_SUPPORTED, "Invalid statement type for prepared statement: EXECUTE");

        assertThat(updates(session, "DEALLOCATE PREPARE my_query", "DEALLOCATE").deallocatedPreparedStatements()).containsExactly("my_query");
        assertFails(testingSession(), "DEALLOCATE PREPARE my_query", ErrorCode.PREPARED_STATEMENT_NOT_FOUND, "Prepared statement not found: my_query");
    }

    @Test
    void describeInputAndOutput()
    {
        Session session = with(testingSession(), Map.of(), Map.of("q", "SELECT orderkey, price * 2 AS doubled, 1 FROM orders WHERE custkey = ?"), Optional.empty());
        assertThat(rows(session, "DESCRIBE OUTPUT q")).containsExactly(
                List.of("orderkey", "testing", "sales", "orders", "bigint", "8", "false"),
                List.of("doubled", "", "", "", "decimal(22,2)", "16", "true"),
                List.of("_col2", "", "", "", "integer", "4", "false"));
        assertThat(rows(session, "DESCRIBE INPUT q")).containsExactly(List.of("0", "unknown"));
    }

    @Test
    void transactions()
    {
        SessionUpdates started = updates(testingSession(), "START TRANSACTION", "START TRANSACTION");
        assertThat(started.startedTransactionId()).isPresent();

        Session inTransaction = with(testingSession(), Map.of(), Map.of(), started.startedTransactionId());
        assertThat(updates(inTransaction, "COMMIT", "COMMIT").clearTransactionId()).isTrue();
        assertThat(updates(inTransaction, "ROLLBACK", "ROLLBACK").clearTransactionId()).isTrue();

        assertFails(testingSession(), "COMMIT", ErrorCode.NOT_IN_TRANSACTION, "No transaction in progress");
        assertFails(testingSession(), "ROLLBACK", ErrorCode.NOT_IN_TRANSACTION, "No transaction in progress");
        assertFails(inTransaction, "START TRANSACTION", ErrorCode.NOT_SUPPORTED, "Nested transactions are not supported yet");
    }

    @Test
    void explain()
    {
        assertThat(planner.plan(testingSession(), "EXPLAIN SELECT 1").plan().orElseThrow().columnNames()).containsExactly("Query Plan");
        assertThat(planner.explain(testingSession(), "SHOW CATALOGS")).isEqualTo("""
                - Output[Catalog] => [catalog:varchar]
                        Catalog := catalog
                    - Values[3 rows] => [catalog:varchar]
                            ('system')
                            ('testing')
                            ('tpch')
                """);
        assertThat(planner.explain(testingSession(), "SET SESSION query_max_run_time = '1h'")).isEqualTo("SET SESSION query_max_run_time = '1h'");
        assertThat(rows(testingSession(), "EXPLAIN (TYPE VALIDATE) SELECT * FROM orders")).containsExactly(List.of("true"));
        assertThat(outputTypes(testingSession(), "EXPLAIN (TYPE VALIDATE) SELECT * FROM orders")).containsExactly(BOOLEAN);

        assertFails(testingSession(), "EXPLAIN (TYPE VALIDATE) SELECT * FROM nope", ErrorCode.TABLE_NOT_FOUND, "Table 'testing.sales.nope' does not exist");
        assertFails(testingSession(), "EXPLAIN ANALYZE SET SESSION query_max_run_time = '1h'", ErrorCode.NOT_SUPPORTED, "EXPLAIN ANALYZE of a statement other than a query is not supported yet");
        String distributed = rows(testingSession(), "EXPLAIN (TYPE DISTRIBUTED, FORMAT TEXT) SELECT status, rank() OVER (ORDER BY price) FROM orders").get(0).get(0);
        // the window over all rows runs in the root fragment, over the rows gathered from the scan's fragment
        assertThat(distributed).startsWith("Fragment 0 [SINGLE]\n    Output partitioning: GATHER\n    Output layout: [");
        assertThat(distributed).contains("Window[orderBy = [", "rank() RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", "RemoteSource[GATHER, fragments = [1]]",
                "Fragment 1 [SOURCE]\n    Output partitioning: GATHER", "TableScan");
        String aggregated = rows(testingSession(), "EXPLAIN (TYPE DISTRIBUTED) SELECT status, avg(price) FROM orders GROUP BY status").get(0).get(0);
        assertThat(aggregated).contains("Fragment 0 [SINGLE]", "Fragment 1 [HASH]\n    Output partitioning: GATHER", "Aggregate[FINAL, keys = [status]]",
                "RemoteSource[REPARTITION, fragments = [2]]", "Fragment 2 [SOURCE]\n    Output partitioning: REPARTITION [status]", "Aggregate[PARTIAL, keys = [status]]");
        Session broadcast = with(testingSession(), Map.of("join_distribution_type", "BROADCAST"), Map.of(), Optional.empty());
        Session partitioned = with(testingSession(), Map.of("join_distribution_type", "PARTITIONED"), Map.of(), Optional.empty());
        String join = "EXPLAIN (TYPE DISTRIBUTED) SELECT o.status, c.name FROM orders o JOIN customer c ON o.custkey = c.custkey";
        assertThat(rows(broadcast, join).get(0).get(0)).contains("RemoteSource[REPLICATE").doesNotContain("REPARTITION");
        assertThat(rows(partitioned, join).get(0).get(0)).contains("RemoteSource[REPARTITION").doesNotContain("REPLICATE");
        String grouped = planner.explain(testingSession(), "SELECT status, count(*), grouping(status) FROM orders GROUP BY ROLLUP (status)");
        assertThat(grouped).contains("Aggregate[SINGLE, keys = [", "GroupId[(status), ()]", " := grouping(status)");
        assertFails(testingSession(), "EXPLAIN (FORMAT JSON) SELECT 1", ErrorCode.NOT_SUPPORTED, "EXPLAIN (FORMAT JSON) is not supported yet");
    }

    @Test
    void writeStatementsArePlannedNotRun()
    {
        PlannedStatement create = planner.plan(testingSession(), "CREATE TABLE t (a bigint)");
        assertThat(create.plan()).isEmpty();
        assertThat(create.updateType()).contains("CREATE TABLE");
        assertThat(create.dataDefinition()).isPresent();

        PlannedStatement insert = planner.plan(testingSession(), "INSERT INTO orders SELECT * FROM orders");
        assertThat(insert.updateType()).contains("INSERT");
        assertThat(insert.writeTarget().orElseThrow().table().toString()).isEqualTo("testing.sales.orders");
        assertThat(insert.plan().orElseThrow().outputs()).hasSize(outputTypes(testingSession(), "SELECT * FROM orders").size());

        assertFails(testingSession(), "DROP TABLE nope", ErrorCode.TABLE_NOT_FOUND, "Table 'testing.sales.nope' does not exist");
        assertFails(testingSession(), "CREATE SCHEMA testing.sales", ErrorCode.ALREADY_EXISTS, "Schema 'testing.sales' already exists");
    }

    @Test
    void syntaxErrorsComeFromTheParser()
    {
        assertThatThrownBy(() -> planner.plan(testingSession(), "SELEC 1"))
                .isInstanceOfSatisfying(StrataException.class, failure -> assertThat(failure.errorCode()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    }
}
