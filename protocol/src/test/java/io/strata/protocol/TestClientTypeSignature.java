package io.strata.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.strata.protocol.ClientTypeSignature.UNBOUNDED_VARCHAR_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestClientTypeSignature
{
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

    @Test
    void typeStringsRoundTrip()
    {
        List<String> types = List.of(
                "bigint",
                "varchar",
                "varchar(5)",
                "char(3)",
                "decimal(10,2)",
                "array(bigint)",
                "array(varchar)",
                "map(varchar,bigint)",
                "map(varchar,array(row(x bigint,y varchar(3))))",
                "row(x bigint,y varchar)",
                "row(\"a b\" bigint,\"say \"\"hi\"\"\" varchar)",
                "row(bigint,varchar)",
                "row(x timestamp with time zone,interval day to second)",
                "timestamp with time zone",
                "timestamp(3) with time zone",
                "row(timestamp(6) with time zone,y time(3))",
                "interval year to month");
        for (String type : types) {
            assertThat(ClientTypeSignature.parse(type).toString()).as(type).isEqualTo(type);
        }
    }

    @Test
    void parsesStructure()
    {
        ClientTypeSignature signature = ClientTypeSignature.parse("row(x bigint, \"Y z\" map(varchar, decimal(10, 2)), double)");
        assertThat(signature.rawType()).isEqualTo("row");
        assertThat(signature.arguments()).hasSize(3);

        NamedClientTypeSignature x = signature.arguments().get(0).namedTypeSignature();
        assertThat(x.name()).contains("x");
        assertThat(x.delimited()).isFalse();
        assertThat(x.typeSignature()).isEqualTo(ClientTypeSignature.of("bigint"));

        NamedClientTypeSignature y = signature.arguments().get(1).namedTypeSignature();
        assertThat(y.name()).contains("Y z");
        assertThat(y.delimited()).isTrue();
        assertThat(y.typeSignature()).isEqualTo(ClientTypeSignature.of(
                "map",
                ClientTypeSignatureParameter.ofType(ClientTypeSignature.of("varchar", ClientTypeSignatureParameter.ofLong(UNBOUNDED_VARCHAR_LENGTH))),
                ClientTypeSignatureParameter.ofType(ClientTypeSignature.of("decimal", ClientTypeSignatureParameter.ofLong(10), ClientTypeSignatureParameter.ofLong(2)))));

        NamedClientTypeSignature anonymous = signature.arguments().get(2).namedTypeSignature();
        assertThat(anonymous.name()).isEmpty();
        assertThat(anonymous.typeSignature().rawType()).isEqualTo("double");

        ClientTypeSignature timestamp = ClientTypeSignature.parse("timestamp(3) with time zone");
        assertThat(timestamp.rawType()).isEqualTo("timestamp with time zone");
        assertThat(timestamp.arguments()).containsExactly(ClientTypeSignatureParameter.ofLong(3));
    }

    @Test
    void rejectsBadTypeStrings()
    {
        for (String type : List.of("", "row(", "map(varchar,,bigint)", "row(\"x bigint)", "a<b>", "row(\"x\")")) {
            assertThatThrownBy(() -> ClientTypeSignature.parse(type))
                    .as(type)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unboundedVarcharCarriesItsLengthInBothDialects()
            throws JsonProcessingException
    {
        ClientTypeSignature varchar = ClientTypeSignature.parse("varchar");
        assertThat(varchar.arguments()).containsExactly(ClientTypeSignatureParameter.ofLong(2147483647L));
        assertThat(MAPPER.writeValueAsString(varchar)).isEqualTo(json(
                "{'rawType':'varchar','arguments':[{'kind':'LONG_LITERAL','value':2147483647}],'typeArguments':[],'literalArguments':[]}"));
        assertThat(MAPPER.writeValueAsString(varchar.withDialect(Dialect.TRINO))).isEqualTo(json(
                "{'rawType':'varchar','arguments':[{'kind':'LONG','value':2147483647}]}"));
    }

    @Test
    void rowFieldIsAStringForPrestoAndAnObjectForTrino()
            throws JsonProcessingException
    {
        ClientTypeSignature row = ClientTypeSignature.parse("row(x bigint,\"y\" varchar(3),double)");

        String presto = MAPPER.writeValueAsString(row.withDialect(Dialect.PRESTO));
        assertThat(presto).isEqualTo(json("{'rawType':'row','arguments':["
                + "{'kind':'NAMED_TYPE_SIGNATURE','value':{'fieldName':{'name':'x','delimited':false},'typeSignature':'bigint'}},"
                + "{'kind':'NAMED_TYPE_SIGNATURE','value':{'fieldName':{'name':'y','delimited':true},'typeSignature':'varchar(3)'}},"
                + "{'kind':'NAMED_TYPE_SIGNATURE','value':{'fieldName':null,'typeSignature':'double'}}],"
                + "'typeArguments':["
                + "{'rawType':'bigint','arguments':[],'typeArguments':[],'literalArguments':[]},"
                + "{'rawType':'varchar','arguments':[{'kind':'LONG_LITERAL','value':3}],'typeArguments':[],'literalArguments':[]},"
                + "{'rawType':'double','arguments':[],'typeArguments':[],'literalArguments':[]}],"
                + "'literalArguments':['x','y',null]}"));

        String trino = MAPPER.writeValueAsString(row.withDialect(Dialect.TRINO));
        assertThat(trino).isEqualTo(json("{'rawType':'row','arguments':["
                + "{'kind':'NAMED_TYPE','value':{'fieldName':{'name':'x'},'typeSignature':{'rawType':'bigint','arguments':[]}}},"
                + "{'kind':'NAMED_TYPE','value':{'fieldName':{'name':'y'},'typeSignature':{'rawType':'varchar','arguments':[{'kind':'LONG','value':3}]}}},"
                + "{'kind':'NAMED_TYPE','value':{'fieldName':null,'typeSignature':{'rawType':'double','arguments':[]}}}]}"));

        JsonNode prestoField = MAPPER.readTree(presto).get("arguments").get(0).get("value").get("typeSignature");
        JsonNode trinoField = MAPPER.readTree(trino).get("arguments").get(0).get("value").get("typeSignature");
        assertThat(prestoField.isTextual()).isTrue();
        assertThat(trinoField.isObject()).isTrue();
    }

    @Test
    void nestedTypesRenderInTheSignaturesDialect()
            throws JsonProcessingException
    {
        ClientTypeSignature array = ClientTypeSignature.parse("array(row(x varchar))").withDialect(Dialect.TRINO);
        assertThat(MAPPER.writeValueAsString(array)).isEqualTo(json("{'rawType':'array','arguments':[{'kind':'TYPE','value':"
                + "{'rawType':'row','arguments':[{'kind':'NAMED_TYPE','value':{'fieldName':{'name':'x'},'typeSignature':"
                + "{'rawType':'varchar','arguments':[{'kind':'LONG','value':2147483647}]}}}]}}]}"));
    }

    @Test
    void jsonRoundTripsInBothDialects()
            throws JsonProcessingException
    {
        for (String type : List.of("bigint", "varchar", "decimal(38,0)", "array(map(varchar,row(a bigint,b array(double))))", "row(bigint,x timestamp(3) with time zone)")) {
            for (Dialect dialect : Dialect.values()) {
                ClientTypeSignature signature = ClientTypeSignature.parse(type).withDialect(dialect);
                String json = MAPPER.writeValueAsString(signature);
                ClientTypeSignature read = MAPPER.readValue(json, ClientTypeSignature.class);
                assertThat(read).as("%s in %s", type, dialect).isEqualTo(signature);
                assertThat(read.dialect()).as("%s in %s", type, dialect).isEqualTo(dialect);
                assertThat(MAPPER.writeValueAsString(read)).as("%s in %s", type, dialect).isEqualTo(json);
                assertThat(read.toString()).isEqualTo(type);
            }
        }
    }

    @Test
    void trinoDropsTheDelimitedFlag()
            throws JsonProcessingException
    {
        ClientTypeSignature row = ClientTypeSignature.parse("row(\"A b\" bigint)");
        ClientTypeSignature viaPresto = MAPPER.readValue(MAPPER.writeValueAsString(row), ClientTypeSignature.class);
        ClientTypeSignature viaTrino = MAPPER.readValue(MAPPER.writeValueAsString(row.withDialect(Dialect.TRINO)), ClientTypeSignature.class);
        assertThat(viaPresto.arguments().get(0).namedTypeSignature().delimited()).isTrue();
        assertThat(viaTrino.arguments().get(0).namedTypeSignature().delimited()).isFalse();
        assertThat(viaTrino.arguments().get(0).namedTypeSignature().name()).contains("A b");
        assertThat(viaTrino.toString()).isEqualTo("row(\"A b\" bigint)");
    }

    @Test
    void readsEitherSpellingOfKinds()
            throws JsonProcessingException
    {
        ClientTypeSignature mixed = MAPPER.readValue(
                json("{'rawType':'map','arguments':[{'kind':'TYPE_SIGNATURE','value':{'rawType':'bigint','arguments':[]}},{'kind':'TYPE','value':{'rawType':'double','arguments':[]}}]}"),
                ClientTypeSignature.class);
        assertThat(mixed).isEqualTo(ClientTypeSignature.parse("map(bigint,double)"));
    }

    @Test
    void equalityIgnoresDialect()
    {
        ClientTypeSignature presto = ClientTypeSignature.parse("row(x varchar)");
        ClientTypeSignature trino = presto.withDialect(Dialect.TRINO);
        assertThat(trino).isEqualTo(presto);
        assertThat(trino.hashCode()).isEqualTo(presto.hashCode());
        assertThat(trino.dialect()).isEqualTo(Dialect.TRINO);
        assertThat(trino.arguments().get(0).dialect()).isEqualTo(Dialect.TRINO);
        assertThat(trino.arguments().get(0).namedTypeSignature().typeSignature().arguments().get(0).dialect()).isEqualTo(Dialect.TRINO);
    }

    static String json(String singleQuoted)
    {
        return singleQuoted.replace('\'', '"');
    }
}
