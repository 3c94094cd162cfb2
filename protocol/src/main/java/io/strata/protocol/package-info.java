/**
 * The wire contract between clients and coordinators: the Presto client REST protocol (v1) as real
 * drivers (presto-jdbc, trino-jdbc) and our own client read it. It holds the JSON messages of a statement
 * ({@link io.strata.protocol.QueryResults} with its columns, type signatures, statistics, errors and
 * warnings), {@code /v1/info}'s {@link io.strata.protocol.ServerInfo}, the HTTP header names in both
 * spellings ({@link io.strata.protocol.ProtocolHeaders}, chosen by {@link io.strata.protocol.Dialect}),
 * the query lifecycle states and every {@link io.strata.protocol.ErrorCode}. The coordinator renders these
 * objects and the client parses them; nothing here does I/O or depends on more than jackson-annotations, so
 * the classes run on Java 11 inside the JDBC driver. Absent values are {@code Optional}s: the
 * {@code ObjectMapper} that reads or writes these classes needs jackson-datatype-jdk8's {@code Jdk8Module}.
 */
package io.strata.protocol;
