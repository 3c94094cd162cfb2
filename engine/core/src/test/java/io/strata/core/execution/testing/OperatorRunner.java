package io.strata.core.execution.testing;

import io.strata.core.execution.driver.DriverContext;
import io.strata.core.execution.driver.Operator;
import io.strata.core.execution.driver.OperatorFactory;
import io.strata.core.execution.driver.PipelineContext;
import io.strata.core.execution.memory.MemoryPool;
import io.strata.core.execution.memory.QueryMemoryContext;
import io.strata.spi.block.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one operator over input pages as a driver would, and collects its output.
 */
public final class OperatorRunner
{
    private OperatorRunner() {}

    public static DriverContext driverContext(long maxMemoryBytes)
    {
        QueryMemoryContext memory = new QueryMemoryContext("test_query", maxMemoryBytes, new MemoryPool(Long.MAX_VALUE));
        return new PipelineContext(0, memory).newDriverContext();
    }

    public static DriverContext driverContext()
    {
        return driverContext(1L << 30);
    }

    public static List<Page> run(OperatorFactory factory, List<Page> input)
    {
        return run(factory.createOperator(driverContext()), input);
    }

    public static List<Page> run(Operator operator, List<Page> input)
    {
        List<Page> output = new ArrayList<>();
        try (operator) {
            for (Page page : input) {
                while (!operator.needsInput() && !operator.isFinished()) {
                    Page out = operator.getOutput();
                    if (out == null) {
                        throw new IllegalStateException("operator neither takes input nor gives output");
                    }
                    output.add(out);
                }
                if (operator.isFinished()) {
                    break;
                }
                operator.addInput(page);
                Page out = operator.getOutput();
                if (out != null) {
                    output.add(out);
                }
            }
            operator.finish();
            int spins = 0;
            while (!operator.isFinished()) {
                Page out = operator.getOutput();
                if (out != null) {
                    output.add(out);
                }
                else if (++spins > 1_000_000) {
                    throw new IllegalStateException("operator does not finish");
                }
            }
        }
        return output;
    }
}
