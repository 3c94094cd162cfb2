package io.strata.core.metadata;

/**
 * What a DDL statement without rows to move does (CREATE SCHEMA, CREATE TABLE, DROP TABLE), bound at analysis
 * and run when the statement executes, not when it is planned or explained.
 */
@FunctionalInterface
public interface DataDefinitionTask
{
    /** @throws io.strata.spi.StrataException for user errors found only now (a concurrent CREATE) */
    void execute();
}
