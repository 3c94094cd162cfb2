package io.strata.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static io.strata.protocol.ErrorType.EXTERNAL;
import static io.strata.protocol.ErrorType.INSUFFICIENT_RESOURCES;
import static io.strata.protocol.ErrorType.INTERNAL_ERROR;
import static io.strata.protocol.ErrorType.USER_ERROR;

/**
 * Every error Strata reports, with Presto's numbers and names where Presto has the same error, so that
 * clients written for Presto classify our errors unchanged. Strata's own user errors (where Presto folds
 * several mistakes into one code) start at {@code 0x0000_0100}.
 * <p>
 * {@code retriable} tells a client that routes between coordinators whether running the same statement
 * again, elsewhere, can succeed; {@code sqlState} is what the JDBC driver puts in its {@code SQLException}.
 */
public enum ErrorCode
{
    GENERIC_USER_ERROR(0x0000_0000, USER_ERROR, false, "HY000"),
    SYNTAX_ERROR(0x0000_0001, USER_ERROR, false, "42000"),
    ABANDONED_QUERY(0x0000_0002, USER_ERROR, false, "HY008"),
    USER_CANCELED(0x0000_0003, USER_ERROR, false, "57014"),
    PERMISSION_DENIED(0x0000_0004, USER_ERROR, false, "42501"),
    NOT_FOUND(0x0000_0005, USER_ERROR, false, "42000"),
    FUNCTION_NOT_FOUND(0x0000_0006, USER_ERROR, false, "42883"),
    INVALID_FUNCTION_ARGUMENT(0x0000_0007, USER_ERROR, false, "22023"),
    DIVISION_BY_ZERO(0x0000_0008, USER_ERROR, false, "22012"),
    INVALID_CAST_ARGUMENT(0x0000_0009, USER_ERROR, false, "22018"),
    OPERATOR_NOT_FOUND(0x0000_000A, USER_ERROR, false, "42883"),
    INVALID_VIEW(0x0000_000B, USER_ERROR, false, "42000"),
    ALREADY_EXISTS(0x0000_000C, USER_ERROR, false, "42S01"),
    NOT_SUPPORTED(0x0000_000D, USER_ERROR, false, "0A000"),
    INVALID_SESSION_PROPERTY(0x0000_000E, USER_ERROR, false, "22023"),
    INVALID_WINDOW_FRAME(0x0000_000F, USER_ERROR, false, "42000"),
    CONSTRAINT_VIOLATION(0x0000_0010, USER_ERROR, false, "23000"),
    TRANSACTION_CONFLICT(0x0000_0011, USER_ERROR, false, "40001"),
    INVALID_TABLE_PROPERTY(0x0000_0012, USER_ERROR, false, "22023"),
    NUMERIC_VALUE_OUT_OF_RANGE(0x0000_0013, USER_ERROR, false, "22003"),
    UNKNOWN_TRANSACTION(0x0000_0014, USER_ERROR, false, "25000"),
    NOT_IN_TRANSACTION(0x0000_0015, USER_ERROR, false, "25000"),
    TRANSACTION_ALREADY_ABORTED(0x0000_0016, USER_ERROR, false, "25P02"),
    READ_ONLY_VIOLATION(0x0000_0017, USER_ERROR, false, "25006"),
    MULTI_CATALOG_WRITE_CONFLICT(0x0000_0018, USER_ERROR, false, "25000"),
    AUTOCOMMIT_WRITE_CONFLICT(0x0000_0019, USER_ERROR, false, "25000"),
    UNSUPPORTED_ISOLATION_LEVEL(0x0000_001A, USER_ERROR, false, "0A000"),
    INCOMPATIBLE_CLIENT(0x0000_001B, USER_ERROR, false, "08001"),
    SUBQUERY_MULTIPLE_ROWS(0x0000_001C, USER_ERROR, false, "21000"),
    PROCEDURE_NOT_FOUND(0x0000_001D, USER_ERROR, false, "42000"),
    INVALID_PROCEDURE_ARGUMENT(0x0000_001E, USER_ERROR, false, "22023"),
    QUERY_REJECTED(0x0000_001F, USER_ERROR, false, "HY000"),
    AMBIGUOUS_FUNCTION_CALL(0x0000_0020, USER_ERROR, false, "42725"),
    INVALID_SCHEMA_PROPERTY(0x0000_0021, USER_ERROR, false, "22023"),
    SCHEMA_NOT_EMPTY(0x0000_0022, USER_ERROR, false, "2BP01"),
    QUERY_TEXT_TOO_LARGE(0x0000_0023, USER_ERROR, false, "54000"),
    UNSUPPORTED_SUBQUERY(0x0000_0024, USER_ERROR, false, "0A000"),
    EXCEEDED_FUNCTION_MEMORY_LIMIT(0x0000_0025, USER_ERROR, false, "54000"),
    ADMINISTRATIVELY_KILLED(0x0000_0026, USER_ERROR, false, "57000"),

    // Strata's own user errors: Presto reports these as SYNTAX_ERROR or NOT_FOUND
    TABLE_NOT_FOUND(0x0000_0100, USER_ERROR, false, "42S02"),
    COLUMN_NOT_FOUND(0x0000_0101, USER_ERROR, false, "42S22"),
    CATALOG_NOT_FOUND(0x0000_0102, USER_ERROR, false, "3D000"),
    SCHEMA_NOT_FOUND(0x0000_0103, USER_ERROR, false, "3F000"),
    TYPE_MISMATCH(0x0000_0104, USER_ERROR, false, "42804"),
    AMBIGUOUS_NAME(0x0000_0105, USER_ERROR, false, "42702"),
    MISSING_CATALOG_NAME(0x0000_0106, USER_ERROR, false, "3D000"),
    MISSING_SCHEMA_NAME(0x0000_0107, USER_ERROR, false, "3F000"),
    INVALID_LITERAL(0x0000_0108, USER_ERROR, false, "22007"),
    STATEMENT_TOO_LARGE(0x0000_0109, USER_ERROR, false, "54001"),
    PREPARED_STATEMENT_NOT_FOUND(0x0000_010A, USER_ERROR, false, "26000"),
    INVALID_PARAMETER_USAGE(0x0000_010B, USER_ERROR, false, "07001"),
    BAD_REQUEST(0x0000_010C, USER_ERROR, false, "08P01"),

    GENERIC_INTERNAL_ERROR(0x0001_0000, INTERNAL_ERROR, false, "XX000"),
    TOO_MANY_REQUESTS_FAILED(0x0001_0001, INTERNAL_ERROR, true, "08006"),
    PAGE_TOO_LARGE(0x0001_0002, INTERNAL_ERROR, false, "XX000"),
    PAGE_TRANSPORT_ERROR(0x0001_0003, INTERNAL_ERROR, true, "08006"),
    PAGE_TRANSPORT_TIMEOUT(0x0001_0004, INTERNAL_ERROR, true, "08006"),
    NO_NODES_AVAILABLE(0x0001_0005, INTERNAL_ERROR, true, "08001"),
    REMOTE_TASK_ERROR(0x0001_0006, INTERNAL_ERROR, true, "08006"),
    COMPILER_ERROR(0x0001_0007, INTERNAL_ERROR, false, "XX000"),
    REMOTE_TASK_MISMATCH(0x0001_0008, INTERNAL_ERROR, true, "08006"),
    SERVER_SHUTTING_DOWN(0x0001_0009, INTERNAL_ERROR, true, "08004"),
    FUNCTION_IMPLEMENTATION_MISSING(0x0001_000A, INTERNAL_ERROR, false, "XX000"),
    REMOTE_BUFFER_CLOSE_FAILED(0x0001_000B, INTERNAL_ERROR, true, "08006"),
    SERVER_STARTING_UP(0x0001_000C, INTERNAL_ERROR, true, "08004"),
    FUNCTION_IMPLEMENTATION_ERROR(0x0001_000D, INTERNAL_ERROR, false, "XX000"),

    GENERIC_INSUFFICIENT_RESOURCES(0x0002_0000, INSUFFICIENT_RESOURCES, false, "53000"),
    EXCEEDED_GLOBAL_MEMORY_LIMIT(0x0002_0001, INSUFFICIENT_RESOURCES, false, "53200"),
    QUERY_QUEUE_FULL(0x0002_0002, INSUFFICIENT_RESOURCES, true, "53000"),
    EXCEEDED_TIME_LIMIT(0x0002_0003, INSUFFICIENT_RESOURCES, false, "57014"),
    CLUSTER_OUT_OF_MEMORY(0x0002_0004, INSUFFICIENT_RESOURCES, true, "53200"),
    EXCEEDED_CPU_LIMIT(0x0002_0005, INSUFFICIENT_RESOURCES, false, "53000"),
    EXCEEDED_SPILL_LIMIT(0x0002_0006, INSUFFICIENT_RESOURCES, false, "53100"),
    EXCEEDED_LOCAL_MEMORY_LIMIT(0x0002_0007, INSUFFICIENT_RESOURCES, false, "53200"),

    // Connectors' failures: the data source, not Strata nor the user
    GENERIC_EXTERNAL(0x0100_0000, EXTERNAL, true, "58000");

    private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

    static {
        for (ErrorCode errorCode : values()) {
            BY_CODE.put(errorCode.code, errorCode);
        }
    }

    private final int code;
    private final ErrorType type;
    private final boolean retriable;
    private final String sqlState;

    ErrorCode(int code, ErrorType type, boolean retriable, String sqlState)
    {
        this.code = code;
        this.type = type;
        this.retriable = retriable;
        this.sqlState = sqlState;
    }

    public int code()
    {
        return code;
    }

    public ErrorType type()
    {
        return type;
    }

    /** Whether the same statement, run again (possibly on another coordinator), can succeed. */
    public boolean retriable()
    {
        return retriable;
    }

    /** The SQLSTATE a JDBC driver reports for this error. */
    public String sqlState()
    {
        return sqlState;
    }

    public static Optional<ErrorCode> fromCode(int code)
    {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
