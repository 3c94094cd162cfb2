package io.strata.sql.tree;

/**
 * A statement: what {@code SqlParser.createStatement} returns.
 */
public sealed interface Statement
        extends Node
        permits Query,
                Explain,
                ShowCatalogs,
                ShowSchemas,
                ShowTables,
                ShowColumns,
                ShowSession,
                ShowFunctions,
                Use,
                SetSession,
                ResetSession,
                Prepare,
                Execute,
                Deallocate,
                DescribeInput,
                DescribeOutput,
                StartTransaction,
                Commit,
                Rollback,
                CreateSchema,
                CreateTable,
                CreateTableAsSelect,
                Insert,
                DropTable
{
}
