package io.strata.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.strata.protocol.TestClientTypeSignature.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestQueryResults
{
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());
    private static final URI INFO_URI = URI.create("http://127.0.0.1:8080/ui/query.html?20250101_000000_00001_abcde");
    private static final URI NEXT_URI = URI.create("http://127.0.0.1:8080/v1/statement/executing/20250101_000000_00001_abcde/x0123/1");

    @Test
    void queuedResponseHasOnlyWhatIsSet()
            throws JsonProcessingException
    {
        QueryResults results = QueryResults.builder("20250101_000000_00001_abcde", INFO_URI, StatementStats.builder().state(QueryState.QUEUED).queued(true).build())
                .nextUri(NEXT_URI)
                .build();

        JsonNode json = MAPPER.valueToTree(results);
        assertThat(fieldNames(json)).containsExactly("id", "infoUri", "nextUri", "stats", "warnings");
        assertThat(json.get("nextUri").asText()).isEqualTo(NEXT_URI.toString());
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.get("warnings")).isEmpty();
        assertThat(json.get("stats").get("state").asText()).isEqualTo("QUEUED");
        assertThat(json.get("stats").get("queued").asBoolean()).isTrue();
        // Trino reads both as fields and rejects a missing one
        assertThat(json.get("stats").has("progressPercentage")).isTrue();
        assertThat(json.get("stats").get("progressPercentage").isNull()).isTrue();
        assertThat(json.get("stats").get("runningPercentage").isNull()).isTrue();
        assertThat(json.get("stats").has("rootStage")).isFalse();
    }

    @Test
    void dataIsOmittedWhenEmptyAndColumnsArePresentWithData()
            throws JsonProcessingException
    {
        List<Column> columns = List.of(Column.of("result", "boolean", Dialect.PRESTO));
        QueryResults noRows = QueryResults.builder("q", INFO_URI, runningStats())
                .columns(columns)
                .data(List.of())
                .updateType("CREATE TABLE")
                .build();
        assertThat(fieldNames(MAPPER.valueToTree(noRows))).containsExactly("id", "infoUri", "columns", "stats", "warnings", "updateType");

        QueryResults withRows = noRows.toBuilder().data(List.of(List.of(true))).updateCount(1).build();
        JsonNode json = MAPPER.valueToTree(withRows);
        assertThat(fieldNames(json)).containsExactly("id", "infoUri", "columns", "data", "stats", "warnings", "updateType", "updateCount");
        assertThat(MAPPER.writeValueAsString(json.get("columns"))).isEqualTo(json(
                "[{'name':'result','type':'boolean','typeSignature':{'rawType':'boolean','arguments':[],'typeArguments':[],'literalArguments':[]}}]"));
        assertThat(MAPPER.writeValueAsString(json.get("data"))).isEqualTo("[[true]]");
        assertThat(json.get("updateCount").asLong()).isEqualTo(1);
    }

    @Test
    void rejectsDataWithoutColumns()
    {
        QueryResults.Builder builder = QueryResults.builder("q", INFO_URI, runningStats()).data(List.of(List.of(1)));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data present without columns");

        assertThatThrownBy(() -> MAPPER.readValue(
                json("{'id':'q','infoUri':'http://h/','stats':{'state':'RUNNING'},'data':[[1]]}"),
                QueryResults.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("data present without columns");
    }

    @Test
    void rejectsRowsOfTheWrongWidth()
    {
        QueryResults.Builder builder = QueryResults.builder("q", INFO_URI, runningStats())
                .columns(List.of(Column.of("a", "bigint", Dialect.PRESTO), Column.of("b", "bigint", Dialect.PRESTO)))
                .data(List.of(List.of(1, 2), List.of(3)));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 values for 2 columns");
    }

    @Test
    void roundTripsEverythingAndKeepsValuesAsJsonDecodedThem()
            throws JsonProcessingException
    {
        List<Column> columns = List.of(
                Column.of("id", "bigint", Dialect.PRESTO),
                Column.of("price", "decimal(10,2)", Dialect.PRESTO),
                Column.of("tags", "array(varchar)", Dialect.PRESTO),
                Column.of("attributes", "map(varchar,bigint)", Dialect.PRESTO),
                Column.of("point", "row(x double,y double)", Dialect.PRESTO),
                Column.of("ratio", "double", Dialect.PRESTO));
        List<List<Object>> data = new ArrayList<>();
        data.add(Arrays.asList(9007199254740993L, "12.34", List.of("a", "b"), Map.of("k", 1), List.of(1.5, 2.5), "NaN"));
        data.add(Arrays.asList(2, null, null, null, null, null));
        StageStats rootStage = StageStats.builder()
                .stageId("0")
                .state("RUNNING")
                .totalSplits(10)
                .completedSplits(4)
                .subStages(List.of(StageStats.builder().stageId("1").state("FINISHED").done(true).build()))
                .build();
        QueryResults results = QueryResults.builder("20250101_000000_00001_abcde", INFO_URI, runningStats().toBuilder().rootStage(Optional.of(rootStage)).build())
                .partialCancelUri(Optional.of(URI.create("http://127.0.0.1:8080/v1/stage/20250101_000000_00001_abcde.1")))
                .nextUri(NEXT_URI)
                .columns(columns)
                .data(data)
                .warnings(List.of(new Warning(new Warning.Code(1, "PARSER_WARNING"), "deprecated syntax")))
                .build();

        String json = MAPPER.writeValueAsString(results);
        QueryResults read = MAPPER.readValue(json, QueryResults.class);
        assertThat(read).isEqualTo(results);
        assertThat(MAPPER.writeValueAsString(read)).isEqualTo(json);

        List<Object> first = read.data().get(0);
        assertThat(first.get(0)).isEqualTo(9007199254740993L);
        assertThat(first.get(1)).isEqualTo("12.34");
        assertThat(first.get(2)).isEqualTo(List.of("a", "b"));
        assertThat(first.get(3)).isEqualTo(Map.of("k", 1));
        assertThat(first.get(5)).isEqualTo("NaN");
        assertThat(read.data().get(1)).containsExactly(2, null, null, null, null, null);
        assertThat(read.stats().rootStage().orElseThrow().subStages().get(0).done()).isTrue();
    }

    @Test
    void failedResponseCarriesTheError()
            throws JsonProcessingException
    {
        QueryError error = QueryError.of(
                ErrorCode.SYNTAX_ERROR,
                "line 1:8: mismatched input 'FORM'",
                Optional.of(new ErrorLocation(1, 8)),
                Optional.of(FailureInfo.of(new IllegalStateException("parser", new RuntimeException("cause")))));
        QueryResults results = QueryResults.builder("q", INFO_URI, StatementStats.builder().state(QueryState.FAILED).build())
                .error(error)
                .build();

        JsonNode json = MAPPER.valueToTree(results);
        assertThat(fieldNames(json)).containsExactly("id", "infoUri", "stats", "error", "warnings");
        JsonNode errorJson = json.get("error");
        assertThat(fieldNames(errorJson)).containsExactly("message", "sqlState", "errorCode", "errorName", "errorType", "retriable", "errorLocation", "failureInfo");
        assertThat(errorJson.get("errorCode").asInt()).isEqualTo(1);
        assertThat(errorJson.get("errorName").asText()).isEqualTo("SYNTAX_ERROR");
        assertThat(errorJson.get("errorType").asText()).isEqualTo("USER_ERROR");
        assertThat(errorJson.get("sqlState").asText()).isEqualTo("42000");
        assertThat(errorJson.get("retriable").asBoolean()).isFalse();
        assertThat(MAPPER.writeValueAsString(errorJson.get("errorLocation"))).isEqualTo(json("{'lineNumber':1,'columnNumber':8}"));
        assertThat(errorJson.get("failureInfo").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(errorJson.get("failureInfo").get("cause").get("message").asText()).isEqualTo("cause");

        QueryResults read = MAPPER.readValue(MAPPER.writeValueAsString(results), QueryResults.class);
        assertThat(read).isEqualTo(results);
        assertThat(read.error().orElseThrow().knownErrorCode()).contains(ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void readsWhatOtherServersSend()
            throws JsonProcessingException
    {
        // a Presto-shaped response: unknown fields, no warnings, a column without typeSignature, a nameless error location
        QueryResults read = MAPPER.readValue(json("{'id':'q','infoUri':'http://h/','binaryData':null,'futureField':{'a':1},"
                + "'columns':[{'name':'x','type':'varchar(3)'}],'data':[['abc']],"
                + "'stats':{'state':'RUNNING','scheduled':true,'totalSplits':4,'completedSplits':1,'progressPercentage':25.0,'somethingNew':1},"
                + "'error':{'message':'boom','errorCode':65536,'errorName':'GENERIC_INTERNAL_ERROR','errorType':'INTERNAL_ERROR'}}"),
                QueryResults.class);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.columns().orElseThrow().get(0).typeSignature()).isEqualTo(ClientTypeSignature.parse("varchar(3)"));
        assertThat(read.stats().progressPercentage()).isEqualTo(OptionalDouble.of(25.0));
        assertThat(read.error().orElseThrow().sqlState()).isEmpty();
        assertThat(read.error().orElseThrow().knownErrorCode()).contains(ErrorCode.GENERIC_INTERNAL_ERROR);
    }

    @Test
    void rendersColumnsInTheRequestedDialect()
    {
        QueryResults results = QueryResults.builder("q", INFO_URI, runningStats())
                .columns(List.of(Column.of("r", "row(x bigint)", Dialect.PRESTO)))
                .build();
        JsonNode presto = MAPPER.valueToTree(results);
        JsonNode trino = MAPPER.valueToTree(results.withDialect(Dialect.TRINO));
        assertThat(presto.at("/columns/0/typeSignature/arguments/0/value/typeSignature").isTextual()).isTrue();
        assertThat(trino.at("/columns/0/typeSignature/arguments/0/value/typeSignature").isObject()).isTrue();
        assertThat(trino.at("/columns/0/typeSignature/arguments/0/kind").asText()).isEqualTo("NAMED_TYPE");
        assertThat(results.withDialect(Dialect.TRINO)).isEqualTo(results);
    }

    @Test
    void progressIsKnownOnceScheduled()
    {
        StatementStats stats = StatementStats.builder().state(QueryState.RUNNING).totalSplits(8).runningSplits(2).completedSplits(3).build();
        assertThat(stats.progressPercentage()).isEmpty();
        assertThat(stats.runningPercentage()).isEmpty();
        StatementStats scheduled = stats.toBuilder().scheduled(true).build();
        assertThat(scheduled.progressPercentage()).isEqualTo(OptionalDouble.of(37.5));
        assertThat(scheduled.runningPercentage()).isEqualTo(OptionalDouble.of(25.0));
        assertThat(scheduled.toBuilder().completedSplits(9).build().progressPercentage()).isEqualTo(OptionalDouble.of(100));
        assertThat(scheduled.toBuilder().totalSplits(0).completedSplits(0).build().progressPercentage()).isEmpty();
    }

    private static StatementStats runningStats()
    {
        return StatementStats.builder()
                .state(QueryState.RUNNING)
                .scheduled(true)
                .nodes(1)
                .totalSplits(4)
                .completedSplits(2)
                .build();
    }

    private static List<String> fieldNames(JsonNode json)
    {
        List<String> names = new ArrayList<>();
        for (Iterator<String> iterator = json.fieldNames(); iterator.hasNext(); ) {
            names.add(iterator.next());
        }
        return names;
    }
}
