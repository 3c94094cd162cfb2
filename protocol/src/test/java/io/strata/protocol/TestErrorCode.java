package io.strata.protocol;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestErrorCode
{
    @Test
    void codesAreUnique()
    {
        Set<Integer> codes = new HashSet<>();
        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(codes.add(errorCode.code()))
                    .as("code %s of %s is used twice", Integer.toHexString(errorCode.code()), errorCode)
                    .isTrue();
        }
    }

    @Test
    void namesAreUniqueIgnoringCase()
    {
        Set<String> names = new HashSet<>();
        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(names.add(errorCode.name().toLowerCase(Locale.ENGLISH)))
                    .as("name %s is used twice", errorCode)
                    .isTrue();
        }
    }

    @Test
    void codesAreInTheirTypesRange()
    {
        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(errorCode.type().contains(errorCode.code()))
                    .as("%s (0x%s) outside the range of %s", errorCode, Integer.toHexString(errorCode.code()), errorCode.type())
                    .isTrue();
        }
    }

    @Test
    void typeRangesDoNotOverlap()
    {
        for (ErrorType first : ErrorType.values()) {
            assertThat(first.firstCode()).isLessThan(first.endCode());
            for (ErrorType second : ErrorType.values()) {
                if (first != second) {
                    assertThat(first.endCode() <= second.firstCode() || second.endCode() <= first.firstCode())
                            .as("%s overlaps %s", first, second)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void sqlStatesAreFiveDigitsOrCapitals()
    {
        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(errorCode.sqlState())
                    .as("SQLSTATE of %s", errorCode)
                    .matches("[0-9A-Z]{5}");
        }
    }

    @Test
    void fromCodeRoundTrips()
    {
        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(ErrorCode.fromCode(errorCode.code())).contains(errorCode);
        }
        assertThat(ErrorCode.fromCode(0x0000_FFFF)).isEmpty();
        assertThat(ErrorCode.fromCode(-1)).isEmpty();
    }

    @Test
    void prestoNumbersAreKept()
    {
        // the numbers real clients know (client-protocol.md §1.4)
        assertThat(ErrorCode.GENERIC_USER_ERROR.code()).isEqualTo(0);
        assertThat(ErrorCode.SYNTAX_ERROR.code()).isEqualTo(1);
        assertThat(ErrorCode.USER_CANCELED.code()).isEqualTo(3);
        assertThat(ErrorCode.NOT_SUPPORTED.code()).isEqualTo(0xD);
        assertThat(ErrorCode.QUERY_REJECTED.code()).isEqualTo(0x1F);
        assertThat(ErrorCode.ADMINISTRATIVELY_KILLED.code()).isEqualTo(0x26);
        assertThat(ErrorCode.GENERIC_INTERNAL_ERROR.code()).isEqualTo(0x10000);
        assertThat(ErrorCode.NO_NODES_AVAILABLE.code()).isEqualTo(0x10005);
        assertThat(ErrorCode.SERVER_SHUTTING_DOWN.code()).isEqualTo(0x10009);
        assertThat(ErrorCode.SERVER_STARTING_UP.code()).isEqualTo(0x1000C);
        assertThat(ErrorCode.EXCEEDED_GLOBAL_MEMORY_LIMIT.code()).isEqualTo(0x20001);
        assertThat(ErrorCode.QUERY_QUEUE_FULL.code()).isEqualTo(0x20002);
        assertThat(ErrorCode.EXCEEDED_TIME_LIMIT.code()).isEqualTo(0x20003);
        assertThat(ErrorCode.EXCEEDED_CPU_LIMIT.code()).isEqualTo(0x20005);
    }
}
