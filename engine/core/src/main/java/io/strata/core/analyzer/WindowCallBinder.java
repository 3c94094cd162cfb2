package io.strata.core.analyzer;

import io.strata.core.expression.RowExpression;
import io.strata.core.metadata.FunctionResolver;
import io.strata.core.metadata.ResolvedFunction;
import io.strata.core.metadata.TypeCoercion;
import io.strata.core.planner.plan.SortOrder;
import io.strata.core.planner.plan.WindowFrameSpec.BoundType;
import io.strata.protocol.ErrorCode;
import io.strata.spi.StrataException;
import io.strata.spi.type.Type;
import io.strata.sql.formatter.SqlFormatter;
import io.strata.sql.tree.Expression;
import io.strata.sql.tree.FrameBound;
import io.strata.sql.tree.FunctionCall;
import io.strata.sql.tree.Node;
import io.strata.sql.tree.SortItem;
import io.strata.sql.tree.WindowFrame;
import io.strata.sql.tree.WindowSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static io.strata.spi.type.BigintType.BIGINT;
import static java.util.Objects.requireNonNull;

/**
 * Binds one {@code f(...) OVER (...)} call: resolves the function (an aggregate, or a ranking or value
 * function), binds its arguments, partition and order keys and frame bounds with the caller's binder, and
 * checks the frame the way Presto does.
 */
final class WindowCallBinder
{
    private final FunctionResolver functions;
    private final Function<Expression, RowExpression> binder;

    WindowCallBinder(FunctionResolver functions, Function<Expression, RowExpression> binder)
    {
        this.functions = requireNonNull(functions, "functions is null");
        this.binder = requireNonNull(binder, "binder is null");
    }

    BoundWindowFunction bind(FunctionCall call)
    {
        WindowSpecification window = call.window().orElseThrow();
        if (call.name().parts().size() > 1) {
            throw error(ErrorCode.FUNCTION_NOT_FOUND, call, "Function " + call.name() + " not registered");
        }
        String name = call.name().suffix().toLowerCase(Locale.ENGLISH);
        if (call.distinct()) {
            throw error(ErrorCode.NOT_SUPPORTED, call, "DISTINCT in window function parameters not yet supported: " + SqlFormatter.formatExpression(call));
        }
        if (call.filter().isPresent()) {
            throw error(ErrorCode.NOT_SUPPORTED, call, "FILTER is not yet supported for window functions");
        }
        List<RowExpression> arguments = call.arguments().stream().map(binder).toList();
        List<Type> argumentTypes = arguments.stream().map(RowExpression::type).toList();
        boolean aggregate = functions.isAggregate(name);
        List<Type> expectedTypes;
        Type returnType;
        if (aggregate) {
            ResolvedFunction function = functions.resolveFunction(name, argumentTypes, call.location());
            expectedTypes = function.argumentTypes();
            returnType = function.returnType();
            name = function.name();
        }
        else if (WindowFunctionSignatures.isWindowFunction(name)) {
            WindowFunctionSignatures.Signature signature = WindowFunctionSignatures.resolve(name, argumentTypes, call.location());
            expectedTypes = signature.argumentTypes();
            returnType = signature.returnType();
        }
        else if (functions.isRegistered(name)) {
            throw error(ErrorCode.FUNCTION_NOT_FOUND, call, "Not a window function: " + name);
        }
        else {
            throw error(ErrorCode.FUNCTION_NOT_FOUND, call, "Function " + name + " not registered");
        }
        List<RowExpression> coerced = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            coerced.add(ExpressionAnalyzer.coerce(arguments.get(i), expectedTypes.get(i)));
        }

        List<RowExpression> partitionBy = window.partitionBy().stream().map(binder).toList();
        List<RowExpression> orderBy = new ArrayList<>();
        List<SortOrder> orderings = new ArrayList<>();
        if (window.orderBy().isPresent()) {
            for (SortItem item : window.orderBy().get().sortItems()) {
                RowExpression key = binder.apply(item.sortKey());
                if (!key.type().isOrderable()) {
                    throw error(ErrorCode.TYPE_MISMATCH, item, "Type " + key.type().displayName() + " is not orderable, and therefore cannot be used in window function ORDER BY");
                }
                orderBy.add(key);
                orderings.add(sortOrder(item));
            }
        }
        BoundWindowFunction.Frame frame = window.frame().map(this::frame).orElse(BoundWindowFunction.Frame.DEFAULT);
        return new BoundWindowFunction(name, coerced, aggregate, partitionBy, orderBy, orderings, frame, returnType);
    }

    private BoundWindowFunction.Frame frame(WindowFrame frame)
    {
        FrameBound start = frame.start();
        FrameBound end = frame.end().orElse(new FrameBound(frame.location(), FrameBound.Type.CURRENT_ROW, Optional.empty()));
        FrameBound.Type startType = start.type();
        FrameBound.Type endType = end.type();
        if (startType == FrameBound.Type.UNBOUNDED_FOLLOWING) {
            throw error(ErrorCode.INVALID_WINDOW_FRAME, frame, "Window frame start cannot be UNBOUNDED FOLLOWING");
        }
        if (endType == FrameBound.Type.UNBOUNDED_PRECEDING) {
            throw error(ErrorCode.INVALID_WINDOW_FRAME, frame, "Window frame end cannot be UNBOUNDED PRECEDING");
        }
        if (startType == FrameBound.Type.CURRENT_ROW && endType == FrameBound.Type.PRECEDING) {
            throw error(ErrorCode.INVALID_WINDOW_FRAME, frame, "Window frame starting from CURRENT ROW cannot end with PRECEDING");
        }
        if (startType == FrameBound.Type.FOLLOWING && (endType == FrameBound.Type.PRECEDING || endType == FrameBound.Type.CURRENT_ROW)) {
            throw error(ErrorCode.INVALID_WINDOW_FRAME, frame, "Window frame starting from FOLLOWING cannot end with " + (endType == FrameBound.Type.PRECEDING ? "PRECEDING" : "CURRENT ROW"));
        }
        boolean rows = frame.type() == WindowFrame.Type.ROWS;
        if (!rows && (start.value().isPresent() || end.value().isPresent())) {
            throw error(ErrorCode.NOT_SUPPORTED, frame, "Window frame RANGE PRECEDING and FOLLOWING are only supported with UNBOUNDED");
        }
        return new BoundWindowFunction.Frame(rows, boundType(startType), start.value().map(this::offset), boundType(endType), end.value().map(this::offset));
    }

    private RowExpression offset(Expression value)
    {
        RowExpression bound = binder.apply(value);
        if (!TypeCoercion.canCoerce(bound.type(), BIGINT)) {
            throw error(ErrorCode.TYPE_MISMATCH, value, "Window frame offset value must be an exact numeric type (actual " + bound.type().displayName() + ")");
        }
        return ExpressionAnalyzer.coerce(bound, BIGINT);
    }

    private static BoundType boundType(FrameBound.Type type)
    {
        return BoundType.valueOf(type.name());
    }

    private static SortOrder sortOrder(SortItem item)
    {
        boolean ascending = item.ordering() == SortItem.Ordering.ASCENDING;
        // Presto puts nulls last unless told otherwise, in both directions
        boolean nullsFirst = item.nullOrdering() == SortItem.NullOrdering.FIRST;
        if (ascending) {
            return nullsFirst ? SortOrder.ASC_NULLS_FIRST : SortOrder.ASC_NULLS_LAST;
        }
        return nullsFirst ? SortOrder.DESC_NULLS_FIRST : SortOrder.DESC_NULLS_LAST;
    }

    private static StrataException error(ErrorCode code, Node node, String message)
    {
        return new StrataException(code, node.location(), message, null);
    }
}
