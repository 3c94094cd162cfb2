package io.strata.core.execution.query;

import io.strata.connector.tpch.TpchConnectorFactory;
import io.strata.core.execution.task.TaskManagerConfig;
import io.strata.core.execution.testing.PlanBuilder;
import io.strata.core.execution.testing.TestingQueryRunner;
import io.strata.core.execution.testing.TestingQueryRunner.MaterializedResult;
import io.strata.core.execution.testing.Values;
import io.strata.core.expression.Call;
import io.strata.core.expression.Constant;
import io.strata.core.expression.FunctionNames;
import io.strata.core.expression.RowExpression;
import io.strata.core.expression.SpecialForm;
import io.strata.core.expression.SpecialForm.Form;
import io.strata.core.planner.plan.OutputNode;
import io.strata.core.planner.plan.PlanNode;
import io.strata.core.planner.plan.Symbol;
import io.strata.core.session.Session;
import io.strata.spi.block.Page;
import io.strata.spi.connector.ColumnHandle;
import io.strata.spi.connector.ColumnMetadata;
import io.strata.spi.connector.Connector;
import io.strata.spi.connector.ConnectorPageSource;
import io.strata.spi.connector.ConnectorSession;
import io.strata.spi.connector.ConnectorSplit;
import io.strata.spi.connector.ConnectorSplitSource;
import io.strata.spi.connector.ConnectorTableHandle;
import io.strata.spi.connector.SchemaTableName;
import io.strata.spi.type.DecimalType;
import io.strata.spi.type.Type;
import io.strata.spi.type.VarcharType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.strata.core.execution.testing.PlanBuilder.aggregate;
import static io.strata.core.execution.testing.PlanBuilder.ascending;
import static io.strata.core.execution.testing.PlanBuilder.assign;
import static io.strata.core.execution.testing.PlanBuilder.reference;
import static io.strata.core.execution.testing.PlanBuilder.symbol;
import static io.strata.spi.type.BigintType.BIGINT;
import static io.strata.spi.type.BooleanType.BOOLEAN;
import static io.strata.spi.type.DateType.DATE;
import static io.strata.spi.type.IntegerType.INTEGER;
import static io.strata.spi.type.IntervalDayTimeType.INTERVAL_DAY_TIME;
import static io.strata.spi.type.IntervalYearMonthType.INTERVAL_YEAR_MONTH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TPC-H Q1 and Q6 as the front end would plan them (scan, filter, project, aggregate, sort, output), run
 * through {@link SqlQueryEngine} over the tpch connector's {@code tiny.lineitem}, and compared with DuckDB
 * running the queries' SQL over the same rows, read from the same page sources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTpchQueriesAgainstDuckDb
{
    private static final List<String> COLUMNS = List.of("l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate");

    private TestingQueryRunner runner;
    private Connection duckDb;
    private ConnectorTableHandle lineitem;
    private final Map<String, Symbol> symbols = new LinkedHashMap<>();
    private final Map<String, ColumnHandle> handles = new LinkedHashMap<>();

    @BeforeAll
    void setUp()
            throws SQLException, IOException
    {
        runner = new TestingQueryRunner(List.of(new TpchConnectorFactory()), Map.of("tpch", Map.of("connector.name", "tpch")),
                TaskManagerConfig.defaults().withWorkerThreads(2));
        Connector connector = runner.catalogManager().requireConnector("tpch");
        ConnectorSession session = Session.simple("load", "test", Optional.empty(), Optional.empty()).toConnectorSession();
        lineitem = connector.metadata().getTableHandle(session, new SchemaTableName("tiny", "lineitem")).orElseThrow();
        List<ColumnMetadata> metadata = connector.metadata().getTableMetadata(session, lineitem).columns();
        List<ColumnHandle> allHandles = connector.metadata().getColumnHandles(session, lineitem);
        for (int i = 0; i < metadata.size(); i++) {
            if (COLUMNS.contains(metadata.get(i).name())) {
                symbols.put(metadata.get(i).name(), symbol(metadata.get(i).name(), metadata.get(i).type()));
                handles.put(metadata.get(i).name(), allHandles.get(i));
            }
        }
        assertThat(symbols.keySet()).containsExactlyInAnyOrderElementsOf(COLUMNS);
        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        loadIntoDuckDb(connector, session);
    }

    /**
     * Loads the rows the tpch page sources produce, with the connector's own types, into DuckDB (through a CSV
     * file: DuckDB's appender costs a native call per value).
     */
    private void loadIntoDuckDb(Connector connector, ConnectorSession session)
            throws SQLException, IOException
    {
        List<String> definitions = new ArrayList<>();
        for (String column : COLUMNS) {
            definitions.add(column + " " + duckDbType(symbols.get(column).type()));
        }
        List<ColumnHandle> columns = COLUMNS.stream().map(handles::get).toList();
        List<Type> types = COLUMNS.stream().map(column -> symbols.get(column).type()).toList();
        Path file = Files.createTempFile("lineitem", ".csv");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    ConnectorSplitSource splits = connector.splitManager().getSplits(session, lineitem)) {
                while (!splits.isFinished()) {
                    for (ConnectorSplit split : splits.nextBatch(100)) {
                        try (ConnectorPageSource source = connector.pageSourceProvider().createPageSource(session, split, lineitem, columns)) {
                            while (!source.isFinished()) {
                                Page page = source.getNextPage();
                                if (page != null) {
                                    for (List<Object> row : Values.toRows(types, List.of(page))) {
                                        writer.write(csvLine(row));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            try (Statement statement = duckDb.createStatement()) {
                statement.execute("CREATE TABLE lineitem (" + String.join(", ", definitions) + ")");
                statement.execute("COPY lineitem FROM '" + file.toAbsolutePath() + "' (FORMAT csv, HEADER false, QUOTE '\"', NULL '\\N')");
            }
        }
        finally {
            Files.deleteIfExists(file);
        }
    }

    private static String csvLine(List<Object> row)
    {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = row.get(i);
            if (value == null) {
                line.append("\\N");
            }
            else if (value instanceof String) {
                line.append('"').append(((String) value).replace("\"", "\"\"")).append('"');
            }
            else if (value instanceof BigDecimal) {
                line.append(((BigDecimal) value).toPlainString());
            }
            else {
                line.append(value);
            }
        }
        return line.append('\n').toString();
    }

    private static String duckDbType(Type type)
    {
        if (type instanceof DecimalType) {
            return "DECIMAL(" + ((DecimalType) type).precision() + ", " + ((DecimalType) type).scale() + ")";
        }
        if (type instanceof VarcharType) {
            return "VARCHAR";
        }
        if (type.equals(DATE)) {
            return "DATE";
        }
        if (type.equals(INTEGER)) {
            return "INTEGER";
        }
        return "BIGINT";
    }

    @AfterAll
    void tearDown()
            throws SQLException
    {
        runner.close();
        duckDb.close();
    }

    @Test
    void testQ1()
            throws SQLException
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol quantity = symbols.get("l_quantity");
        Symbol price = symbols.get("l_extendedprice");
        Symbol discount = symbols.get("l_discount");
        Symbol tax = symbols.get("l_tax");
        Symbol returnFlag = symbols.get("l_returnflag");
        Symbol lineStatus = symbols.get("l_linestatus");
        Symbol shipDate = symbols.get("l_shipdate");
        DecimalType money = (DecimalType) price.type();

        // l_shipdate <= date '1998-12-01' - interval '90' day
        RowExpression cutoff = new Call(FunctionNames.SUBTRACT, List.of(
                new Constant((int) LocalDate.of(1998, 12, 1).toEpochDay(), DATE), new Constant(90L * 86_400_000L, INTERVAL_DAY_TIME)), DATE);
        PlanNode filter = plan.filter(scan(plan), new Call(FunctionNames.LESS_THAN_OR_EQUAL, List.of(reference(shipDate), cutoff), BOOLEAN));

        // disc_price := l_extendedprice * (1 - l_discount); charge := disc_price * (1 + l_tax), with Presto's types
        DecimalType one = new DecimalType(1, 0);
        DecimalType oneMinus = addType(one, money);
        DecimalType discPriceType = multiplyType(money, oneMinus);
        DecimalType chargeType = multiplyType(discPriceType, addType(one, money));
        Symbol discPrice = symbol("disc_price", discPriceType);
        Symbol charge = symbol("charge", chargeType);
        RowExpression discPriceExpression = new Call(FunctionNames.MULTIPLY, List.of(reference(price),
                new Call(FunctionNames.SUBTRACT, List.of(new Constant(1L, one), reference(discount)), oneMinus)), discPriceType);
        PlanNode project = plan.project(filter, List.of(returnFlag, lineStatus, quantity, price, discount),
                assign(discPrice, discPriceExpression),
                assign(charge, new Call(FunctionNames.MULTIPLY, List.of(discPriceExpression,
                        new Call(FunctionNames.ADD, List.of(new Constant(1L, one), reference(tax)), addType(one, money))), chargeType)));

        Symbol sumQuantity = symbol("sum_qty", new DecimalType(38, money.scale()));
        Symbol sumBasePrice = symbol("sum_base_price", new DecimalType(38, money.scale()));
        Symbol sumDiscPrice = symbol("sum_disc_price", new DecimalType(38, discPriceType.scale()));
        Symbol sumCharge = symbol("sum_charge", new DecimalType(38, chargeType.scale()));
        Symbol averageQuantity = symbol("avg_qty", money);
        Symbol averagePrice = symbol("avg_price", money);
        Symbol averageDiscount = symbol("avg_disc", money);
        Symbol countOrder = symbol("count_order", BIGINT);
        PlanNode aggregation = plan.aggregation(project, List.of(returnFlag, lineStatus),
                aggregate(sumQuantity, "sum", quantity),
                aggregate(sumBasePrice, "sum", price),
                aggregate(sumDiscPrice, "sum", discPrice),
                aggregate(sumCharge, "sum", charge),
                aggregate(averageQuantity, "avg", quantity),
                aggregate(averagePrice, "avg", price),
                aggregate(averageDiscount, "avg", discount),
                aggregate(countOrder, "count"));
        OutputNode root = plan.output(plan.sort(aggregation, ascending(returnFlag), ascending(lineStatus)), List.of(
                returnFlag, lineStatus, sumQuantity, sumBasePrice, sumDiscPrice, sumCharge, averageQuantity, averagePrice, averageDiscount, countOrder));

        MaterializedResult actual = runner.execute(root);

        // DuckDB computes the sums and counts exactly; the averages follow Presto's decimal rule (the sum over the
        // count, rounded half up to the argument's scale), computed here from DuckDB's exact sums
        List<List<Object>> expected = new ArrayList<>();
        String sql = "SELECT l_returnflag, l_linestatus, sum(l_quantity), sum(l_extendedprice), sum(l_extendedprice * (1 - l_discount)), "
                + "sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)), sum(l_discount), count(*) "
                + "FROM lineitem WHERE l_shipdate <= date '1998-12-01' - interval '90' day "
                + "GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus";
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            while (resultSet.next()) {
                BigDecimal count = BigDecimal.valueOf(resultSet.getLong(8));
                expected.add(List.of(
                        resultSet.getString(1),
                        resultSet.getString(2),
                        resultSet.getBigDecimal(3).setScale(2),
                        resultSet.getBigDecimal(4).setScale(2),
                        resultSet.getBigDecimal(5).setScale(discPriceType.scale()),
                        resultSet.getBigDecimal(6).setScale(chargeType.scale()),
                        resultSet.getBigDecimal(3).divide(count, 2, RoundingMode.HALF_UP),
                        resultSet.getBigDecimal(4).divide(count, 2, RoundingMode.HALF_UP),
                        resultSet.getBigDecimal(7).divide(count, 2, RoundingMode.HALF_UP),
                        resultSet.getLong(8)));
            }
        }
        assertThat(expected).hasSize(4);
        assertThat(actual.rows()).isEqualTo(expected);
        assertThat(actual.query().statistics().processedRows()).isEqualTo(count("SELECT count(*) FROM lineitem"));
        assertThat(actual.query().statistics().completedSplits()).isEqualTo(actual.query().statistics().totalSplits());
    }

    @Test
    void testQ6()
            throws SQLException
    {
        PlanBuilder plan = new PlanBuilder();
        Symbol quantity = symbols.get("l_quantity");
        Symbol price = symbols.get("l_extendedprice");
        Symbol discount = symbols.get("l_discount");
        Symbol shipDate = symbols.get("l_shipdate");
        DecimalType money = (DecimalType) price.type();

        Constant start = new Constant((int) LocalDate.of(1994, 1, 1).toEpochDay(), DATE);
        RowExpression end = new Call(FunctionNames.ADD, List.of(start, new Constant(12, INTERVAL_YEAR_MONTH)), DATE);
        DecimalType bound = new DecimalType(3, 2);
        RowExpression predicate = new SpecialForm(Form.AND, List.of(
                new Call(FunctionNames.GREATER_THAN_OR_EQUAL, List.of(reference(shipDate), start), BOOLEAN),
                new Call(FunctionNames.LESS_THAN, List.of(reference(shipDate), end), BOOLEAN),
                // l_discount between .06 - 0.01 and .06 + 0.01
                new SpecialForm(Form.BETWEEN, List.of(reference(discount),
                        new Call(FunctionNames.SUBTRACT, List.of(new Constant(6L, new DecimalType(2, 2)), new Constant(1L, bound)), bound),
                        new Call(FunctionNames.ADD, List.of(new Constant(6L, new DecimalType(2, 2)), new Constant(1L, bound)), bound)), BOOLEAN),
                // l_quantity < 24, an integer the kernel coerces
                new Call(FunctionNames.LESS_THAN, List.of(reference(quantity), new Constant(24, INTEGER)), BOOLEAN)), BOOLEAN);
        DecimalType revenueType = multiplyType(money, money);
        Symbol product = symbol("product", revenueType);
        PlanNode project = plan.project(plan.filter(scan(plan), predicate), List.of(),
                assign(product, new Call(FunctionNames.MULTIPLY, List.of(reference(price), reference(discount)), revenueType)));
        Symbol revenue = symbol("revenue", new DecimalType(38, revenueType.scale()));
        OutputNode root = plan.output(plan.aggregation(project, List.of(), aggregate(revenue, "sum", product)), List.of(revenue));

        MaterializedResult actual = runner.execute(root);

        String sql = "SELECT sum(l_extendedprice * l_discount) FROM lineitem "
                + "WHERE l_shipdate >= date '1994-01-01' AND l_shipdate < date '1994-01-01' + interval '1' year "
                + "AND l_discount BETWEEN .06 - 0.01 AND .06 + 0.01 AND l_quantity < 24";
        BigDecimal expected;
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            assertThat(resultSet.next()).isTrue();
            expected = resultSet.getBigDecimal(1).setScale(revenueType.scale());
        }
        assertThat(actual.rows()).containsExactly(List.of(expected));
        assertThat(actual.columns()).extracting(column -> column.name()).containsExactly("revenue");
    }

    private PlanNode scan(PlanBuilder plan)
    {
        return plan.tableScan("tpch", lineitem, COLUMNS.stream().map(symbols::get).toList(), COLUMNS.stream().map(handles::get).toList());
    }

    private long count(String sql)
            throws SQLException
    {
        try (Statement statement = duckDb.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    private static DecimalType addType(DecimalType left, DecimalType right)
    {
        int scale = Math.max(left.scale(), right.scale());
        return new DecimalType(Math.min(38, 1 + Math.max(left.precision() - left.scale(), right.precision() - right.scale()) + scale), scale);
    }

    private static DecimalType multiplyType(DecimalType left, DecimalType right)
    {
        return new DecimalType(Math.min(38, left.precision() + right.precision()), left.scale() + right.scale());
    }
}
