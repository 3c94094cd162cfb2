package io.strata.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One response of the statement protocol: the body of {@code POST /v1/statement} and of every GET of
 * {@code nextUri}. The client follows {@code nextUri} until it is absent; the statement then failed if
 * {@code error} is present and succeeded otherwise.
 * <p>
 * What the JDBC drivers depend on, and this class therefore enforces or writes:
 * <ul>
 * <li>{@code columns} is present whenever {@code data} is (the drivers decode rows by the columns);
 * <li>{@code data} is omitted when there are no rows: some clients mishandle an empty list;
 * <li>{@code warnings} is always written, as a list;
 * <li>{@code updateType} must already be set on the response that first carries {@code columns} (the
 * drivers decide there whether the statement is a query or an update); that is the server's duty.
 * </ul>
 * Values in {@code data} stay as JSON decoded them: numbers, strings (decimals, dates, NaN), booleans,
 * lists (arrays and rows) and maps; SQL NULL is {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"id", "infoUri", "partialCancelUri", "nextUri", "columns", "data", "stats", "error", "warnings", "updateType", "updateCount"})
public final class QueryResults
{
    private final String id;
    private final URI infoUri;
    private final Optional<URI> partialCancelUri;
    private final Optional<URI> nextUri;
    private final Optional<List<Column>> columns;
    private final List<List<Object>> data;
    private final StatementStats stats;
    private final Optional<QueryError> error;
    private final List<Warning> warnings;
    private final Optional<String> updateType;
    private final OptionalLong updateCount;

    public QueryResults(
            String id,
            URI infoUri,
            Optional<URI> partialCancelUri,
            Optional<URI> nextUri,
            Optional<List<Column>> columns,
            List<List<Object>> data,
            StatementStats stats,
            Optional<QueryError> error,
            List<Warning> warnings,
            Optional<String> updateType,
            OptionalLong updateCount)
    {
        this.id = requireNonNull(id, "id is null");
        this.infoUri = requireNonNull(infoUri, "infoUri is null");
        this.partialCancelUri = requireNonNull(partialCancelUri, "partialCancelUri is null");
        this.nextUri = requireNonNull(nextUri, "nextUri is null");
        this.columns = requireNonNull(columns, "columns is null").map(List::copyOf);
        this.data = copyData(requireNonNull(data, "data is null"));
        this.stats = requireNonNull(stats, "stats is null");
        this.error = requireNonNull(error, "error is null");
        this.warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        this.updateType = requireNonNull(updateType, "updateType is null");
        this.updateCount = requireNonNull(updateCount, "updateCount is null");

        if (!this.data.isEmpty()) {
            if (this.columns.isEmpty()) {
                throw new IllegalArgumentException("data present without columns");
            }
            int columnCount = this.columns.get().size();
            for (List<Object> row : this.data) {
                if (row.size() != columnCount) {
                    throw new IllegalArgumentException("row has " + row.size() + " values for " + columnCount + " columns");
                }
            }
        }
    }

    @JsonCreator
    public static QueryResults fromJson(
            @JsonProperty("id") String id,
            @JsonProperty("infoUri") URI infoUri,
            @JsonProperty("partialCancelUri") URI partialCancelUri,
            @JsonProperty("nextUri") URI nextUri,
            @JsonProperty("columns") List<Column> columns,
            @JsonProperty("data") List<List<Object>> data,
            @JsonProperty("stats") StatementStats stats,
            @JsonProperty("error") QueryError error,
            @JsonProperty("warnings") List<Warning> warnings,
            @JsonProperty("updateType") String updateType,
            @JsonProperty("updateCount") Long updateCount)
    {
        return new QueryResults(
                id,
                infoUri,
                Optional.ofNullable(partialCancelUri),
                Optional.ofNullable(nextUri),
                Optional.ofNullable(columns),
                data == null ? List.of() : data,
                stats,
                Optional.ofNullable(error),
                warnings == null ? List.of() : warnings,
                Optional.ofNullable(updateType),
                updateCount == null ? OptionalLong.empty() : OptionalLong.of(updateCount));
    }

    // rows hold SQL NULLs, which List.copyOf rejects
    private static List<List<Object>> copyData(List<List<Object>> data)
    {
        if (data.isEmpty()) {
            return List.of();
        }
        List<List<Object>> rows = new ArrayList<>(data.size());
        for (List<Object> row : data) {
            rows.add(Collections.unmodifiableList(new ArrayList<>(requireNonNull(row, "row is null"))));
        }
        return Collections.unmodifiableList(rows);
    }

    /** The query id, {@code YYYYMMDD_HHMMSS_NNNNN_<coordinatorId>}. */
    @JsonProperty("id")
    public String id()
    {
        return id;
    }

    @JsonProperty("infoUri")
    public URI infoUri()
    {
        return infoUri;
    }

    @JsonProperty("partialCancelUri")
    public Optional<URI> partialCancelUri()
    {
        return partialCancelUri;
    }

    /** Where to GET the next response, or DELETE to cancel; absent once the statement is over. */
    @JsonProperty("nextUri")
    public Optional<URI> nextUri()
    {
        return nextUri;
    }

    @JsonProperty("columns")
    public Optional<List<Column>> columns()
    {
        return columns;
    }

    /** The rows of this response, possibly none; values as JSON decoded them. */
    @JsonProperty("data")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<List<Object>> data()
    {
        return data;
    }

    @JsonProperty("stats")
    public StatementStats stats()
    {
        return stats;
    }

    @JsonProperty("error")
    public Optional<QueryError> error()
    {
        return error;
    }

    @JsonProperty("warnings")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public List<Warning> warnings()
    {
        return warnings;
    }

    /** E.g. {@code INSERT}, {@code CREATE TABLE}, {@code SET SESSION}: the statement is not a query. */
    @JsonProperty("updateType")
    public Optional<String> updateType()
    {
        return updateType;
    }

    @JsonProperty("updateCount")
    public OptionalLong updateCount()
    {
        return updateCount;
    }

    /** These results with their columns' type signatures rendering in {@code dialect}. */
    public QueryResults withDialect(Dialect dialect)
    {
        requireNonNull(dialect, "dialect is null");
        return toBuilder()
                .columns(columns.map(list -> {
                    List<Column> converted = new ArrayList<>(list.size());
                    for (Column column : list) {
                        converted.add(column.withDialect(dialect));
                    }
                    return converted;
                }))
                .build();
    }

    @Override
    public boolean equals(Object other)
    {
        if (this == other) {
            return true;
        }
        if (!(other instanceof QueryResults)) {
            return false;
        }
        QueryResults that = (QueryResults) other;
        return id.equals(that.id) &&
                infoUri.equals(that.infoUri) &&
                partialCancelUri.equals(that.partialCancelUri) &&
                nextUri.equals(that.nextUri) &&
                columns.equals(that.columns) &&
                data.equals(that.data) &&
                stats.equals(that.stats) &&
                error.equals(that.error) &&
                warnings.equals(that.warnings) &&
                updateType.equals(that.updateType) &&
                updateCount.equals(that.updateCount);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(id, infoUri, partialCancelUri, nextUri, columns, data, stats, error, warnings, updateType, updateCount);
    }

    @Override
    public String toString()
    {
        StringBuilder text = new StringBuilder("QueryResults{").append(id)
                .append(", ").append(stats.state())
                .append(", ").append(data.size()).append(" rows");
        nextUri.ifPresent(uri -> text.append(", next ").append(uri));
        error.ifPresent(queryError -> text.append(", error ").append(queryError));
        return text.append('}').toString();
    }

    public static Builder builder(String id, URI infoUri, StatementStats stats)
    {
        return new Builder(id, infoUri, stats);
    }

    public Builder toBuilder()
    {
        Builder builder = new Builder(id, infoUri, stats);
        builder.partialCancelUri = partialCancelUri;
        builder.nextUri = nextUri;
        builder.columns = columns;
        builder.data = data;
        builder.error = error;
        builder.warnings = warnings;
        builder.updateType = updateType;
        builder.updateCount = updateCount;
        return builder;
    }

    public static final class Builder
    {
        private String id;
        private URI infoUri;
        private StatementStats stats;
        private Optional<URI> partialCancelUri = Optional.empty();
        private Optional<URI> nextUri = Optional.empty();
        private Optional<List<Column>> columns = Optional.empty();
        private List<List<Object>> data = List.of();
        private Optional<QueryError> error = Optional.empty();
        private List<Warning> warnings = List.of();
        private Optional<String> updateType = Optional.empty();
        private OptionalLong updateCount = OptionalLong.empty();

        private Builder(String id, URI infoUri, StatementStats stats)
        {
            this.id = requireNonNull(id, "id is null");
            this.infoUri = requireNonNull(infoUri, "infoUri is null");
            this.stats = requireNonNull(stats, "stats is null");
        }

        public Builder id(String id)
        {
            this.id = requireNonNull(id, "id is null");
            return this;
        }

        public Builder infoUri(URI infoUri)
        {
            this.infoUri = requireNonNull(infoUri, "infoUri is null");
            return this;
        }

        public Builder stats(StatementStats stats)
        {
            this.stats = requireNonNull(stats, "stats is null");
            return this;
        }

        public Builder partialCancelUri(Optional<URI> partialCancelUri)
        {
            this.partialCancelUri = requireNonNull(partialCancelUri, "partialCancelUri is null");
            return this;
        }

        public Builder nextUri(Optional<URI> nextUri)
        {
            this.nextUri = requireNonNull(nextUri, "nextUri is null");
            return this;
        }

        public Builder nextUri(URI nextUri)
        {
            return nextUri(Optional.of(nextUri));
        }

        public Builder columns(Optional<List<Column>> columns)
        {
            this.columns = requireNonNull(columns, "columns is null");
            return this;
        }

        public Builder columns(List<Column> columns)
        {
            return columns(Optional.of(columns));
        }

        public Builder data(List<List<Object>> data)
        {
            this.data = requireNonNull(data, "data is null");
            return this;
        }

        public Builder error(Optional<QueryError> error)
        {
            this.error = requireNonNull(error, "error is null");
            return this;
        }

        public Builder error(QueryError error)
        {
            return error(Optional.of(error));
        }

        public Builder warnings(List<Warning> warnings)
        {
            this.warnings = requireNonNull(warnings, "warnings is null");
            return this;
        }

        public Builder updateType(Optional<String> updateType)
        {
            this.updateType = requireNonNull(updateType, "updateType is null");
            return this;
        }

        public Builder updateType(String updateType)
        {
            return updateType(Optional.of(updateType));
        }

        public Builder updateCount(OptionalLong updateCount)
        {
            this.updateCount = requireNonNull(updateCount, "updateCount is null");
            return this;
        }

        public Builder updateCount(long updateCount)
        {
            return updateCount(OptionalLong.of(updateCount));
        }

        public QueryResults build()
        {
            return new QueryResults(id, infoUri, partialCancelUri, nextUri, columns, data, stats, error, warnings, updateType, updateCount);
        }
    }
}
