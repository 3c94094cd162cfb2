package io.strata.spi.connector;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A connector's reference to a column. Implementations are records (equality matters: handles key maps).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
public interface ColumnHandle
{
}
