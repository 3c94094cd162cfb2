package io.strata.core.metadata;

public enum FunctionKind
{
    SCALAR,
    AGGREGATE,
}
