package io.strata.core.execution.query;

import io.airlift.slice.Slices;
import io.strata.core.execution.OutputColumn;
import io.strata.core.execution.driver.OperatorStatistics;
import io.strata.core.planner.AnnotatedPlanPrinter;
import io.strata.core.planner.plan.PlanNodeId;
import io.strata.spi.block.BlockBuilder;
import io.strata.spi.block.Page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.strata.core.execution.memory.DataSizes.succinctBytes;
import static io.strata.spi.type.VarcharType.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * The one row {@code EXPLAIN ANALYZE} returns: the plan, each node followed by what its operators did, summed
 * over drivers and tasks (rows and bytes in and out, wall time, peak memory of one driver's instance).
 */
final class ExplainAnalyzeOutput
{
    static final List<OutputColumn> OUTPUT_COLUMNS = List.of(new OutputColumn("Query Plan", VARCHAR));

    private ExplainAnalyzeOutput() {}

    static Page page(AnnotatedPlanPrinter printer, List<OperatorStatistics> operators, long elapsedMillis)
    {
        requireNonNull(printer, "printer is null");
        Map<PlanNodeId, List<String>> lines = new LinkedHashMap<>();
        long totalInputRows = 0;
        long totalWallNanos = 0;
        for (OperatorStatistics operator : operators) {
            lines.computeIfAbsent(operator.planNodeId(), id -> new ArrayList<>()).add(describe(operator));
            totalInputRows += operator.rawInputPositions();
            totalWallNanos += operator.wallNanos();
        }
        String text = String.format(Locale.ROOT, "Query: %d ms elapsed, %s operator wall, %,d input rows%n", elapsedMillis, duration(totalWallNanos), totalInputRows)
                + printer.print(id -> lines.getOrDefault(id, List.of()));
        BlockBuilder block = VARCHAR.createBlockBuilder(1);
        block.appendValue(Slices.utf8Slice(text));
        return new Page(block.build());
    }

    private static String describe(OperatorStatistics operator)
    {
        StringBuilder line = new StringBuilder(operator.operatorType()).append(": ");
        if (operator.rawInputPositions() > 0) {
            line.append(String.format(Locale.ROOT, "read %,d rows (%s), ", operator.rawInputPositions(), succinctBytes(operator.rawInputBytes())));
        }
        return line.append(String.format(Locale.ROOT, "input %,d rows (%s), output %,d rows (%s), wall %s, peak memory %s, %d drivers",
                operator.inputPositions(), succinctBytes(operator.inputBytes()),
                operator.outputPositions(), succinctBytes(operator.outputBytes()),
                duration(operator.wallNanos()), succinctBytes(operator.peakMemoryBytes()), operator.drivers())).toString();
    }

    private static String duration(long nanos)
    {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
