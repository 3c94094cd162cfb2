package io.strata.protocol;

import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestProtocolHeaders
{
    @Test
    void spellsNamesPerDialect()
    {
        assertThat(ProtocolHeaders.PRESTO.requestUser()).isEqualTo("X-Presto-User");
        assertThat(ProtocolHeaders.TRINO.requestUser()).isEqualTo("X-Trino-User");
        assertThat(ProtocolHeaders.PRESTO.requestCatalog()).isEqualTo("X-Presto-Catalog");
        assertThat(ProtocolHeaders.PRESTO.requestTimeZone()).isEqualTo("X-Presto-Time-Zone");
        assertThat(ProtocolHeaders.PRESTO.requestPreparedStatement()).isEqualTo("X-Presto-Prepared-Statement");
        assertThat(ProtocolHeaders.PRESTO.requestTransactionId()).isEqualTo("X-Presto-Transaction-Id");
        assertThat(ProtocolHeaders.PRESTO.responseSetCatalog()).isEqualTo("X-Presto-Set-Catalog");
        assertThat(ProtocolHeaders.TRINO.responseSetCatalog()).isEqualTo("X-Trino-Set-Catalog");
        assertThat(ProtocolHeaders.PRESTO.responseAddedPrepare()).isEqualTo("X-Presto-Added-Prepare");
        assertThat(ProtocolHeaders.PRESTO.responseClearTransactionId()).isEqualTo("X-Presto-Clear-Transaction-Id");
        assertThat(ProtocolHeaders.TRINO.requestClientCapabilities()).isEqualTo("X-Trino-Client-Capabilities");
        assertThat(Dialect.TRINO.headers()).isSameAs(ProtocolHeaders.TRINO);
        assertThat(ProtocolHeaders.of(Dialect.PRESTO).dialect()).isEqualTo(Dialect.PRESTO);
    }

    @Test
    void everyNameExistsInBothSpellingsAndIsUnique()
            throws IllegalAccessException, InvocationTargetException
    {
        Set<String> prestoNames = new HashSet<>();
        int count = 0;
        for (Method method : ProtocolHeaders.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                    || method.getReturnType() != String.class || method.getParameterCount() != 0
                    || method.getName().equals("toString")) {
                continue;
            }
            String presto = (String) method.invoke(ProtocolHeaders.PRESTO);
            String trino = (String) method.invoke(ProtocolHeaders.TRINO);
            assertThat(presto).startsWith("X-Presto-");
            assertThat(trino).isEqualTo("X-Trino-" + presto.substring("X-Presto-".length()));
            assertThat(prestoNames.add(presto)).as("%s is used twice", presto).isTrue();
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(35);
    }

    @Test
    void detectsDialectFromHeaderNames()
    {
        assertThat(Dialect.detect(List.of("Host", "x-trino-user", "Accept"))).isEqualTo(Dialect.TRINO);
        assertThat(Dialect.detect(List.of("X-PRESTO-USER", "X-Presto-Source"))).isEqualTo(Dialect.PRESTO);
        assertThat(Dialect.detect(List.of("Host"))).isEqualTo(Dialect.PRESTO);
        assertThat(Dialect.detect(List.of())).isEqualTo(Dialect.PRESTO);
        assertThatThrownBy(() -> Dialect.detect(List.of("X-Presto-User", "X-Trino-Source")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mixes");
    }
}
